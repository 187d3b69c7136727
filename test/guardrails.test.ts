// Rules a maintainer could break without any other test noticing.
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {fullLaneOnly} from '../vitest.config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fullDirs = ['test/cli/', 'test/e2e/', 'test/hardening/', 'test/packaging/'];

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), {withFileTypes: true, recursive: true})
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

const isFullLane = (file: string) => fullDirs.some((d) => file.startsWith(d)) || /\.cli\.test\.tsx?$/.test(file);

describe('test lanes', () => {
  it('the lanes in vitest.config.ts are the ones this test knows', () => {
    expect(fullLaneOnly).toEqual([...fullDirs.map((d) => `${d}**/*.test.{ts,tsx}`), 'test/**/*.cli.test.{ts,tsx}']);
  });

  it('no fast-lane test runs the built CLI or tmux (they need a build and take seconds)', () => {
    const fast = filesUnder('test').filter((f) => /\.test\.tsx?$/.test(f) && !isFullLane(f) && f !== 'test/guardrails.test.ts');
    expect(fast.length).toBeGreaterThan(10);
    const offenders = fast.filter((file) => /helpers\/(run-cli|tmux|env-readers)\.js|\bdist\//.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
