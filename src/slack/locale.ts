import type { Logger } from '@slack/bolt';
import { type Language, languageOfLocale } from '../language.js';

/** The part of the Web API client the lookup needs. */
export interface UsersInfoClient {
  readonly users: {
    readonly info: (args: { user: string; include_locale: boolean }) => Promise<{ user?: { locale?: string } }>;
  };
}

export interface LocaleOptions {
  /** How long a user's locale is remembered. */
  readonly ttlMs: number;
  /** How long a lookup may take before the answer goes out in the fallback language. */
  readonly timeoutMs: number;
  /** How many users are remembered at most (the oldest are forgotten first). */
  readonly maxUsers: number;
  readonly now?: () => number;
}

export const DEFAULT_LOCALE_OPTIONS: LocaleOptions = { ttlMs: 60 * 60 * 1000, timeoutMs: 800, maxUsers: 10_000 };

/** A user's language, from their Slack locale. */
export type UserLanguage = (
  client: UsersInfoClient,
  userId: string | undefined,
  logger: Logger,
) => Promise<Language | undefined>;

/**
 * The Slack user's language (`users.info` with `include_locale`), for requests with no language of their own: an
 * operator word, an empty `/stack`, the Home tab. Remembered per user for a while; a failed or slow lookup answers
 * undefined (English then) within `timeoutMs`, so it never holds an acknowledgement near Slack's 3 seconds.
 */
export function userLanguages(options: LocaleOptions = DEFAULT_LOCALE_OPTIONS): UserLanguage {
  const now = options.now ?? Date.now;
  const cache = new Map<string, { language: Language | undefined; until: number }>();
  return async (client, userId, logger) => {
    if (userId === undefined || userId === '') return undefined;
    const cached = cache.get(userId);
    if (cached !== undefined && cached.until > now()) return cached.language;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
    });
    try {
      const result = await Promise.race([client.users.info({ user: userId, include_locale: true }), timeout]);
      if (result === 'timeout') {
        logger.warn(`users.info for ${userId} took over ${options.timeoutMs} ms: answering in English`);
        return undefined;
      }
      const language = languageOfLocale(result.user?.locale);
      cache.delete(userId);
      cache.set(userId, { language, until: now() + options.ttlMs });
      if (cache.size > options.maxUsers) cache.delete(cache.keys().next().value as string);
      return language;
    } catch (error) {
      logger.warn(`users.info for ${userId} failed: answering in English:`, error);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };
}
