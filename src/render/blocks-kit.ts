import type { Kit } from '../kit/kit.js';
import { codeBlock, context, header, section } from './blocks-elements.js';
import type { SlackMessage } from './blocks-types.js';
import { codeSpan, escapeText } from './escape.js';
import { fitMessage } from './limits.js';

/** The CLI command that writes the whole kit, for whoever needs the files on disk. */
function cliLine(kit: Kit): string {
  return `stack-advisor kit ${kit.stackId} --out ./${kit.stackId}-kit --app ${kit.app}`;
}

/** The comment posted with the uploaded files: the commands in order, and what to read first. */
export function kitUploadComment(kit: Kit, stackName: string): string {
  const steps = kit.commands.map((c, i) => `${i + 1}. ${c}`).join('\n');
  return `Deploy kit for ${stackName} (${kit.normalForm}), app ${kit.app}: ${kit.files.length} files. Start with README.md.\n${steps}`;
}

/**
 * The kit shown in a message when it cannot be uploaded (a private answer, or no access to the channel): the
 * commands, then each file in a code block, cut visibly when long, with the CLI command that writes them all.
 */
export function kitMessage(kit: Kit, stackName: string, reason?: string): SlackMessage {
  const files = kit.files.filter((f) => f.path !== 'README.md');
  return fitMessage({
    text: `Deploy kit for ${escapeText(stackName)} (${kit.normalForm}): ${kit.files.map((f) => f.path).join(', ')}`,
    blocks: [
      header(`Deploy kit · ${stackName}`),
      ...section(codeBlock('Commands, in order', kit.commands)),
      ...files.flatMap((f) => section(codeBlock(f.path, f.content.trimEnd().split('\n')))),
      ...context([
        ...(reason === undefined ? [] : [escapeText(reason)]),
        `All ${kit.files.length} files, with a README of prerequisites and checks: ${codeSpan(cliLine(kit))}`,
      ]),
    ],
  });
}
