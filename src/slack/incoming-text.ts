/**
 * Slack sends message text in its own markup: `&`, `<`, `>` escaped, mentions as `<@U123>`, links as `<url|label>`,
 * `@channel` as `<!channel>`. The advisor wants what the person typed, minus the mention of the bot itself.
 */
export function typedText(slackText: string, botUserId?: string): string {
  return slackText
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_, id: string) => (id === botUserId ? ' ' : '@someone'))
    .replace(/<#[A-Z0-9]+(?:\|([^>]*))?>/g, (_, name?: string) => `#${name ?? 'channel'}`)
    .replace(/<!([a-z]+)[^>]*>/g, (_, name: string) => `@${name}`)
    .replace(/<([^<>|]+)\|([^<>]+)>/g, (_, _url: string, label: string) => label)
    .replace(/<([^<>|]+)>/g, (_, url: string) => url)
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ')
    .trim();
}
