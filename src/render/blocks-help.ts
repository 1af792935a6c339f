import type { Help } from '../advisor/answer.js';
import { blocks, bullets, header, section } from './blocks-elements.js';
import { footer, type MessageOptions } from './blocks-footer.js';
import type { SlackMessage } from './blocks-types.js';
import { escapeText } from './escape.js';
import { phrases } from './phrases.js';

/** What the bot does, in one paragraph (help and the Home tab). */
export const INTRO =
  'Tell me what a service needs and I recommend a runtime / isolation / service-mesh stack, showing every step: ' +
  'requirements → operator word → normal form (with the rewrite rules) → metrics Latency / Security / Observability → ' +
  'the stack and its deploy commands. Every answer says why, names the nearest alternatives and any conflict.';

/** How to ask, one line per surface (plain text: escape it for mrkdwn with `usageLines`). */
export const USAGE: readonly string[] = [
  '`/stack <requirements>`: a recommendation, private to you, with a button to share it in the channel',
  '`/stack <operator word>` such as `V∘C∘M∘C` or `V -> C -> M`: the simplification, metrics and stack',
  '`/stack compare <a> | <b>`: side by side, and which one wins on what',
  '`/stack explain <operator or form>`: what it is, implementations, figures, when to use it',
  '`/stack help`: this message',
  '@mention me in a thread: I answer there, and follow-ups combine with my earlier answer in that thread',
  'Direct messages work like mentions',
];

export const EXAMPLES_EN: readonly string[] = [
  '/stack edge computing, cold start < 10ms, memory < 50MB',
  '/stack standard microservices, fast deployment, unified governance, observability',
  '/stack strong isolation, compliance, multi-tenant, zero-trust security',
  '/stack V∘C∘M∘C',
  '/stack compare V∘S∘C∘M | I∘C∘S∘Am',
  '/stack explain Am',
];

export const EXAMPLES_ZH: readonly string[] = [
  '/stack 强隔离+合规，多租户',
  '/stack 边缘计算场景，需要冷启动 < 10ms，内存 < 50MB',
  '/stack 轻量级微服务，低内存，服务网格',
  '/stack 比较 V∘S∘C∘M | I∘C∘S∘Am',
  '/stack 解释 Kc',
  '/stack 帮助',
];

/** The usage lines as mrkdwn: `<requirements>` escaped, or Slack would read it as a link. */
export const usageLines = (): string[] => USAGE.map(escapeText);

/** An example as a code span: escaped, so `<` stays a character. */
export const example = (text: string): string => `\`${escapeText(text)}\``;

/** Usage with examples in English and Chinese. */
export function helpMessage(h: Help, options: MessageOptions = {}): SlackMessage {
  const p = phrases('en');
  return {
    text: escapeText(
      'stack-advisor: /stack <requirements>, /stack <operator word>, /stack compare a | b, /stack explain X',
    ),
    blocks: blocks(
      header('stack-advisor · /stack'),
      section(INTRO),
      section(bullets('How to ask', usageLines())),
      section(bullets('Examples', EXAMPLES_EN.map(example))),
      section(bullets('示例（中文）', EXAMPLES_ZH.map(example))),
      // Help is the same for everyone: nothing worth a Share button.
      footer(p, { ...options, shareRequest: undefined }, { version: h.knowledgeVersion }),
    ),
  };
}
