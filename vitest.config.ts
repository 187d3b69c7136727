import {defineConfig} from 'vitest/config';

/**
 * Three lanes. `fast` (npm run test:fast, while working): in-process tests of
 * the repository, the database and the app under ink-testing-library. `full`:
 * what runs the built CLI in subprocesses, tmux and packaging. `plain`: the CLI
 * tests again with SANCTUM_CONFIG_PLAIN=1 (no code cache, no V8 flags, no short
 * route), so the start-up tricks change no outcome. `npm test` (and CI) runs all
 * three. A test that starts the CLI goes in test/cli, test/e2e, test/hardening
 * or test/packaging, or is named *.cli.test.ts (test/guardrails.test.ts checks this).
 */
export const fullLaneOnly = ['cli', 'e2e', 'hardening', 'packaging'].map((dir) => `test/${dir}/**/*.test.{ts,tsx}`).concat('test/**/*.cli.test.{ts,tsx}');
const everyTest = ['test/**/*.test.{ts,tsx}'];
const timeouts = {testTimeout: 20_000, hookTimeout: 20_000};

export default defineConfig({
  test: {
    projects: [
      {test: {name: 'fast', include: everyTest, exclude: fullLaneOnly, ...timeouts}},
      {test: {name: 'full', include: fullLaneOnly, ...timeouts}},
      {test: {name: 'plain', include: ['test/cli/**/*.test.ts'], env: {SANCTUM_CONFIG_PLAIN: '1'}, ...timeouts}},
    ],
  },
});
