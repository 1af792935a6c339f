import type { OperatorInfo } from '../knowledge/schema.js';
import { blocks, bullets, context, divider, header, section } from './blocks-elements.js';
import { EXAMPLES_EN, EXAMPLES_ZH, example, INTRO, usageLines } from './blocks-help.js';
import type { HomeView } from './blocks-types.js';
import { codeSpan, escapeText } from './escape.js';
import { fitHome } from './limits.js';

/** A canonical stack as the advisor lists it for onboarding. */
export interface CanonicalStack {
  readonly id: string;
  readonly name: string;
  readonly normalForm: string;
  readonly label: string;
  readonly title: { readonly en: string; readonly zh: string };
}

export interface HomeContent {
  readonly stacks: readonly CanonicalStack[];
  readonly operators: readonly OperatorInfo[];
  readonly version: string;
}

const CLASS_ORDER: readonly OperatorInfo['class'][] = ['head', 'base', 'add-on'];
const CLASS_TITLE: Record<OperatorInfo['class'], string> = {
  head: 'Heads: the isolation boundary (one per stack, always first)',
  base: 'Base: image, container, sandbox',
  'add-on': 'Add-ons: mesh, runtimes, policy, telemetry',
};

function operatorText(op: OperatorInfo): string {
  return [
    `*${op.symbol}* · ${escapeText(op.name.en)} / ${escapeText(op.name.zh)}`,
    escapeText(op.when),
    `_${op.implementations.map(escapeText).join(', ')}_`,
  ].join('\n');
}

/** The Home tab: what the bot does, how to ask, the canonical stacks, the operator glossary, examples. */
export function homeView(content: HomeContent): HomeView {
  const stacks = content.stacks.map(
    (s) =>
      `*${escapeText(s.title.en)}* / ${escapeText(s.title.zh)}\n${escapeText(s.name)} · ${codeSpan(s.normalForm)} · ${codeSpan(s.label)}`,
  );
  const glossary = CLASS_ORDER.flatMap((cls) => {
    const ops = content.operators.filter((op) => op.class === cls);
    return ops.length === 0
      ? []
      : [...section(`*${CLASS_TITLE[cls]}*`), ...ops.flatMap((op) => section(operatorText(op)))];
  });
  return fitHome({
    type: 'home',
    blocks: blocks(
      header('stack-advisor'),
      section(INTRO),
      section(bullets('How to ask', usageLines())),
      divider(),
      header(`The ${content.stacks.length} canonical stacks`),
      section(
        'Metrics read Latency-Security-Observability, each scored 1–5 where 5 is best (Latency 5 = lowest latency); ▼ marks 4–5, ▲ marks 1–3.',
      ),
      stacks.flatMap((s) => section(s)),
      divider(),
      header('Operator glossary'),
      glossary,
      divider(),
      header('Example questions'),
      section(bullets('English', EXAMPLES_EN.map(example))),
      section(bullets('中文', EXAMPLES_ZH.map(example))),
      context([`Knowledge base ${codeSpan(content.version)}`]),
    ),
  });
}
