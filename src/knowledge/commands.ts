import type { Stack } from './schema.js';

/** What a deploy command is filled in for: the application name (a DNS label) and its image reference. */
export interface Target {
  readonly app: string;
  readonly image: string;
}

export const DEFAULT_APP = 'myapp';

/**
 * The target of a stack for an application: its image defaults to the stack's image template (`{app}:v1.0`), so the
 * default answer shows the seed's own commands (`docker build -t myapp:v1.0 .`).
 */
export function targetFor(stack: Pick<Stack, 'image'>, app: string = DEFAULT_APP, image?: string): Target {
  return { app, image: image ?? stack.image.replaceAll('{app}', app) };
}

/** Fills the `{app}` and `{image}` placeholders of a command template. */
export function fillCommand(template: string, target: Target): string {
  return template.replaceAll('{app}', target.app).replaceAll('{image}', target.image);
}

/** Every command of a stack for a target, in order. */
export function commandsFor(stack: Pick<Stack, 'commands'>, target: Target): string[] {
  return stack.commands.map((c) => fillCommand(c, target));
}
