import type { Help } from '../advisor/answer.js';
import { blocks, bullets, context, header, section } from './blocks-elements.js';
import { footer, type MessageOptions } from './blocks-footer.js';
import type { SlackMessage } from './blocks-types.js';
import { escapeText } from './escape.js';
import { type Messages, messages } from './messages/index.js';

/** Example requests in each language: what users type, so not translated but chosen per language. */
export const EXAMPLES = {
  en: [
    '/stack edge computing, cold start < 10ms, memory < 50MB',
    '/stack standard microservices, fast deployment, unified governance, observability',
    '/stack strong isolation, compliance, multi-tenant, zero-trust security',
    '/stack V∘C∘M∘C',
    '/stack compare V∘S∘C∘M | I∘C∘S∘Am',
    '/stack explain Am',
  ],
  zh: [
    '/stack 强隔离+合规，多租户',
    '/stack 边缘计算场景，需要冷启动 < 10ms，内存 < 50MB',
    '/stack 轻量级微服务，低内存，服务网格',
    '/stack 比较 V∘S∘C∘M | I∘C∘S∘Am',
    '/stack 解释 Kc',
    '/stack 帮助',
  ],
} as const;

/** The usage lines as mrkdwn: `<requirements>` escaped, or Slack would read it as a link. */
export const usageLines = (m: Messages): string[] => m.usage.map(escapeText);

/** An example as a code span: escaped, so `<` stays a character. */
export const example = (text: string): string => `\`${escapeText(text)}\``;

/** The examples in the reader's language first, then the other's. */
export function exampleSections(m: Messages): [string, string] {
  const other = m.language === 'zh' ? EXAMPLES.en : EXAMPLES.zh;
  return [bullets(m.examples, EXAMPLES[m.language].map(example), m), bullets(m.examplesOther, other.map(example), m)];
}

/** Usage with examples in English and Chinese, framed in the asker's language. */
export function helpMessage(h: Help, options: MessageOptions = {}): SlackMessage {
  const m = messages(h.language);
  const [mine, other] = exampleSections(m);
  return {
    text: escapeText(m.helpFallback),
    blocks: blocks(
      header('stack-advisor · /stack'),
      section(m.intro),
      section(bullets(m.howToAsk, usageLines(m), m)),
      section(mine),
      section(other),
      context([m.languageNote]),
      // Help is the same for everyone: nothing worth a Share button.
      footer(m, { ...options, shareRequest: undefined }, { version: h.knowledgeVersion }),
    ),
  };
}
