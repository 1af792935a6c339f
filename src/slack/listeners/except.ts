/**
 * A matcher for anything but the given ids. Bolt runs every listener whose constraints match, so a catch-all that
 * acknowledges unknown interactions must leave the bot's own ids to their listeners.
 */
export const except = (...ids: readonly string[]): RegExp => new RegExp(`^(?!(?:${ids.join('|')})$)`);
