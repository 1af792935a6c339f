import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { failureMessage } from '../../../render/blocks.js';
import { kitMessage, kitUploadComment } from '../../../render/blocks-kit.js';
import { apologize, privately, responder } from '../../respond.js';
import type { Services } from '../../services.js';

/**
 * Deploy kit: the files the answer's commands name. Uploaded to the thread or DM the answer sits in; shown privately
 * instead when the answer itself is private (an upload would make it public) or the upload is refused.
 */
export const deployKitCallback =
  (services: Services) =>
  async ({
    ack,
    action,
    body,
    client,
    respond: given,
    logger,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>) => {
    await ack();
    const respond = responder(given, body, client);
    const threadTs = body.message?.thread_ts ?? body.message?.ts;
    try {
      const found = services.kits(action.value ?? '');
      if (!found.ok) {
        await respond(privately(failureMessage(found.error), threadTs));
        return;
      }
      const { kit, stackName } = found.value;
      const channel = body.channel?.id;
      const isPrivate = body.container?.is_ephemeral === true || body.message === undefined;
      let reason = 'The answer is private, so the kit is shown here rather than uploaded.';
      if (!isPrivate && channel !== undefined && threadTs !== undefined) {
        try {
          await client.files.uploadV2({
            channel_id: channel,
            thread_ts: threadTs,
            initial_comment: kitUploadComment(kit, stackName),
            file_uploads: kit.files.map((f) => ({ file: Buffer.from(f.content, 'utf8'), filename: f.path })),
          });
          return;
        } catch (error) {
          logger.warn('Deploy kit: the upload failed, showing the kit inline instead:', error);
          reason = 'The files could not be uploaded here, so the kit is shown instead.';
        }
      }
      await respond(privately(kitMessage(kit, stackName, reason), threadTs));
    } catch (error) {
      await apologize(respond, logger, 'Deploy kit', error);
    }
  };
