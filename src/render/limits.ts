import type {
  ActionsBlock,
  Block,
  Button,
  ContextBlock,
  HomeView,
  Mrkdwn,
  SlackMessage,
  TextObject,
} from './blocks-types.js';
import type { Messages } from './messages/index.js';

/** Block Kit limits (api.slack.com/reference/block-kit): beyond them Slack rejects the whole payload. */
export const LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  /** A message's top-level `text` may be longer, but a notification only shows its start. */
  fallbackText: 3000,
} as const;

/** How a cut says what it left out, in the reader's language. */
export type CutWords = Pick<Messages, 'cut'>;
type What = Parameters<Messages['cut']>[1];

/** Without a language (a block constructor's last-resort cut), the note is a count only. */
const NEUTRAL: CutWords = { cut: (more) => `… (+${more})` };
const cutNote = (more: number, what: What, words: CutWords = NEUTRAL): string => words.cut(more, what);

/**
 * Shortens `text` to at most `max` characters, saying how much was cut, never leaving half an escape (`&am`) or half
 * a surrogate pair behind.
 */
export function cutText(text: string, max: number, words: CutWords = NEUTRAL): string {
  if (text.length <= max) return text;
  const note = cutNote(text.length, 'characters', words);
  if (note.length + 1 >= max) return text.slice(0, max);
  let kept = text.slice(0, Math.max(0, max - note.length - 1));
  const entity = kept.lastIndexOf('&');
  if (entity >= 0 && !kept.slice(entity).includes(';')) kept = kept.slice(0, entity);
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  return `${kept} ${cutNote(text.length - kept.length, 'characters', words)}`;
}

/** Keeps the first `max` items; when some are dropped, the last kept slot says how many. */
function cutList<T>(items: readonly T[], max: number, notice: (more: number) => T): T[] {
  if (items.length <= max) return [...items];
  const kept = items.slice(0, max - 1);
  return [...kept, notice(items.length - kept.length)];
}

const mrkdwn = (text: string): Mrkdwn => ({ type: 'mrkdwn', text });

function fitTextObject(text: TextObject, max: number, words: CutWords): TextObject {
  return { ...text, text: cutText(text.text, max, words) };
}

type ActionElement = ActionsBlock['elements'][number];
type ContextElement = ContextBlock['elements'][number];

function fitButton(button: Button): Button {
  return {
    ...button,
    text: { ...button.text, text: cutText(button.text.text, LIMITS.buttonText) },
    ...(button.action_id === undefined ? {} : { action_id: button.action_id.slice(0, LIMITS.id) }),
    ...(button.value === undefined ? {} : { value: button.value.slice(0, LIMITS.buttonValue) }),
  };
}

const idOk = (id: string | undefined): boolean => id === undefined || id.length <= LIMITS.id;

/** The bot's buttons are checked; another interactive element is left as it is. */
const elementFits = (e: ActionElement): boolean =>
  e.type !== 'button' ||
  (e.text.text.length <= LIMITS.buttonText &&
    idOk(e.action_id) &&
    (e.value === undefined || e.value.length <= LIMITS.buttonValue));
const fitElement = (e: ActionElement): ActionElement => (e.type === 'button' ? fitButton(e) : e);
const contextTextFits = (e: ContextElement): boolean => !('text' in e) || e.text.length <= LIMITS.contextText;

const idFits = (block: Block): boolean => block.block_id === undefined || block.block_id.length <= LIMITS.id;

/** Whether a block is within its limits already: the common case, which then costs no copy. */
function fits(block: Block): boolean {
  if (!idFits(block)) return false;
  switch (block.type) {
    case 'header':
      return block.text.text.length <= LIMITS.headerText;
    case 'section':
      return (
        (block.text === undefined || block.text.text.length <= LIMITS.sectionText) &&
        (block.fields === undefined ||
          (block.fields.length <= LIMITS.fields && block.fields.every((f) => f.text.length <= LIMITS.fieldText)))
      );
    case 'context':
      return block.elements.length <= LIMITS.contextElements && block.elements.every(contextTextFits);
    case 'actions':
      return block.elements.length <= LIMITS.actionsElements && block.elements.every(elementFits);
    default:
      // The bot builds no other kind of block; any other known block is Slack's to judge.
      return true;
  }
}

/** One block within its own limits: text lengths, number of fields and elements, id lengths. */
function fitBlock(block: Block, words: CutWords): Block {
  if (fits(block)) return block;
  const id = block.block_id === undefined ? {} : { block_id: block.block_id.slice(0, LIMITS.id) };
  switch (block.type) {
    case 'header':
      return { ...block, ...id, text: { ...block.text, text: cutText(block.text.text, LIMITS.headerText, words) } };
    case 'section':
      return {
        ...block,
        ...id,
        ...(block.text === undefined ? {} : { text: mrkdwn(cutText(block.text.text, LIMITS.sectionText, words)) }),
        ...(block.fields === undefined
          ? {}
          : {
              fields: cutList(block.fields, LIMITS.fields, (more) => mrkdwn(cutNote(more, 'fields', words))).map((f) =>
                mrkdwn(cutText(f.text, LIMITS.fieldText, words)),
              ),
            }),
      };
    case 'context':
      return {
        ...block,
        ...id,
        elements: cutList(
          block.elements,
          LIMITS.contextElements,
          (more): ContextElement => mrkdwn(cutNote(more, 'notes', words)),
        ).map((e) => ('text' in e ? fitTextObject(e, LIMITS.contextText, words) : e)),
      };
    case 'actions':
      return { ...block, ...id, elements: block.elements.slice(0, LIMITS.actionsElements).map(fitElement) };
    default:
      return { ...block, ...id };
  }
}

/**
 * At most `max` blocks, each within its limits. When blocks must go, they go from the middle: the trailing buttons and
 * the version line stay, and a context block says how many were cut.
 */
export function fitBlocks(blocks: readonly Block[], max: number, words: CutWords = NEUTRAL): Block[] {
  const fitted = blocks.map((b) => fitBlock(b, words));
  if (fitted.length <= max) return fitted;
  let tail = 0;
  while (tail < 2 && tail < fitted.length && ['actions', 'context'].includes(fitted[fitted.length - 1 - tail].type)) {
    tail++;
  }
  const body = fitted.slice(0, fitted.length - tail);
  const keep = max - tail - 1;
  const notice: Block = { type: 'context', elements: [mrkdwn(cutNote(body.length - keep, 'blocks', words))] };
  return [...body.slice(0, keep), notice, ...fitted.slice(fitted.length - tail)];
}

/** A message Slack will accept: at most 50 blocks, each within its limits, and a bounded fallback text. */
export function fitMessage(message: SlackMessage, words: CutWords = NEUTRAL): SlackMessage {
  return {
    // Slack refuses a message without a fallback text; a blank one is never what was meant.
    text: message.text.trim() === '' ? '…' : cutText(message.text, LIMITS.fallbackText, words),
    blocks: fitBlocks(message.blocks, LIMITS.messageBlocks, words),
  };
}

/** A Home tab Slack will accept: at most 100 blocks, each within its limits. */
export function fitHome(view: HomeView, words: CutWords = NEUTRAL): HomeView {
  return { ...view, blocks: fitBlocks(view.blocks, LIMITS.homeBlocks, words) };
}
