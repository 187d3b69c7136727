import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const uiDir = fileURLToPath(new URL('../../src/ui', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

describe("the app's layers", () => {
  const components = files(uiDir).filter((f) => f.endsWith('.tsx') && !f.endsWith('launch.tsx'));

  it('has components that only render: no repository call, no AbortController, no network', () => {
    for (const file of components) {
      const text = readFileSync(file, 'utf8');
      const found = [/store\.(settings|servers)\./, /AbortController/, /testAndRecord|testConnection|fetch\(/].filter((p) => p.test(text));
      expect([file.slice(uiDir.length), found]).toEqual([file.slice(uiDir.length), []]);
    }
  });

  it('sends every key through a key table: no component reads keys itself', () => {
    for (const file of components) {
      // The input line is the one widget that reads keys itself: the text keys a table leaves alone.
      const exempt = file.endsWith('app.tsx') || file.endsWith('line-input.tsx');
      expect([file.slice(uiDir.length), /useInput\(|useKeys\(/.test(readFileSync(file, 'utf8')) && !exempt]).toEqual([file.slice(uiDir.length), false]);
    }
  });

  it('keeps SQL out of the UI', () => {
    for (const file of files(uiDir)) expect([file, /\b(SELECT|INSERT|UPDATE|DELETE)\s/.test(readFileSync(file, 'utf8'))]).toEqual([file, false]);
  });
});
