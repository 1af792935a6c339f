import { ACTION } from '../../../render/buttons.js';
import { reply } from '../../reply.js';
import { privately } from '../../respond.js';
import type { Services } from '../../services.js';
import { onPress } from './press.js';

/**
 * Share in channel: the private answer's request is asked again (same input, same language, same answer) and posted
 * visibly through the response URL, with the metadata a follow-up in its thread will build on.
 */
export const shareInChannelCallback = (services: Services) =>
  onPress(ACTION.share, 'share', 'Share in channel', async ({ args: { body }, pressed, language, respond }) => {
    const answer = reply(
      services.advisor,
      pressed?.request ?? '',
      undefined,
      { sharedBy: body.user.id, recordDecision: true },
      { fallback: language },
    );
    if (!answer.answered) {
      await respond(privately(answer.message, undefined));
      return;
    }
    await respond({
      response_type: 'in_channel',
      replace_original: false,
      ...answer.message,
      ...(answer.metadata === undefined ? {} : { metadata: answer.metadata }),
    });
  });
