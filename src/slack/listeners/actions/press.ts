import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Language } from '../../../language.js';
import { type ButtonAction, fromAction } from '../../../render/buttons.js';
import { apologize, type Reply, responder } from '../../respond.js';

export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/** One press of one of the bot's buttons, as its listener gets it. */
export interface Press<K extends ButtonAction['kind']> {
  readonly args: ButtonArgs;
  /** The button's value, read; undefined when it is not a value of this button. */
  readonly pressed: Extract<ButtonAction, { kind: K }> | undefined;
  /** The language of the answer the button sits under (English when the value says none). */
  readonly language: Language;
  /** Answers the presser: through the response URL, or privately where there is none. */
  readonly respond: Reply;
}

/**
 * A button's listener: acknowledged at once, its value read, and anything that goes wrong apologised for privately,
 * in the answer's language, with `what` (the button's name) in the log line.
 */
export function onPress<K extends ButtonAction['kind']>(
  actionId: string,
  kind: K,
  what: string,
  run: (press: Press<K>) => Promise<void>,
): (args: ButtonArgs) => Promise<void> {
  return async (args) => {
    await args.ack();
    const respond = responder(args.respond, args.body, args.client);
    const value = fromAction(actionId, args.action.value);
    const language = value?.language ?? 'en';
    const pressed = value?.kind === kind ? (value as Extract<ButtonAction, { kind: K }>) : undefined;
    try {
      await run({ args, pressed, language, respond });
    } catch (error) {
      await apologize(respond, args.logger, what, error, language);
    }
  };
}
