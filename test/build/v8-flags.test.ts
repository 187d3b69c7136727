import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {root} from '../../scripts/bundle-options.mjs';
import {appV8Flags, checkV8Flags} from '../../scripts/v8-flags.mjs';

describe('the V8 flags the app sets', () => {
  it('exist in this Node, as the build checks', () => {
    expect(checkV8Flags()).toEqual({v8: process.versions.v8, flags: appV8Flags});
  });

  it('fail the build when V8 has dropped one, naming it', () => {
    expect(() => checkV8Flags([...appV8Flags, '--no-such-flag-anymore'])).toThrow(/has no flag --no-such-flag-anymore/);
  });

  it('are exactly those the source sets (a flag missing from the list would never be set)', () => {
    const files = readdirSync(join(root, 'src'), {recursive: true, encoding: 'utf8'}).filter((f) => /\.tsx?$/.test(f));
    const used = new Set<string>();
    for (const file of files) {
      for (const [, flag] of readFileSync(join(root, 'src', file), 'utf8').matchAll(/setV8Flag\(['`](--[\w-]+)/g)) used.add(flag!);
    }
    expect([...used].sort()).toEqual([...appV8Flags].sort());
  });
});
