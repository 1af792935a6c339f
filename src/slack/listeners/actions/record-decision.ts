import type { Carried } from '../../../advisor/answer.js';
import type { Language } from '../../../language.js';
import { adrMarkdown, slug } from '../../../render/adr.js';
import { failureMessage } from '../../../render/blocks.js';
import { section } from '../../../render/blocks-elements.js';
import { recordMessage } from '../../../render/blocks-record.js';
import { ACTION } from '../../../render/buttons.js';
import { escapeText } from '../../../render/escape.js';
import { messages } from '../../../render/messages/index.js';
import { privately } from '../../respond.js';
import type { Services } from '../../services.js';
import { earlierAnswer } from '../../thread-reply.js';
import { onPress } from './press.js';

/** What the record quotes as asked: the thread's requirements in the words that asked for them. */
const asked = (carried: Carried, language: Language): string =>
  [...carried.needs.map((n) => n.text), ...carried.constraints.map((c) => c.text)].join(
    language === 'zh' ? '，' : ', ',
  );

/**
 * Record decision: the thread's latest answer (its requirements, from the thread's memory) as a MADR decision record,
 * uploaded into the thread with the thread's permalink; shown privately as a code block when the answer is private or
 * the upload is refused.
 */
export const recordDecisionCallback = (services: Services) =>
  onPress(
    ACTION.recordDecision,
    'record-decision',
    'Record decision',
    async ({ args: { body, client, context, logger }, language, respond }) => {
      const m = messages(language);
      const channel = body.channel?.id;
      const threadTs = body.message?.thread_ts ?? body.message?.ts;
      const carried =
        channel === undefined || threadTs === undefined
          ? undefined
          : await earlierAnswer(services, { client, context, logger }, { channel, ts: threadTs, threadTs, text: '' });
      if (channel === undefined || threadTs === undefined || carried === undefined) {
        await respond(
          privately({ text: m.review.recordNoAnswer, blocks: section(escapeText(m.review.recordNoAnswer)) }, threadTs),
        );
        return;
      }
      const advice = services.advisor.adviseFrom(carried, language, asked(carried, language));
      if (!advice.ok) {
        await respond(privately(failureMessage(advice.error, language), threadTs));
        return;
      }
      let permalink: string | undefined;
      try {
        permalink = (await client.chat.getPermalink({ channel, message_ts: threadTs })).permalink;
      } catch (error) {
        logger.warn('Record decision: no permalink for the thread, recording without it:', error);
      }
      const adr = adrMarkdown(advice.value, {
        status: 'proposed',
        date: new Date().toISOString().slice(0, 10),
        decisionMakers: [`@${body.user.name ?? body.user.id}`],
        ...(permalink === undefined ? {} : { permalink }),
      });
      let reason = m.review.recordPrivate;
      if (body.container?.is_ephemeral !== true) {
        try {
          await client.files.uploadV2({
            channel_id: channel,
            thread_ts: threadTs,
            initial_comment: m.review.recordUploaded(escapeText(adr.title)),
            file: Buffer.from(adr.markdown, 'utf8'),
            filename: `${slug(adr.title)}.md`,
            title: adr.title,
          });
          return;
        } catch (error) {
          logger.warn('Record decision: the upload failed, showing the record instead:', error);
          reason = m.review.recordUploadFailed;
        }
      }
      await respond(privately(recordMessage(m, adr, reason), threadTs));
    },
  );
