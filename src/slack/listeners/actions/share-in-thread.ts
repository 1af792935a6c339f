import { ACTION } from '../../../render/buttons.js';
import { reply } from '../../reply.js';
import { apologize, privately } from '../../respond.js';
import type { Services } from '../../services.js';
import { remember, threadKey } from '../../thread-memory.js';
import { withRetries } from '../../web-api-retry.js';
import { onPress } from './press.js';

/**
 * Share in thread (under a message shortcut's private answer): the request is asked again and posted into the
 * message's thread with the metadata that @-mention follow-ups in that thread build on.
 */
export const shareInThreadCallback = (services: Services) =>
  onPress(
    ACTION.shareInThread,
    'share-in-thread',
    'Share in thread',
    async ({ args: { body, client, context, logger }, pressed, language, respond }) => {
      const channel = body.channel?.id;
      if (pressed === undefined || channel === undefined) {
        logger.warn('Share in thread: the press carried no thread or channel');
        await apologize(respond, logger, 'Share in thread', new Error('no thread to share into'), language);
        return;
      }
      const answer = reply(
        services.advisor,
        pressed.request,
        undefined,
        { sharedBy: body.user.id, recordDecision: true },
        {
          fallback: pressed.language,
        },
      );
      if (!answer.answered) {
        await respond(privately(answer.message, undefined));
        return;
      }
      await withRetries(services.retry, logger, 'chat.postMessage', { idempotent: false }, () =>
        client.chat.postMessage({
          channel,
          thread_ts: pressed.threadTs,
          text: answer.message.text,
          blocks: answer.message.blocks,
          unfurl_links: false,
          unfurl_media: false,
          ...(answer.metadata === undefined ? {} : { metadata: answer.metadata }),
        }),
      );
      await remember(
        services.threadMemory,
        logger,
        threadKey(context, channel, pressed.threadTs),
        answer.carried,
        services.advisor.version,
      );
    },
  );
