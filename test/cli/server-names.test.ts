import Sqlite from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {cliFor, expectOneLine} from '../helpers/run-cli.js';
import {snapshot, tempDbPath} from '../helpers/temp-db.js';

const json = (text: string) => JSON.parse(text);

describe('servers by name, idempotent (a playbook runs the same line on every box)', () => {
  it('server ensure adds, then reports changed: false; a difference is changed: true and is applied', () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    const ensure = (...extra: string[]) =>
      cli(['server', 'ensure', 'lab', '--address', '10.0.0.5', '--port', '8284', '--password-stdin', '--activate', '--json', ...extra], {input: 'pw-lab'});
    const first = ensure();
    expect(first.status).toBe(0);
    expect(json(first.stdout)).toMatchObject({ok: true, changed: true});
    expect(json(first.stdout).changes).toEqual(
      expect.arrayContaining([expect.objectContaining({server_id: 2, action: 'added'}), {server_id: 1, action: 'updated', fields: ['active']}]),
    );
    const second = ensure();
    expect(json(second.stdout)).toEqual({ok: true, changed: false, changes: []});
    // One server named lab, active, whatever the number of runs.
    const servers = json(cli(['server', 'list', '--json', '--reveal']).stdout);
    expect(servers.filter((s: {name: string}) => s.name === 'lab')).toHaveLength(1);
    expect(servers[1]).toMatchObject({name: 'lab', address: '10.0.0.5', port: 8284, password: 'pw-lab', active: true});
    // A difference: changed, and only that.
    const moved = cli(['server', 'ensure', 'lab', '--port', '8290', '--json']);
    expect(json(moved.stdout)).toEqual({ok: true, changed: true, changes: [{server_id: 2, action: 'updated', fields: ['port']}]});
    expect(cli(['server', 'ensure', 'lab', '--port', '8290']).stdout).toBe('server 2 (lab): already as asked\n');
    // A check-mode run says what would change and changes nothing.
    const before = snapshot(db);
    expect(json(cli(['server', 'ensure', 'lab', '--port', '8291', '--dry-run', '--json']).stdout)).toMatchObject({dry_run: true, changed: true});
    expect(snapshot(db)).toBe(before);
    // A new name without an address cannot be made.
    const missing = cli(['server', 'ensure', 'other', '--port', '1']);
    expect(missing.status).toBe(2);
    expect(expectOneLine(missing.stderr)).toContain("no server named 'other' yet; give --address to add it");
  });

  it('names are unique, a number is not a name, and a name works wherever an id does', () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['server', 'add', '--address', '10.0.0.5', '--name', 'lab']);
    const before = snapshot(db);
    const twice = cli(['server', 'add', '--address', '10.0.0.6', '--name', 'lab']);
    expect(twice.status).toBe(2);
    expect(expectOneLine(twice.stderr)).toContain("'lab' is the name of server 2; names are unique");
    expect(cli(['server', 'set', '1', '--name', 'lab']).status).toBe(2);
    expect(cli(['server', 'add', '--address', '10.0.0.6', '--name', '42']).status).toBe(2);
    expect(snapshot(db)).toBe(before);

    expect(cli(['server', 'set', 'lab', '--port', '8300']).status).toBe(0);
    expect(cli(['server', 'activate', 'lab']).status).toBe(0);
    expect(json(cli(['server', 'list', '--json']).stdout)[1]).toMatchObject({name: 'lab', port: 8300, active: true});
    expect(json(cli(['history', '--server', 'lab', '--json']).stdout).length).toBeGreaterThan(1);
    const unknown = cli(['server', 'activate', 'nope']);
    expect(unknown.status).toBe(2);
    expect(expectOneLine(unknown.stderr)).toContain("no server named 'nope'");
    expect(json(cli(['server', 'remove', 'nope', '--json']).stdout)).toEqual({ok: true, changed: false, changes: []});
    expect(cli(['server', 'remove', 'lab']).status).toBe(0);
    expect(json(cli(['server', 'list', '--json']).stdout)).toHaveLength(1);
  });

  it('an older file with duplicate names is upgraded: the oldest keeps the name, the others become NAME #ID', () => {
    const db = tempDbPath();
    cliFor(db)(['list']);
    // The file as migration 13 left it, with duplicates another program wrote.
    const raw = new Sqlite(db);
    raw.exec(`DROP INDEX idx_letta_server_name;
      INSERT INTO letta_server_config (server_address, name) VALUES ('10.0.0.2', 'lab'), ('10.0.0.3', 'lab'), ('10.0.0.4', 'other'), ('10.0.0.5', '');
      UPDATE letta_server_config SET name = 'lab' WHERE id = 1;
      DROP TRIGGER trg_profile_server_renamed; DROP TABLE sanctum_profile; DROP TABLE sanctum_profile_value; DROP TABLE sanctum_profile_state;
      DELETE FROM sanctum_setting_catalogue WHERE config_key = 'guarded_profiles';
      DELETE FROM sanctum_schema_migrations WHERE version >= 14;
      PRAGMA user_version = 13;`);
    raw.close();
    const servers = json(cliFor(db)(['server', 'list', '--json']).stdout) as {id: number; name: string | null}[];
    expect(servers.map((s) => [s.id, s.name])).toEqual([
      [1, 'lab'],
      [2, 'lab #2'],
      [3, 'lab #3'],
      [4, 'other'],
      [5, ''],
    ]);
    const history = json(cliFor(db)(['history', '--server', '3', '--json']).stdout);
    expect(history[0]).toMatchObject({column: 'name', old_value: 'lab', new_value: 'lab #3'});
  });
});
