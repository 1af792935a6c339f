import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { section } from '../../../render/blocks-elements.js';
import { ACTION, fromAction } from '../../../render/buttons.js';
import { messages } from '../../../render/messages/index.js';
import { privately, responder } from '../../respond.js';
import type { Services } from '../../services.js';

/**
 * Feedback under an answer: each press is logged with the normal form, the knowledge-base version and the language
 * (never the asker's words), and thanked privately.
 */
export const feedbackCallback =
  (services: Services) =>
  async ({
    ack,
    action,
    body,
    client,
    respond: given,
    logger,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    const value = (action as { value?: unknown }).value;
    const pressed = fromAction(ACTION.feedback, typeof value === 'string' ? value : undefined);
    if (pressed?.kind !== 'feedback') return;
    // The form is the bot's own (`I∘C∘S∘W`), but the value came from the client: only operator letters are logged.
    const form = pressed.form.replace(/[^\p{L}∘⁻¹∅]/gu, '').slice(0, 80);
    logger.info(
      `Feedback: ${pressed.positive ? 'positive' : 'negative'} on ${form || '(no form)'} (knowledge ${services.advisor.version}, ${pressed.language})`,
    );
    const thanks = messages(pressed.language).review.feedback.thanks;
    try {
      await responder(
        given,
        body,
        client,
      )(privately({ text: thanks, blocks: section(thanks) }, body.message?.thread_ts));
    } catch (error) {
      logger.warn('Could not thank for the feedback:', error);
    }
  };
