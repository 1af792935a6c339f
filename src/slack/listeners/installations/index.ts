import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { keyOf, type PostgresInstallationStore } from '../../../store/installations.js';

type Revoker = Pick<PostgresInstallationStore, 'revoke'>;

/** When the event happened (Slack's event_time, seconds): a revocation never deletes an install made after it. */
function eventTime(body: unknown): Date {
  const seconds = (body as { event_time?: unknown }).event_time;
  return new Date(typeof seconds === 'number' ? seconds * 1000 : Date.now());
}

const where = (context: AllMiddlewareArgs['context']) =>
  keyOf({
    enterpriseId: context.enterpriseId,
    teamId: context.teamId,
    isEnterpriseInstall: context.isEnterpriseInstall,
  });

/** An uninstall deletes the workspace's (or org's) installation with every user grant. */
export const appUninstalledCallback =
  (store: Revoker) =>
  async ({ body, context, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_uninstalled'>): Promise<void> => {
    const key = where(context);
    try {
      await store.revoke(key, { bot: true, userIds: [] }, eventTime(body));
      logger.info(
        `Uninstalled from enterprise ${key.enterpriseId || '-'} team ${key.teamId || '-'}: installation deleted`,
      );
    } catch (error) {
      logger.error('Could not delete the installation after app_uninstalled:', error);
    }
  };

/** Revoked tokens: the bot's deletes the installation, users' delete their grants. */
export const tokensRevokedCallback =
  (store: Revoker) =>
  async ({
    body,
    event,
    context,
    logger,
  }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'tokens_revoked'>): Promise<void> => {
    const key = where(context);
    const bot = (event.tokens.bot ?? []).length > 0;
    const userIds = event.tokens.oauth ?? [];
    try {
      await store.revoke(key, { bot, userIds }, eventTime(body));
      logger.info(
        `Tokens revoked in enterprise ${key.enterpriseId || '-'} team ${key.teamId || '-'}: ${bot ? 'the bot' : ''}${bot && userIds.length > 0 ? ' and ' : ''}${userIds.length > 0 ? `${userIds.length} user grant(s)` : ''} deleted`,
      );
    } catch (error) {
      logger.error('Could not delete revoked tokens:', error);
    }
  };

/** Distributed mode: what an uninstall or a revocation takes away is deleted from the store. */
export function register(app: App, store: Revoker): void {
  app.event('app_uninstalled', appUninstalledCallback(store));
  app.event('tokens_revoked', tokensRevokedCallback(store));
}
