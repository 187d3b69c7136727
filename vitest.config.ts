import {defineConfig} from 'vitest/config';

/**
 * Two lanes. `fast` (npm run test:fast, while working): in-process tests of the
 * repository, the database and the app under ink-testing-library. `full` adds
 * what runs the built CLI in subprocesses, tmux and packaging. `npm test` (and
 * CI) runs both. A test that starts the CLI goes in test/cli, test/e2e,
 * test/hardening or test/packaging, or is named *.cli.test.ts
 * (test/guardrails.test.ts checks this).
 */
export const fullLaneOnly = ['cli', 'e2e', 'hardening', 'packaging'].map((dir) => `test/${dir}/**/*.test.{ts,tsx}`).concat('test/**/*.cli.test.{ts,tsx}');
const everyTest = ['test/**/*.test.{ts,tsx}'];
const timeouts = {testTimeout: 20_000, hookTimeout: 20_000};

export default defineConfig({
  test: {
    projects: [{test: {name: 'fast', include: everyTest, exclude: fullLaneOnly, ...timeouts}}, {test: {name: 'full', include: fullLaneOnly, ...timeouts}}],
  },
});
