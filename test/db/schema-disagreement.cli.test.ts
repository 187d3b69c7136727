import Sqlite from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {latestSchemaVersion} from '../../src/db/migrate.js';
import {cliFor} from '../helpers/run-cli.js';
import {tempDbPath} from '../helpers/temp-db.js';

describe('a file whose objects its schema version promises are gone', () => {
  it('doctor names them, and a command that needs them stops with one line', () => {
    const path = tempDbPath();
    const cli = cliFor(path);
    expect(cli(['list']).status).toBe(0);
    const db = new Sqlite(path);
    db.exec('DROP TABLE config_history');
    db.close();
    const doctor = JSON.parse(cli(['doctor', '--json']).stdout) as {checks: {check: string; status: string; message: string}[]};
    expect(doctor.checks).toContainEqual(
      expect.objectContaining({
        check: 'schema objects',
        status: 'warn',
        message: `the file records schema version ${latestSchemaVersion()} but lacks table config_history, column config_history.actor, index idx_config_history_row and 6 more`,
      }),
    );
    const set = cli(['set', 'flask_port', '5001']);
    expect(set.status).toBe(1);
    expect(set.stderr).toMatch(/^sanctum-config: .* has no table: \S*config_history, which its schema version promises; see sanctum-config doctor\n$/);
  });
});
