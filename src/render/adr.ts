import type { Advice, Candidate } from '../advisor/answer.js';
import { yaml } from '../lazy-modules.js';
import { type Messages, messages } from './messages/index.js';

/**
 * An answer as an architecture decision record in the MADR 4.0 format (https://adr.github.io/madr/): YAML front matter,
 * then the template's sections, every heading and sentence in the answer's language. Pure: the date and the people
 * come from the caller.
 */

export type AdrStatus = 'proposed' | 'accepted';
export const ADR_STATUSES: readonly AdrStatus[] = ['proposed', 'accepted'];

export interface AdrOptions {
  readonly title?: string;
  readonly status: AdrStatus;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly decisionMakers?: readonly string[];
  /** The Slack thread the decision was discussed in. */
  readonly permalink?: string;
}

export interface Adr {
  readonly title: string;
  readonly markdown: string;
}

const ALTERNATIVES_SHOWN = 4;

/** One line of Markdown text: no line breaks, and no characters that would start a heading or a list mid-line. */
const inline = (text: string): string => text.replace(/\s+/g, ' ').trim();
const code = (text: string): string => `\`${text.replaceAll('`', 'ˋ')}\``;

function option(name: string, form: string, label: string): string {
  return `${inline(name)} (${code(form)}, ${code(label)})`;
}

function consequences(m: Messages, a: Advice): string[] {
  const r = m.review.adr;
  const rec = a.recommendation;
  const lines: string[] = [];
  for (const c of rec.checks) {
    const sentence = inline(m.check(c));
    if (c.status === 'met') lines.push(r.good(sentence));
    else if (c.status === 'violated') lines.push(r.bad(sentence));
    else lines.push(r.neutral(sentence));
  }
  for (const alt of a.alternatives.slice(0, ALTERNATIVES_SHOWN) as Candidate[]) {
    const name = inline(m.text(alt.stack));
    // What the alternative gives up is what the recommendation gains over it, and the other way round.
    if (alt.givesUp.length > 0)
      lines.push(r.good(r.over(name, alt.givesUp.map((t) => inline(m.trade(t))).join(r.separator))));
    if (alt.gains.length > 0)
      lines.push(r.bad(r.over(name, alt.gains.map((t) => inline(m.trade(t))).join(r.separator))));
  }
  for (const c of a.conflicts) lines.push(r.bad(inline(m.conflict(c))));
  return lines;
}

/** The decision record of an advice, and its title (given, or made from the chosen stack). */
export function adrMarkdown(a: Advice, options: AdrOptions): Adr {
  const m = messages(a.language);
  const r = m.review.adr;
  const rec = a.recommendation;
  const name = m.text(rec.stack.name);
  const title = inline(options.title ?? '') || r.defaultTitle(name);
  const front: Record<string, unknown> = { status: options.status, date: options.date };
  if (options.decisionMakers !== undefined && options.decisionMakers.length > 0) {
    front['decision-makers'] = [...options.decisionMakers];
  }
  const asked = a.request.trim() === '' ? [] : ['', ...a.request.split('\n').map((l) => `> ${l}`.trimEnd())];
  const drivers = [
    ...a.requirements
      .filter((q) => !q.implied)
      .map((q) => `* ${q.negated ? `${m.not} ` : ''}${inline(m.text(q.label))} (${m.quote(inline(q.text))})`),
    ...a.constraints.map((c) => `* ${inline(m.constraint(c))} (${m.quote(inline(c.text))})`),
  ];
  const alternatives = a.alternatives.slice(0, ALTERNATIVES_SHOWN);
  const because = rec.reasons
    .map((x) => inline(m.reason(x)))
    .filter((x) => x !== '')
    .join(r.separator);
  const figures = rec.stack.figures.map(
    (f) => `* ${m.label(`${m.quantities[f.quantity]} ${f.text}`)} ${inline(m.figureSource(f.source))}`,
  );
  const lines = [
    '---',
    yaml().stringify(front).trimEnd(),
    '---',
    '',
    `# ${title}`,
    '',
    `## ${r.context}`,
    '',
    r.asked,
    ...asked,
    ...(options.permalink === undefined ? [] : ['', r.thread(options.permalink)]),
    '',
    `## ${r.drivers}`,
    '',
    ...(drivers.length === 0 ? [r.noDrivers] : drivers),
    '',
    `## ${r.options}`,
    '',
    `* ${r.recommended(option(name, rec.normalForm, rec.metrics.label))}`,
    ...alternatives.map((c) => `* ${option(m.text(c.stack), c.normalForm, c.metrics.label)}`),
    '',
    `## ${r.outcome}`,
    '',
    r.chosen(option(name, rec.normalForm, rec.metrics.label), because === '' ? m.text(rec.stack.name) : because),
    '',
    `### ${r.consequences}`,
    '',
    ...consequences(m, a).map((l) => `* ${l}`),
    '',
    `### ${r.confirmation}`,
    '',
    ...(rec.stack.commands.length === 0 ? [r.noCommands] : [r.commands, '', '```sh', ...rec.stack.commands, '```']),
    ...(rec.checks.length === 0
      ? []
      : ['', r.checks, '', ...rec.checks.map((c) => `* ${inline(m.constraint(c.constraint))}`)]),
    '',
    `## ${r.more}`,
    '',
    r.knowledge(a.knowledgeVersion),
    ...(figures.length === 0 ? [] : ['', r.sources, '', ...figures]),
    '',
    r.generated,
    '',
  ];
  return { title, markdown: lines.join('\n') };
}

/** A title as a file name's slug, as adr-tools and Log4brains make them: lower case, words joined by `-`. */
export function slug(title: string): string {
  const s = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s === '' ? 'decision' : s;
}

/** The next record's file name in a directory holding `existing`: numbered after the highest `NNNN-` already there. */
export function adrFileName(existing: readonly string[], title: string): string {
  const highest = Math.max(
    0,
    ...existing
      .map((f) => /^(\d{4})-.*\.md$/.exec(f)?.[1])
      .filter((n) => n !== undefined)
      .map(Number),
  );
  return `${String(highest + 1).padStart(4, '0')}-${slug(title)}.md`;
}
