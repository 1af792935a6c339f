import { letterOf, type Operator, SYMBOLS } from '../algebra/operators.js';
import { fold, type Lexicon } from './lexicon.js';
import type { Found } from './phrase-matcher.js';

/**
 * Questions in natural form, in English, Chinese or both: how to use the bot, a word to simplify inside a sentence,
 * what a technology is or how it works, how two differ. The vocabulary (what people call each operator) is the
 * knowledge base's `terms`; the grammar is here. A request that is none of these is left to the other routes.
 */
export type Question =
  | { readonly kind: 'help' }
  | { readonly kind: 'simplify'; readonly word: string }
  | { readonly kind: 'explain'; readonly target: string }
  | { readonly kind: 'compare'; readonly items: readonly string[] };

const MULTI_LETTER = SYMBOLS.filter((s) => s.length > 1 && s !== 'We');
// An operator named as one, whatever its letter: "the S operator", "S 这个算子", "operator W", "V 算子".
const NAMED_OPERATOR = new RegExp(
  `(?<![A-Za-z])(${[...SYMBOLS].sort((a, b) => b.length - a.length).join('|')})\\s*(?:这个\\s*)?(?:operator|算子|运算符)|` +
    `(?:operator|算子)\\s+(${[...SYMBOLS].sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z])`,
  'g',
);
// A symbol of two letters or more written as one (`Kc`, `Otel`): case matters, so "am" and "ns" stay words.
const BARE_SYMBOL = new RegExp(`(?<![A-Za-z])(${MULTI_LETTER.join('|')})(?![A-Za-z])`, 'g');

/** Every technology a text names, left to right: products, concepts, operator names and symbols. */
export function findTerms(text: string, lexicon: Lexicon): Found<Operator>[] {
  const plain = text.normalize('NFKC');
  const found: Found<Operator>[] = lexicon.terms.findAll(fold(text));
  for (const m of plain.matchAll(NAMED_OPERATOR)) {
    found.push({ start: m.index, end: m.index + m[0].length, value: (m[1] ?? m[2]) as Operator });
  }
  for (const m of plain.matchAll(BARE_SYMBOL)) {
    found.push({ start: m.index, end: m.index + m[0].length, value: m[1] as Operator });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Found<Operator>[] = [];
  for (const f of found) if (out.length === 0 || f.start >= out[out.length - 1].end) out.push(f);
  return out;
}

// A word of the algebra written inside a sentence: at least two letters joined by a composition sign.
const TOKEN = String.raw`(?:[A-Za-z]{1,5}(?:\^-1|\^\{-1\}|⁻¹)?|∅)`;
const SIGN = String.raw`\s*(?:∘|○|◦|→|⟶|➝|➔|->|=>)\s*`;
const EMBEDDED = new RegExp(String.raw`(?<![A-Za-z0-9])${TOKEN}(?:${SIGN}${TOKEN})+(?![A-Za-z0-9])`, 'g');

/** The operator words written inside a text (`simplify V->C->M please`), with where they stand. */
function embeddedWords(text: string): Found<string>[] {
  return [...text.normalize('NFKC').matchAll(EMBEDDED)]
    .filter((m) => m[0].split(new RegExp(SIGN)).every((t) => letterOf(t.trim()) !== undefined))
    .map((m) => ({ start: m.index, end: m.index + m[0].length, value: m[0] }));
}

/** True when the text, outside the given spans, names a requirement: then it is a request, not a question. */
function namesNeeds(text: string, spans: readonly Found<unknown>[], lexicon: Lexicon): boolean {
  let rest = fold(text);
  for (const s of spans) rest = rest.slice(0, s.start) + ' '.repeat(s.end - s.start) + rest.slice(s.end);
  return lexicon.needsAndNegations.findAll(rest).some((p) => p.value.kind === 'need');
}

// Questions about the bot itself.
const HELP_EN = [
  /\bhow\s+(?:do|can|should|would)\s+(?:i|we|you)\s+(?:use|ask|query|talk to)\b(?!\s+(?:it|them)\s+(?:for|with))/i,
  /\bwhat\s+(?:do|should|can|could)\s+(?:i|we)\s+(?:write|type|put|ask|enter|send)\b/i,
  /\bwhat\s+(?:kinds?\s+of\s+|sorts?\s+of\s+|types?\s+of\s+)?(?:questions|things|requests)\s+(?:can|do|could)\s+(?:you|i|we)\b/i,
  /\bwhat\s+can\s+you\s+(?:do|answer|help)\b/i,
  /^(?:usage|examples?|show me (?:some )?examples?|give me (?:an? )?examples?)\b/i,
];
const HELP_ZH = [
  /^(?:这个\s*(?:bot|机器人|工具|命令)\s*|你\s*|stack-advisor\s*|\/stack\s*)?(?:怎么用|如何使用|怎么使用|怎样使用|用法|使用方法|使用说明|帮助)(?:啊|呢|呀)?$/i,
  /\/stack\s*(?:后面|后边|之后)/i,
  /(?:你|bot|机器人)\s*(?:能|可以|会)\s*(?:回答|做|干|处理)\s*(?:哪些|什么|啥)/i,
  /(?:能|可以)\s*问\s*(?:哪些|什么|啥)/,
  /\busage\b/i,
  /(?:sample|example|示例|例子|样例)\s*(?:query|问题)?\s*(?:吗|呢|？|\?|$)/i,
];

/** Every question about the bot (HELP_EN, HELP_ZH) has one of these words: a text without any is not one. */
export const HELP_HINT = /how|what|usage|example|show me|give me|用|帮助|\/stack|能|可以|会|问|sample|示例|例子|样例/i;
export const HELP_PATTERNS: readonly RegExp[] = [...HELP_EN, ...HELP_ZH];

function isHelp(text: string, lexicon: Lexicon): boolean {
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/[?？!！.。~～\s]+$/, '');
  // One scan for the words every pattern needs (in the folded text: `ｈｏｗ` is `how`), before the eleven patterns.
  if (!HELP_HINT.test(t) || !HELP_PATTERNS.some((re) => re.test(t))) return false;
  // "how do I use gVisor?" is about gVisor, "how do we use this for PCI" is a request.
  return findTerms(t, lexicon).length === 0 && !namesNeeds(t, [], lexicon);
}

// English questions that ask what something is or how it works: the technology comes right after the lead.
const EXPLAIN_LEAD_EN =
  /^(?:(?:hey|hi|so|ok|okay|quick question|q|noob question)[,:!]?\s+)?(?:what\s+do\s+you\s+mean\s+by|what\s+exactly\s+(?:is|are|does)|what\s+(?:is|are|does|do)|what's|whats|what're|(?:can|could|would)\s+you\s+(?:please\s+)?(?:explain|describe|tell\s+me\s+about)|please\s+explain|explain|describe|tell\s+me\s+about|how\s+(?:exactly\s+)?(?:does|do|is|are)|why\s+(?:does|do|is|are|would)|define)\s+(?:(?:a|an|the)\s+)?/i;
// Chinese question cues, and the leads that may stand before the technology asked about.
const CUE_ZH = /什么|啥|吗|呢|怎么|如何|为什么|为啥|哪些|原理|作用|角色|意思|干嘛|机制|[?？]/;
const LEAD_ZH = /^(?:\s|请问|那么|那|所以|另外|话说|为什么|为啥|什么是|这个|那个|说说|讲讲|解释一下|介绍一下)+/;
// "WasmEdge 跑在网关上合适吗？", "Kata 能满足等保吗？": whether a technology fits is a request, not a question about it.
const FITS_ZH =
  /合适|适合|适用|可以吗|可不可以|能不能|能否|行不行|行吗|够不够|够吗|能满足|满足.*吗|靠谱|好不好|值得|推荐/;
const CLAUSE_ZH = /[^，,。；;！!？?\n]+[，,。；;！!？?\n]?/g;

function explainTarget(text: string, lexicon: Lexicon): string | undefined {
  const t = text.normalize('NFKC').trim();
  const lead = EXPLAIN_LEAD_EN.exec(t);
  if (lead) {
    const first = findTerms(t, lexicon)[0];
    if (first !== undefined && first.start === lead[0].length) return first.value;
    return undefined;
  }
  if (!/\p{Script=Han}/u.test(t)) return undefined;
  for (const m of t.matchAll(CLAUSE_ZH)) {
    const clause = m[0];
    // A clause without a question cue, or asking whether something fits, asks about no technology: its terms are not
    // looked for (the cheaper test first; both are needed).
    if (!CUE_ZH.test(clause) || FITS_ZH.test(clause)) continue;
    const stripped = LEAD_ZH.exec(clause)?.[0].length ?? 0;
    const first = findTerms(clause, lexicon)[0];
    if (first !== undefined && first.start === stripped) return first.value;
  }
  return undefined;
}

// Two things set against each other: "how is X different from Y", "which is lighter, X or Y", "X 和 Y 哪个…".
const SIDE = String.raw`([^,，。；;！!？?\n|｜]+?)`;
const COMPARE_PATTERNS: readonly RegExp[] = [
  new RegExp(
    String.raw`^how\s+(?:is|are|does|do)\s+${SIDE}\s+(?:different|differ)\s+(?:from|than|to|with)\s+${SIDE}\s*[?？.!]*$`,
    'i',
  ),
  new RegExp(
    String.raw`^what(?:'s| is| are)\s+the\s+differences?\s+between\s+${SIDE}\s+and\s+${SIDE}\s*[?？.!]*$`,
    'i',
  ),
  new RegExp(String.raw`^differences?\s+between\s+${SIDE}\s+and\s+${SIDE}\s*[?？.!]*$`, 'i'),
  new RegExp(String.raw`^which\b[^,:：，]*[,:：，]\s*${SIDE}\s+or\s+${SIDE}\s*[?？.!]*$`, 'i'),
  new RegExp(String.raw`^which\b.*?\bbetween\s+${SIDE}\s+and\s+${SIDE}\s*[?？.!]*$`, 'i'),
  new RegExp(String.raw`^${SIDE}\s+or\s+${SIDE}[,，]\s*which\b`, 'i'),
  new RegExp(
    String.raw`^(?:compare|contrast)\s+(?:the\s+)?${SIDE}\s+(?:and|with|to|vs\.?|versus)\s+${SIDE}\s*[?？.!]*$`,
    'i',
  ),
  new RegExp(String.raw`^${SIDE}\s+(?:vs\.?|versus|compared\s+to|compared\s+with)\s+(.+)$`, 'i'),
  new RegExp(
    String.raw`^(?:对比|比较|compare)\s*(?:一下)?\s*${SIDE}\s*(?:和|与|跟|及|and|vs\.?)\s*${SIDE}\s*[?？。!！]*$`,
    'i',
  ),
  new RegExp(
    String.raw`^${SIDE}\s*(?:和|与|跟|还是|或者|或|对比|比)\s*${SIDE}\s*(?:相比)?\s*(?:哪个|哪一个|哪种|谁|有什么区别|有啥区别|有何区别|什么区别|啥区别|的区别|区别|差别|有什么不同|有何不同|不同)`,
  ),
];
// Words that may stand beside the technology a side names without making it a request ("a Kata VM", "seccomp alone").
const SIDE_FILLER = new Set([
  'a',
  'an',
  'the',
  'plain',
  'alone',
  'only',
  'just',
  'mode',
  'itself',
  'vanilla',
  'regular',
  'normal',
  'ordinary',
  '普通',
  '普通的',
  '模式',
  '的',
  '一个',
  '这个',
  '单纯',
  '单独',
]);

/** One side of a comparison as an operator or a word, when that is all it names. */
function sideOf(text: string, lexicon: Lexicon): string | undefined {
  const t = text.normalize('NFKC').trim();
  const words = embeddedWords(t);
  if (words.length === 1 && t.replace(words[0].value, '').replace(/[`'"“”\s]/g, '') === '') return words[0].value;
  const clause = t.split(/[,，:：;；—–(（]|\s-\s/)[0];
  const terms = findTerms(clause, lexicon);
  if (terms.length === 0) return undefined;
  let rest = clause;
  for (const term of [...terms].reverse()) rest = rest.slice(0, term.start) + ' ' + rest.slice(term.end);
  const left = fold(rest)
    .split(/[\s`'"“”?？.!！]+/)
    .filter((w) => w !== '' && !SIDE_FILLER.has(w));
  // Only one technology per side: "kata and gvisor" on one side is not one thing.
  return left.length === 0 && new Set(terms.map((x) => x.value)).size === 1 ? terms[0].value : undefined;
}

function comparison(text: string, lexicon: Lexicon): string[] | undefined {
  const t = text.normalize('NFKC').trim();
  for (const re of COMPARE_PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const a = sideOf(m[1], lexicon);
    const b = sideOf(m[2], lexicon);
    if (a !== undefined && b !== undefined && a !== b) return [a, b];
  }
  return undefined;
}

const EXPLAIN_COMMAND = /^(?:explain|define|解释|说明)(?![a-z0-9])/i;
const COMPARE_COMMAND = /^(?:compare|比较|对比)(?![a-z0-9])/i;

/** Reads a natural question, or returns undefined when the text is not one (a request, a command, a word). */
export function readQuestion(text: string, lexicon: Lexicon): Question | undefined {
  if (isHelp(text, lexicon)) return { kind: 'help' };
  if (/[|｜]/.test(text)) return undefined;
  const items = comparison(text, lexicon);
  if (items !== undefined) return { kind: 'compare', items };
  const target = explainTarget(text, lexicon);
  if (target !== undefined) return { kind: 'explain', target };
  const words = embeddedWords(text);
  // `explain V∘S∘C∘M` and `compare V∘C∘M` are commands: their own routes answer them (or say what is missing).
  if (words.length > 0 && !EXPLAIN_COMMAND.test(text.trim()) && !namesNeeds(text, words, lexicon)) {
    if (words.length === 1)
      return COMPARE_COMMAND.test(text.trim()) ? undefined : { kind: 'simplify', word: words[0].value };
    return { kind: 'compare', items: words.map((w) => w.value) };
  }
  return undefined;
}
