import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Language } from '../../../language.js';
import { once, zod } from '../../../lazy-modules.js';
import { answerMessage } from '../../../render/blocks.js';
import { messages } from '../../../render/messages/index.js';
import { channelTypeOf, recordAnswer } from '../../answer-log.js';
import { readForm } from '../../form-values.js';
import { answerMetadata } from '../../metadata.js';
import type { Services } from '../../services.js';
import { remember, threadKey } from '../../thread-memory.js';
import { withRetries } from '../../web-api-retry.js';

const metadataSchema = once(() => zod().z.object({ l: zod().z.enum(['en', 'zh']) }));

function formLanguage(privateMetadata: string | undefined): Language {
  try {
    const parsed = metadataSchema().safeParse(JSON.parse(privateMetadata ?? ''));
    return parsed.success ? parsed.data.l : 'en';
  } catch {
    return 'en';
  }
}

/**
 * The requirements form submitted: its fields become requirements directly (the free text is read beside them), the
 * advisor decides, and the answer goes to the conversation picked in the form or to the submitter's DM. Wrong values
 * (negative, not a number, an option the form never offered, an empty form, text that says nothing) come back as
 * inline errors on their fields, in the form's language.
 */
export const requirementsSubmittedCallback =
  (services: Services) =>
  async ({
    ack,
    body,
    view,
    client,
    context,
    logger,
  }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const startedAt = performance.now();
    const language = formLanguage(view.private_metadata);
    const f = messages(language).review.form;
    const read = readForm(view.state?.values, language);
    if (!read.ok) {
      const errors = Object.fromEntries(Object.entries(read.errors).map(([id, code]) => [id, f.errors[code]]));
      await ack({ response_action: 'errors', errors });
      return;
    }
    const { carried, text, conversation } = read.value;
    const asked = [...carried.needs.map((n) => n.text), ...carried.constraints.map((c) => c.text), text]
      .filter((t) => t !== '')
      .join(language === 'zh' ? '，' : ', ');
    const advice = services.advisor.adviseFrom(carried, language, asked, text);
    if (!advice.ok) {
      await ack({ response_action: 'errors', errors: { text: messages(language).failure(advice.error) } });
      return;
    }
    await ack();
    const message = answerMessage(advice.value, { recordDecision: true });
    const channel = conversation ?? body.user.id;
    try {
      const posted = await withRetries(services.retry, logger, 'chat.postMessage', { idempotent: false }, () =>
        client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks,
          metadata: answerMetadata(advice.value.carried, services.advisor.version),
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      recordAnswer(
        services,
        {
          context,
          surface: 'form',
          channelType: conversation === undefined ? 'im' : channelTypeOf(conversation),
          knowledgeVersion: services.advisor.version,
          startedAt,
          text: asked,
        },
        advice,
        language,
      );
      // The answer starts a thread: a mention under it builds on the form's requirements.
      if (typeof posted.ts === 'string') {
        await remember(
          services.threadMemory,
          logger,
          threadKey(context, posted.channel ?? channel, posted.ts),
          advice.value.carried,
          services.advisor.version,
        );
      }
    } catch (error) {
      logger.error('Could not deliver the answer to the requirements form:', error);
    }
  };
