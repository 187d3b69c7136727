// A run killed while it writes a temp file (kill -9 during a backup of a large
// file, or an export) leaves it behind. The next run that writes there finds
// the ones whose process is gone, by their name, and removes them; a live
// run's temp file is left alone.
import {spawnSync} from 'node:child_process';
import {readdirSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cliFor} from '../helpers/run-cli.js';
import {tempDbPath} from '../helpers/temp-db.js';

/** The id of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}).stdout;

describe('temp files of killed runs', () => {
  it('a dead backup or export temp file is removed by the next write; a live one is kept', () => {
    const path = tempDbPath();
    const dir = dirname(path);
    const cli = cliFor(path);
    expect(cli(['list']).status).toBe(0);
    const dead = deadPid();
    const leftovers = [`.config.db.bak-v4.${dead}-0123456789abcdef.tmp`, `.out.json.${dead}-fedcba9876543210.tmp`];
    const live = `.config.db.bak-v4.${process.pid}-0123456789abcdef.tmp`;
    for (const name of [...leftovers, live]) writeFileSync(join(dir, name), 'a full copy of the database');
    expect(cli(['get', 'flask_port']).status).toBe(0);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining([...leftovers, live]));
    expect(cli(['set', 'flask_port', '5001']).status).toBe(0);
    expect(cli(['export', '--output', join(dir, 'out.json')]).status).toBe(0);
    const now = readdirSync(dir);
    for (const name of leftovers) expect(now).not.toContain(name);
    expect(now).toContain(live);
  });
});
