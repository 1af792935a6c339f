/** White space that folding would change: a run of two, or any white space but the plain space (tab, NBSP, 　…). */
const FOLDABLE = /\s\s|[^\S ]/;

/**
 * Slack sends message text in its own markup: `&`, `<`, `>` escaped, mentions as `<@U123>`, links as `<url|label>`,
 * `@channel` as `<!channel>`. The advisor wants the requirements as typed: mentions (of the bot or anyone) say
 * nothing about them and are dropped.
 */
export function typedText(slackText: string): string {
  // Every markup pattern below starts with `<` or `&`: most texts have neither, and only their spaces change.
  if (slackText.indexOf('<') < 0 && slackText.indexOf('&') < 0) {
    // Spaces only one at a time and no other white space (most texts): folding them changes nothing but the ends.
    return FOLDABLE.test(slackText) ? slackText.replace(/\s+/g, ' ').trim() : slackText.trim();
  }
  return slackText
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
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
