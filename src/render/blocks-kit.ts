import type { Kit } from '../kit/kit.js';
import { codeBlock, context, header, section } from './blocks-elements.js';
import type { SlackMessage } from './blocks-types.js';
import { codeSpan, escapeText } from './escape.js';
import { fitMessage } from './limits.js';
import type { Messages } from './messages/index.js';

/** The CLI command that writes the whole kit, for whoever needs the files on disk. */
function cliLine(kit: Kit, m: Messages): string {
  return `stack-advisor kit ${kit.stackId} --out ./${kit.stackId}-kit --app ${kit.app} --lang ${m.language}`;
}

/** The comment posted with the uploaded files: the commands in order, and what to read first. */
export function kitUploadComment(m: Messages, kit: Kit, stackName: string): string {
  const steps = kit.commands.map((c, i) => `${i + 1}. ${c}`).join('\n');
  return `${m.kitUploadComment(stackName, kit.normalForm, kit.app, kit.files.length)}\n${steps}`;
}

/**
 * The kit shown in a message when it cannot be uploaded (a private answer, or no access to the channel): the
 * commands, then each file in a code block, cut visibly when long, with the CLI command that writes them all.
 */
export function kitMessage(m: Messages, kit: Kit, stackName: string, reason?: string): SlackMessage {
  const files = kit.files.filter((f) => f.path !== 'README.md');
  return fitMessage(
    {
      text: m.kitFallback(escapeText(stackName), kit.normalForm, kit.files.map((f) => f.path).join(', ')),
      blocks: [
        header(m.kitTitle(stackName)),
        ...section(codeBlock(m.kitCommands, kit.commands, m)),
        ...files.flatMap((f) => section(codeBlock(f.path, f.content.trimEnd().split('\n'), m))),
        ...context([
          ...(reason === undefined ? [] : [escapeText(reason)]),
          m.kitAll(kit.files.length, codeSpan(cliLine(kit, m))),
        ]),
      ],
    },
    m,
  );
}
