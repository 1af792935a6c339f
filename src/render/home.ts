import type { StackListing } from '../advisor/answer.js';
import type { OperatorInfo } from '../knowledge/schema.js';
import type { Language } from '../language.js';
import { actions, blocks, bullets, context, divider, header, section } from './blocks-elements.js';
import { exampleSections, usageLines } from './blocks-help.js';
import type { HomeView } from './blocks-types.js';
import { openFormButton } from './buttons.js';
import { codeSpan, escapeText } from './escape.js';
import { fitHome } from './limits.js';
import { type Messages, messages } from './messages/index.js';

export interface HomeContent {
  readonly stacks: readonly StackListing[];
  readonly operators: readonly OperatorInfo[];
  readonly version: string;
}

const CLASS_ORDER: readonly OperatorInfo['class'][] = ['head', 'base', 'add-on'];

function operatorText(m: Messages, op: OperatorInfo): string {
  const name = m.operatorName(op.name);
  return [
    `*${op.symbol}* · ${escapeText(name)}`,
    escapeText(m.text(op.when)),
    `_${op.implementations.map((i) => escapeText(m.text(i))).join(', ')}_`,
  ].join('\n');
}

/** The Home tab in one language: what the bot does, how to ask, the canonical stacks, the glossary, examples. */
export function homeView(content: HomeContent, language: Language = 'en'): HomeView {
  const m = messages(language);
  const stacks = content.stacks.map((s) => {
    return `*${escapeText(m.text(s.title))}*\n${escapeText(s.name)} · ${codeSpan(s.normalForm)} · ${codeSpan(s.label)}`;
  });
  const glossary = CLASS_ORDER.flatMap((cls) => {
    const ops = content.operators.filter((op) => op.class === cls);
    return ops.length === 0
      ? []
      : [...section(`*${m.homeClass[cls]}*`), ...ops.flatMap((op) => section(operatorText(m, op)))];
  });
  const [mine, other] = exampleSections(m);
  return fitHome(
    {
      type: 'home',
      blocks: blocks(
        header('stack-advisor'),
        section(m.intro),
        section(bullets(m.howToAsk, usageLines(m), m)),
        actions([openFormButton(m)]),
        context([m.languageNote]),
        divider(),
        header(m.homeStacks(content.stacks.length)),
        section(m.homeMetricsNote),
        stacks.flatMap((s) => section(s)),
        divider(),
        header(m.homeGlossary),
        glossary,
        divider(),
        header(m.homeExamples),
        section(mine),
        section(other),
        context([`${m.knowledge} ${codeSpan(content.version)}`]),
      ),
    },
    m,
  );
}
