import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/advisor/answer.js';
import { failure } from '../../src/failure.js';
import type { Language } from '../../src/language.js';
import { adrMarkdown } from '../../src/render/adr.js';
import { answerMessage, apologyMessage, failureMessage } from '../../src/render/blocks.js';
import { operatorsMessage } from '../../src/render/blocks-explanation.js';
import { EXAMPLES } from '../../src/render/blocks-help.js';
import { diffBlocks, diffJson, diffText } from '../../src/render/diff.js';
import { REGIMES, requirementsForm } from '../../src/render/form.js';
import { homeView } from '../../src/render/home.js';
import { answerJson } from '../../src/render/json.js';
import { messages } from '../../src/render/messages/index.js';
import { renderText } from '../../src/render/terminal.js';
import { advisor } from '../support.js';
import { visibleTexts } from './block-kit-limits.js';

/**
 * Every kind of answer, in both languages, reads as that language from start to end: a Chinese answer has no English
 * prose outside code, commands, operator words, metric labels, units and product names; an English answer has no
 * Chinese except where it quotes the asker.
 */

const a = advisor();

// English function words and the verbs the core once wrote into sentences.
const ENGLISH_PROSE =
  /\b(the|and|does|not|with|this|supports|meets|excluded|is|are|of|for|from|to|by|which|its|no|or|only|when|gives|up)\b/i;
const HAN = /\p{Script=Han}/u;

/** The text a person reads, without code spans, code blocks, quoted user text, links and mentions. */
function prose(text: string, quoted: readonly string[]): string {
  let out = text
    // A terminal's command lines.
    .replace(/^\s*\$ .*$/gm, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/<[^>]*>/g, ' ');
  for (const q of quoted) out = out.split(q).join(' ');
  // The knowledge base's product names and units are the same in both languages.
  return out.replace(
    /\b(Docker|Istio|Ambient|Sidecar|Kata|WasmEdge|gVisor|Firecracker|Confidential Containers|containerd|seccomp|runc|crun|OCI|Image|Spec|VM|runtime|KVM|Envoy|OpenTelemetry|eBPF|OPA|Gatekeeper|Cilium|Hubble|Linkerd|SELinux|AppArmor|Landlock|Xen|Hyper-V|bhyve|SGX|SEV-SNP|TDX|CoCo|istiod|ztunnel|waypoint|wasmtime|runwasi|shims|SDKs|Collector|OTLP|cgroup|overlayfs|Linux|namespaces|youki|cosign|SBOM|docker|build|index|K3s|ms|MB|MiB|GB|GiB|p50|p95|p99|stack-advisor|Slack|RuntimeClass|kata-fc|kata-qemu|kata-clh|runsc|Pod|mTLS|API|configuration\.toml|default_memory|Wasm|microVM|guest|seed)\b/g,
    ' ',
  );
}

function englishLeaks(text: string, quoted: readonly string[] = []): string[] {
  return prose(text, quoted)
    .split('\n')
    .filter((line) => ENGLISH_PROSE.test(line));
}

function chineseLeaks(text: string, quoted: readonly string[] = []): string[] {
  return prose(text, quoted)
    .split('\n')
    .filter((line) => HAN.test(line));
}

function answered(text: string, language?: Language): Answer {
  const result = a.answer(text, undefined, language === undefined ? {} : { language });
  if (!result.ok) throw new Error(`${text}: ${result.error.code}`);
  return result.value;
}

/** Every answer kind, asked in each language. */
const ASKED: readonly { kind: string; en: string; zh: string }[] = [
  { kind: 'advice', en: 'strong isolation, compliance, multi-tenant', zh: '强隔离+合规，多租户' },
  {
    kind: 'advice (conflict)',
    en: 'compliance-grade isolation and cold start < 10 ms',
    zh: '合规级强隔离，冷启动 < 10ms',
  },
  {
    kind: 'advice (numbers, negation)',
    en: 'no VMs, memory < 50MB, p99 < 1ms',
    zh: '不要虚拟机，内存小于50MB，p99 < 1ms',
  },
  {
    kind: 'advice (add-on, estimate)',
    en: 'standard microservices with OpenTelemetry',
    zh: '标准微服务，需要 OpenTelemetry',
  },
  { kind: 'simplification', en: 'en: V -> C -> M -> C', zh: '中文: V -> C -> M -> C' },
  { kind: 'simplification (composed)', en: 'en: V∘C∘S∘Otel', zh: '中文: V∘C∘S∘Otel' },
  { kind: 'simplification (∅)', en: 'en: ∅', zh: '中文: ∅' },
  { kind: 'explanation (operator)', en: 'explain Kc', zh: '解释 Kc' },
  { kind: 'explanation (form)', en: 'explain V∘S∘C∘M', zh: '解释 V∘S∘C∘M' },
  { kind: 'explanation (glossary)', en: 'explain V⁻¹', zh: '解释 V⁻¹' },
  { kind: 'comparison', en: 'compare V∘S∘C∘M | I∘C∘S∘Am', zh: '比较 V∘S∘C∘M | I∘C∘S∘Am' },
  { kind: 'help', en: 'help', zh: '帮助' },
];

const requestWords = (text: string): string[] => [text, ...text.split(/[，,+|\s:：]+/).filter((w) => w.length > 1)];

describe('every answer is whole in the asker’s language', () => {
  for (const asked of ASKED) {
    it(`${asked.kind}: Chinese reads as Chinese (Slack, terminal, --json messages)`, () => {
      const answer = answered(asked.zh);
      expect(answer.language).toBe('zh');
      const quoted = requestWords(asked.zh);
      const slack = visibleTexts(answerMessage(answer)).join('\n');
      // Help shows examples of what to type in both languages, on purpose.
      const shown = answer.kind === 'help' ? slack.split(messages('zh').examplesOther)[0] : slack;
      expect(englishLeaks(shown, quoted)).toEqual([]);
      const terminal = renderText(answer, { color: false });
      expect(englishLeaks(answer.kind === 'help' ? '' : terminal, quoted)).toEqual([]);
      const json = answerJson(answer);
      const sentences = [
        ...((json.recommendation as { why?: string[] } | undefined)?.why ?? []),
        ...((json.conflicts as { message: string }[] | undefined) ?? []).map((c) => c.message),
        ...((json.summary as string[] | undefined) ?? []),
        ...((json.warnings as string[] | undefined) ?? []),
        ...((json.steps as { rule: string }[] | undefined) ?? []).map((s) => s.rule),
      ];
      expect(englishLeaks(sentences.join('\n'), quoted)).toEqual([]);
    });

    it(`${asked.kind}: English reads as English`, () => {
      const answer = answered(asked.en);
      expect(answer.language).toBe('en');
      const slack = visibleTexts(answerMessage(answer)).join('\n');
      const shown = answer.kind === 'help' ? slack.split(messages('en').examplesOther)[0] : slack;
      expect(chineseLeaks(shown, requestWords(asked.en))).toEqual([]);
      expect(chineseLeaks(answer.kind === 'help' ? '' : renderText(answer, { color: false }))).toEqual([]);
    });
  }

  it('an explicit language wins over the words of the request', () => {
    expect(answered('strong isolation', 'zh').language).toBe('zh');
    expect(answered('强隔离', 'en').language).toBe('en');
    expect(answered('中文: strong isolation').language).toBe('zh');
    expect(answered('en: 强隔离').language).toBe('en');
    const english = visibleTexts(answerMessage(answered('en: 强隔离+合规'))).join('\n');
    expect(chineseLeaks(english, requestWords('强隔离+合规'))).toEqual([]);
  });

  it('a request with no words of its own follows the asker’s locale, else English', () => {
    expect(a.answer('V∘C∘M', undefined, { fallback: 'zh' }).ok && answered('中文: V∘C∘M').language).toBe('zh');
    const r = a.answer('V∘C∘M', undefined, { fallback: 'zh' });
    expect(r.ok && r.value.language).toBe('zh');
    const plain = a.answer('V∘C∘M');
    expect(plain.ok && plain.value.language).toBe('en');
    // The request's own words beat the locale.
    const own = a.answer('edge, cold start < 10ms', undefined, { fallback: 'zh' });
    expect(own.ok && own.value.language).toBe('en');
  });

  it('failures read in the asker’s language', () => {
    for (const text of ['V∘Kc', 'C∘V∘C', 'V∘Amb', '今天天气不错', 'compare V∘C∘M']) {
      const zhResult = a.answer(text, undefined, { language: 'zh' });
      expect(zhResult.ok).toBe(false);
      if (zhResult.ok) continue;
      expect(zhResult.error.language).toBe('zh');
      const shown = visibleTexts(failureMessage(zhResult.error)).join('\n');
      expect(englishLeaks(shown, requestWords(text))).toEqual([]);
      const enResult = a.answer(text, undefined, { language: 'en' });
      if (enResult.ok) continue;
      expect(chineseLeaks(visibleTexts(failureMessage(enResult.error)).join('\n'), requestWords(text))).toEqual([]);
    }
    expect(englishLeaks(apologyMessage('zh').text)).toEqual([]);
    expect(chineseLeaks(apologyMessage('en').text)).toEqual([]);
    expect(chineseLeaks(visibleTexts(failureMessage(failure('no-operators', { form: 'x' }))).join('\n'))).toEqual([]);
  });

  it('the Home tab and the Explain operators answer are in one language each', () => {
    const content = { stacks: a.canonical(), operators: a.kb.operators, version: a.version };
    const zhHome = visibleTexts(homeView(content, 'zh')).join('\n');
    const examples = EXAMPLES.en.map((e) => e.replace(/</g, '&lt;'));
    expect(englishLeaks(zhHome.split(messages('zh').examplesOther)[0], [...examples])).toEqual([]);
    const enHome = visibleTexts(homeView(content, 'en')).join('\n');
    expect(chineseLeaks(enHome.split(messages('en').examplesOther)[0])).toEqual([]);
    for (const language of ['en', 'zh'] as const) {
      const explanations = ['V', 'S', 'C', 'M'].flatMap((op) => {
        const r = a.explain(op, language);
        return r.ok ? [r.value] : [];
      });
      const shown = visibleTexts(operatorsMessage('V∘S∘C∘M', explanations, a.version, messages(language))).join('\n');
      expect(language === 'zh' ? englishLeaks(shown) : chineseLeaks(shown)).toEqual([]);
    }
  });

  it('the CLI help is in one language', () => {
    expect(chineseLeaks(messages('en').cliHelp, ['强隔离+合规，多租户'])).toEqual([]);
    expect(messages('zh').cliHelp).toMatch(HAN);
  });
});

describe('design reviews are whole in one language', () => {
  const pairs = {
    en: ['multi-tenant', 'multi-tenant, cold start < 10ms'],
    zh: ['多租户', '多租户，冷启动小于10毫秒'],
  } as const;

  for (const language of ['en', 'zh'] as const) {
    it(`${language}: what changed (Slack, terminal, --json) and the decision record`, () => {
      const [before, after] = pairs[language];
      const quoted = [...requestWords(before), ...requestWords(after)];
      const leaks = language === 'zh' ? englishLeaks : chineseLeaks;
      for (const [x, y] of [
        [before, after],
        [after, `${after}，${language === 'zh' ? '内存小于50MB' : 'memory < 50MB'}`],
      ]) {
        const d = a.diff(x, y);
        if (!d.ok) throw new Error(d.error.code);
        expect(d.value.language).toBe(language);
        expect(leaks(visibleTexts({ blocks: diffBlocks(d.value) }).join('\n'), quoted)).toEqual([]);
        expect(leaks(diffText(d.value), quoted)).toEqual([]);
        expect(leaks(String(diffJson(d.value).summary), quoted)).toEqual([]);
      }
      const advice = a.advise(after);
      if (!advice.ok) throw new Error(advice.error.code);
      const adr = adrMarkdown(advice.value, { status: 'proposed', date: '2026-11-20' });
      // Markdown syntax and the front matter's keys are not prose.
      const body = adr.markdown.replace(/^---[\s\S]*?---\n/, '').replace(/^[#*>]+ /gm, '');
      expect(leaks(body, quoted)).toEqual([]);
    });
  }

  it('the requirements form is in one language each (the regimes keep their own names)', () => {
    const names = Object.values(REGIMES);
    expect(englishLeaks(visibleTexts(requirementsForm('zh')).join('\n'), names)).toEqual([]);
    expect(chineseLeaks(visibleTexts(requirementsForm('en')).join('\n'), names)).toEqual([]);
    expect(visibleTexts(requirementsForm('en')).join('\n')).toContain('Latency budget (ms)');
  });

  it('the explanation for a message with no text, and the buttons, are in one language each', () => {
    expect(englishLeaks(messages('zh').review.noText)).toEqual([]);
    expect(chineseLeaks(messages('en').review.noText)).toEqual([]);
    expect(englishLeaks(Object.values(messages('zh').review.buttons).join('\n'))).toEqual([]);
  });
});
