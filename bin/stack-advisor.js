#!/usr/bin/env node
// The CLI entry. In a checkout the TypeScript sources run through tsx, so an edit never meets a stale build; an
// installed package without sources runs its compiled build.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = new URL('../src/cli/entry.ts', import.meta.url);
if (existsSync(fileURLToPath(source))) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/cli/entry.js', import.meta.url).href);
}
