import { failureMessage } from '../../../render/blocks.js';
import { kitMessage, kitUploadComment } from '../../../render/blocks-kit.js';
import { ACTION } from '../../../render/buttons.js';
import { messages } from '../../../render/messages/index.js';
import { privately } from '../../respond.js';
import type { Services } from '../../services.js';
import { onPress } from './press.js';

/**
 * Deploy kit: the files the answer's commands name. Uploaded to the thread or DM the answer sits in; shown privately
 * instead when the answer itself is private (an upload would make it public) or the upload is refused.
 */
export const deployKitCallback = (services: Services) =>
  onPress(
    ACTION.deployKit,
    'deploy-kit',
    'Deploy kit',
    async ({ args: { body, client, logger }, pressed, language, respond }) => {
      const threadTs = body.message?.thread_ts ?? body.message?.ts;
      const m = messages(language);
      const found = await services.kits(pressed?.stackId ?? '', language);
      if (!found.ok) {
        await respond(privately(failureMessage(found.error, language), threadTs));
        return;
      }
      const { kit, stackName } = found.value;
      const channel = body.channel?.id;
      const isPrivate = body.container?.is_ephemeral === true || body.message === undefined;
      let reason = m.kitPrivate;
      if (!isPrivate && channel !== undefined && threadTs !== undefined) {
        try {
          await client.files.uploadV2({
            channel_id: channel,
            thread_ts: threadTs,
            initial_comment: kitUploadComment(m, kit, stackName),
            file_uploads: kit.files.map((f) => ({ file: Buffer.from(f.content, 'utf8'), filename: f.path })),
          });
          return;
        } catch (error) {
          logger.warn('Deploy kit: the upload failed, showing the kit inline instead:', error);
          reason = m.kitUploadFailed;
        }
      }
      await respond(privately(kitMessage(m, kit, stackName, reason), threadTs));
    },
  );
