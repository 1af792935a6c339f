import type { Adr } from './adr.js';
import { codeBlock, context, header, section } from './blocks-elements.js';
import type { SlackMessage } from './blocks-types.js';
import { escapeText } from './escape.js';
import { fitMessage } from './limits.js';
import type { Messages } from './messages/index.js';

/** The decision record shown privately when it cannot be uploaded: the Markdown in a code block, cut visibly if long. */
export function recordMessage(m: Messages, adr: Adr, reason: string): SlackMessage {
  return fitMessage(
    {
      text: m.review.recordUploaded(escapeText(adr.title)),
      blocks: [
        header(m.review.recordUploaded(adr.title)),
        ...section(codeBlock(adr.title, adr.markdown.trimEnd().split('\n'), m)),
        ...context([escapeText(reason)]),
      ],
    },
    m,
  );
}
