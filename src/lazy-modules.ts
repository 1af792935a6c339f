import { createRequire } from 'node:module';

/**
 * zod and yaml, loaded on first use rather than at start-up: importing them costs ~45 and ~17 ms, and the bot's
 * start-up and first answer need neither (the built-in knowledge base comes validated from the build, see
 * src/knowledge/snapshot.ts). Synchronous, so that the code using them stays as it was: `require` loads their
 * CommonJS builds, which behave as the ES modules do.
 */

const require = createRequire(import.meta.url);

let zodModule: typeof import('zod') | undefined;
let yamlModule: typeof import('yaml') | undefined;

export const zod = (): typeof import('zod') => {
  zodModule ??= require('zod') as typeof import('zod');
  return zodModule;
};

export const yaml = (): typeof import('yaml') => {
  yamlModule ??= require('yaml') as typeof import('yaml');
  return yamlModule;
};

/** A value built on first use and kept: a schema, say, that needs zod. */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
