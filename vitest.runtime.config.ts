import { defineConfig } from 'vitest/config';

// `npm run test:runtime`: kit seccomp profiles, and the bot's image, under a real OCI runtime (crun or runc); needs root.
export default defineConfig({
  test: {
    include: ['test/runtime/**/*.runtime.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
