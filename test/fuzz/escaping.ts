/**
 * Whether user text reached a Slack payload escaped. Slack reads `<…>` in mrkdwn and in a message's `text` fallback
 * as markup (`<!channel>` pings a channel, `<@U…>` a person, `<http://…|label>` makes a link) and `&` as the start of
 * an entity; a plain_text object is never read as markup, but a ping there is still a ping in a screenshot.
 */

type Json = Record<string, unknown>;

interface ShownText {
  readonly kind: 'mrkdwn' | 'plain_text' | 'fallback';
  readonly where: string;
  readonly text: string;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every text a person sees, with how Slack reads it. Button values and metadata are never shown. */
export function shownTexts(payload: unknown): ShownText[] {
  const out: ShownText[] = [];
  const walk = (v: unknown, where: string): void => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        walk(item, `${where}[${i}]`);
      });
      return;
    }
    if (!isObject(v)) return;
    if ((v.type === 'mrkdwn' || v.type === 'plain_text') && typeof v.text === 'string') {
      out.push({ kind: v.type, where, text: v.text });
    }
    for (const [key, item] of Object.entries(v)) {
      if (key !== 'value' && key !== 'metadata' && key !== 'text') walk(item, `${where}.${key}`);
      else if (key === 'text' && isObject(item)) walk(item, `${where}.text`);
    }
  };
  if (isObject(payload) && typeof payload.text === 'string')
    out.push({ kind: 'fallback', where: 'text', text: payload.text });
  walk(payload, '');
  return out;
}

/** Markup that pings someone or links somewhere. */
const PING_OR_LINK = /<[!@#]|<(?:https?|mailto|tel|ftp|slack):/i;
/** An `&` that does not start one of the three entities Slack decodes. */
const BARE_AMPERSAND = /&(?!amp;|lt;|gt;)/;

/**
 * What is wrong with the escaping of a payload, [] when nothing. `allowed` are exact pieces of markup the bot writes
 * on purpose (the `<@U…>` of whoever pressed Share); everything else must be escaped.
 */
export function escapingProblems(payload: unknown, allowed: readonly string[] = []): string[] {
  const problems: string[] = [];
  for (const shown of shownTexts(payload)) {
    let text = shown.text;
    for (const piece of allowed) text = text.replaceAll(piece, '');
    const at = `${shown.where} (${shown.kind})`;
    if (PING_OR_LINK.test(text)) problems.push(`${at}: markup that pings or links: ${JSON.stringify(shown.text)}`);
    if (shown.kind === 'plain_text') continue;
    if (/[<>]/.test(text)) problems.push(`${at}: an unescaped < or >: ${JSON.stringify(shown.text)}`);
    if (BARE_AMPERSAND.test(text)) problems.push(`${at}: an unescaped &: ${JSON.stringify(shown.text)}`);
  }
  return problems;
}
