import {describe, expect, it, vi} from 'vitest';

// Colour on before chalk loads (with Ink), so Ink's frame carries the attributes the first frame must match.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import {snapshotState} from '../../src/repo/changes.js';
import type {ConfigStore} from '../../src/repo/index.js';
import {firstFrameLines, paintFrame} from '../../src/ui/first-frame/first-frame.js';
import {describeCells, frameCells} from '../helpers/cells.js';
import Sqlite from 'better-sqlite3';
import {openApp, openStore} from '../helpers/open-app.js';
import {tempDbPath} from '../helpers/temp-db.js';

/** The first frame as a terminal would show it: the escape codes around the body taken off. */
function painted(store: ConfigStore, size: {columns: number; rows: number}, readOnly = false): string {
  const lines = firstFrameLines(store, {...size, readOnly});
  if (!lines) throw new Error('no first frame');
  const text = paintFrame(lines, true);
  expect(text.startsWith('\u001b[?25l\u001b[H') && text.endsWith('\u001b[H')).toBe(true);
  return text.slice('\u001b[?25l\u001b[H'.length, -'\u001b[H'.length);
}

async function inkFirstFrame(store: ConfigStore, size: {columns: number; rows: number}, readOnly = false): Promise<string> {
  const app = await openApp(store, {readOnly, initial: snapshotState(store)}, size);
  return app.frame();
}

const sizes = [
  {columns: 80, rows: 24},
  {columns: 50, rows: 15},
  {columns: 120, rows: 40},
  {columns: 30, rows: 8},
];

describe('the first frame, painted before Ink loads', () => {
  for (const size of sizes) {
    it(`is Ink's first frame cell for cell, characters and attributes, at ${size.columns}x${size.rows}`, async () => {
      const store = openStore();
      const ours = frameCells(painted(store, size));
      const ink = frameCells(await inkFirstFrame(store, size));
      expect(describeCells(ours)).toEqual(describeCells(ink));
      // As tall as Ink's frame (never the whole terminal), and something is bold, dim and inverse in both.
      expect(ours).toHaveLength(size.rows - 1);
      const flat = ours.flat();
      expect([flat.some((c) => c.bold), flat.some((c) => c.dim), flat.some((c) => c.inverse)]).toEqual([true, true, true]);
    });
  }

  it('matches with a long tab, a scrolled-out list, odd values, rows another program left without a category, and read-only', async () => {
    const path = tempDbPath();
    const store = openStore((s) => {
      for (let i = 0; i < 40; i++) s.settings.add({key: `a_${i}`, type: 'string', value: `v\u001b[31m${i}\t`, category: 'api_keys', description: `about ${i}`});
      s.settings.set('anthropic_api_key', 'sk-secret-value');
      s.settings.set('flask_port', '5001');
    }, path);
    // The design's table lets category be NULL (another program's row): it is in General, for the frame as for the app.
    const other = new Sqlite(path);
    other.prepare(`INSERT INTO system_config (config_key, config_value, config_type, category) VALUES ('a_nameless', 'x', 'string', NULL)`).run();
    other.prepare(`UPDATE system_config SET category = NULL WHERE config_key = 'openai_api_key'`).run();
    other.close();
    for (const size of sizes) {
      for (const readOnly of [false, true]) {
        const ink = frameCells(await inkFirstFrame(store, size, readOnly));
        expect(describeCells(frameCells(painted(store, size, readOnly)))).toEqual(describeCells(ink));
      }
    }
  });

  it('matches with an active profile (its badge, and its own value on the first row); a guarded one is left to Ink', async () => {
    const store = openStore((s) => {
      s.profiles.create('dev');
      s.profiles.set('dev', 'openai_api_key', 'sk-dev');
      s.profiles.switch('dev');
    });
    for (const size of sizes) {
      const ink = await inkFirstFrame(store, size);
      expect(describeCells(frameCells(painted(store, size)))).toEqual(describeCells(frameCells(ink)));
    }
    expect(painted(store, {columns: 80, rows: 24})).toContain("dev's value");
    store.settings.add({key: 'guarded_profiles', type: 'string', value: 'dev'});
    expect(firstFrameLines(store, {columns: 80, rows: 24, readOnly: false})).toBeUndefined();
  });

  it('leaves the first frame to Ink where the app opens elsewhere: no settings, a screen too small', () => {
    const empty = openStore((s) => {
      for (const setting of s.settings.list()) s.settings.remove(setting.key);
    });
    expect(firstFrameLines(empty, {columns: 80, rows: 24, readOnly: false})).toBeUndefined();
    const store = openStore();
    expect(firstFrameLines(store, {columns: 29, rows: 24, readOnly: false})).toBeUndefined();
    expect(firstFrameLines(store, {columns: 80, rows: 7, readOnly: false})).toBeUndefined();
  });

  it('draws no attributes without colour (NO_COLOR), as chalk then draws none', () => {
    const store = openStore();
    const lines = firstFrameLines(store, {columns: 80, rows: 24, readOnly: false})!;
    expect(paintFrame(lines, false)).not.toMatch(/\u001b\[[0-9;]*m/);
  });
});
