import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {cliFor, expectOneLine} from '../helpers/run-cli.js';
import {snapshot, tempDbPath, tempDir} from '../helpers/temp-db.js';

describe('import is strict; export names its schema', () => {
  it('refuses a misspelt field anywhere, naming its JSON path (exit 2, nothing changed), as JSON too', () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['list']);
    const before = snapshot(db);
    const dir = tempDir();
    const cases: [unknown, string][] = [
      [{setings: [{key: 'flask_port', value: '6000'}]}, '/: unknown field "setings"'],
      [{settings: [{key: 'flask_port', valeu: '6000'}]}, '/settings/0: unknown field "valeu"'],
      [{servers: [{id: 1, port: 8284, colour: 'red'}]}, '/servers/0: unknown field "colour"'],
    ];
    for (const [doc, problem] of cases) {
      const file = join(dir, 'in.json');
      writeFileSync(file, JSON.stringify(doc));
      const result = cli(['import', file]);
      expect(result.status).toBe(2);
      expect(expectOneLine(result.stderr)).toContain(problem);
      const asJson = JSON.parse(cli(['import', file, '--json']).stdout);
      expect(asJson).toMatchObject({ok: false, error: {code: 'usage', exit_code: 2}});
      expect(asJson.error.message).toContain(problem);
    }
    expect(snapshot(db)).toBe(before);
  });

  it('writes $schema pointing at the schema this install ships, and its own export imports back unchanged', () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['server', 'add', '--address', '10.0.0.5', '--name', 'lab']);
    const out = join(tempDir(), 'backup.json');
    expect(cli(['export', '--reveal', '--output', out]).status).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.$schema).toMatch(/^file:\/\/.*\/docs\/export\.schema\.json$/);
    expect(existsSync(fileURLToPath(doc.$schema))).toBe(true);
    expect(JSON.parse(cli(['import', out, '--json']).stdout)).toEqual({ok: true, changed: false, changes: []});
  });
});
