import type { RadarMark, RadarStamp, StackListing } from '../advisor/answer.js';
import type { OperatorInfo } from '../knowledge/schema.js';
import type { Language } from '../language.js';
import { actions, blocks, bullets, context, divider, header, section } from './blocks-elements.js';
import { exampleSections, usageLines } from './blocks-help.js';
import type { HomeView } from './blocks-types.js';
import { openFormButton } from './buttons.js';
import { codeSpan, escapeText } from './escape.js';
import { fitHome } from './limits.js';
import { type Messages, messages } from './messages/index.js';
import { markLine } from './radar.js';

export interface HomeContent {
  readonly stacks: readonly StackListing[];
  readonly operators: readonly OperatorInfo[];
  readonly version: string;
  /** The organisation's radar, when one is configured: its entries that match the knowledge base. */
  readonly radar?: { readonly stamp: RadarStamp; readonly marks: readonly RadarMark[] };
}

/** "Your organisation's radar": what is on hold and what is adopted, with the radar's own links. */
function radarBlocks(m: Messages, radar: NonNullable<HomeContent['radar']>) {
  const ring = (r: RadarMark['ring']) => radar.marks.filter((mark) => mark.ring === r).map((mark) => markLine(m, mark));
  const hold = ring('hold');
  const adopt = ring('adopt');
  return blocks(
    divider(),
    header(m.radarHome.title),
    section(escapeText(m.radarHome.note(radar.stamp.file))),
    section(hold.length === 0 ? `*${m.radarHome.hold}*\n${m.radarHome.none}` : bullets(m.radarHome.hold, hold, m)),
    section(adopt.length === 0 ? `*${m.radarHome.adopt}*\n${m.radarHome.none}` : bullets(m.radarHome.adopt, adopt, m)),
    context([`${m.radar} ${codeSpan(radar.stamp.version)}`]),
  );
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
        content.radar === undefined ? [] : radarBlocks(m, content.radar),
        divider(),
        header(m.homeGlossary),
        glossary,
        divider(),
        header(m.homeExamples),
        section(mine),
        section(other),
        context([
          `${m.knowledge} ${codeSpan(content.version)}`,
          ...(content.radar === undefined ? [] : [`${m.radar} ${codeSpan(content.radar.stamp.version)}`]),
        ]),
      ),
    },
    m,
  );
}
