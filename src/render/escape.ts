/**
 * Slack parses `&`, `<` and `>` in mrkdwn and in a message's `text`: `<!channel>` pings a channel, `<@U…>` a person,
 * `<http://…|label>` makes a link. Everything the bot shows that it did not write itself goes through `escapeText`.
 */
export function escapeText(text: string): string {
  // Most text has nothing to escape: three scans for a character beat a regular expression on short strings.
  if (text.indexOf('&') < 0 && text.indexOf('<') < 0 && text.indexOf('>') < 0) return text;
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Escaped text inside a code span: a backtick in the text would end the span, so it becomes a look-alike. */
export function codeSpan(text: string): string {
  return `\`${escapeText(text).replaceAll('`', 'ˋ')}\``;
}

/** Escaped text between quotes, for the user's own words. */
export function quoted(text: string): string {
  return `“${escapeText(text)}”`;
}
