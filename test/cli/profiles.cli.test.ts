import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import Sqlite from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {sqlBlocks} from '../helpers/design.js';
import {cliFor, cliPath, expectOneLine, runCliAsync} from '../helpers/run-cli.js';
import {snapshot, tempDbPath, tempDir} from '../helpers/temp-db.js';

/** A box with a local Letta and a production one, and dev, staging and prod that differ from the base in a few values. */
function boxWithThreeProfiles(home = tempDir()) {
  const db = tempDbPath();
  const raw = cliFor(db);
  const cli = (args: string[], options: {input?: string} = {}) => raw(args, {...options, env: {HOME: home}});
  expect(cli(['init', '--non-interactive']).status).toBe(0);
  expect(cli(['server', 'set', '1', '--name', 'local']).status).toBe(0);
  expect(cli(['server', 'add', '--name', 'prod-letta', '--address', 'letta.example.net', '--port', '443']).status).toBe(0);
  for (const name of ['dev', 'staging', 'prod']) expect(cli(['profile', 'create', name]).stdout).toBe(`created profile ${name}\n`);
  for (const [name, key, value] of [
    ['dev', 'debug_mode', 'true'],
    ['staging', 'flask_port', '5051'],
    ['staging', 'debug_mode', 'false'],
    ['prod', 'flask_port', '5050'],
    ['prod', 'debug_mode', 'false'],
    ['prod', 'server', 'prod-letta'],
  ]) {
    expect(cli(['profile', 'set', name!, key!, value!]).status).toBe(0);
  }
  expect(cli(['profile', 'set', 'prod', 'openai_api_key', '--stdin'], {input: 'sk-prod-secret\n'}).status).toBe(0);
  return {db, cli, home};
}

const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

/** The values the design's tables hold, as any reader of the file sees them. */
function live(db: string) {
  const file = new Sqlite(db, {readonly: true});
  try {
    const settings = Object.fromEntries(
      (file.prepare('SELECT config_key, config_value FROM system_config').all() as {config_key: string; config_value: string}[]).map((r) => [
        r.config_key,
        r.config_value,
      ]),
    );
    const server = file.prepare(sqlBlocks('Usage Examples')[0]!).all() as {name: string; server_address: string}[];
    return {settings, servers: server.map((s) => s.name)};
  } finally {
    file.close();
  }
}

describe('profile commands', () => {
  it('diffs three profiles (secrets masked unless revealed), switches with the design’s SQL seeing the values, and undo reverses the switch whole', () => {
    const {db, cli} = boxWithThreeProfiles();
    const diff = cli(['profile', 'diff', 'staging', 'prod']);
    expect(diff.stdout).toMatch(/^flask_port +5051 +5050$/m);
    expect(diff.stdout).toMatch(/^openai_api_key +\(not set\) +\*{8}$/m);
    expect(diff.stdout).toMatch(/^server +local +prod-letta$/m);
    expect(diff.stdout).not.toContain('sk-prod-secret');
    expect(diff.stdout).not.toMatch(/debug_mode/);
    expect(cli(['profile', 'diff', 'staging', 'prod', '--reveal']).stdout).toContain('sk-prod-secret');
    const diffJson = json(cli(['profile', 'diff', 'dev', 'prod', '--json']).stdout);
    expect(diffJson.differences).toContainEqual({kind: 'setting', key: 'openai_api_key', from: '', to: null, sensitive: true, redacted: true});
    expect(cli(['profile', 'diff', 'dev', 'dev']).stdout).toBe('dev and dev set the same values\n');

    const before = live(db);
    const switched = json(cli(['profile', 'switch', 'prod', '--json']).stdout);
    expect(switched).toMatchObject({ok: true, changed: true, from: null, to: 'prod'});
    expect(JSON.stringify(switched)).not.toContain('sk-prod-secret');
    const now = live(db);
    expect(now.settings).toMatchObject({flask_port: '5050', debug_mode: 'false', openai_api_key: 'sk-prod-secret', environment: 'prod'});
    expect(now.servers).toEqual(['prod-letta']);
    // The panel's own keys for the server follow it.
    expect(now.settings.letta_server_address).toBe('http://letta.example.net:443');
    expect(json(cli(['profile', 'switch', 'prod', '--json']).stdout)).toMatchObject({changed: false});
    expect(cli(['doctor']).stdout).toMatch(/^ok +profile: prod is active \(guarded: the app asks before each write\)$/m);

    const history = json(cli(['history', '--limit', '1', '--json']).stdout) as unknown as Record<string, unknown>[];
    expect(history[0]).toMatchObject({kind: 'profile', action: 'switch', profile: 'prod', old_value: null, new_value: 'prod'});
    expect(cli(['undo']).stdout).toMatch(/^undid change \d+: profile prod -> \(base\)$/m);
    expect(live(db)).toEqual(before);
    expect(json(cli(['profile', 'list', '--json']).stdout)).toMatchObject({active: null});
  });

  it('keeps a concurrent writer’s changes: one that commits while the switch waits, and one made while the profile is active', async () => {
    const {db, cli, home} = boxWithThreeProfiles();
    const holder = new Sqlite(db);
    holder.exec('BEGIN IMMEDIATE');
    const switching = runCliAsync(['--db', db, 'profile', 'switch', 'staging'], {env: {HOME: home, SANCTUM_CONFIG_DB: undefined}});
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Another program (the panel) changes a value staging sets, and one it does not, then commits.
    holder.exec(`UPDATE system_config SET config_value = '5099' WHERE config_key = 'flask_port'`);
    holder.exec(`UPDATE system_config SET config_value = 'http://gpu:11434' WHERE config_key = 'ollama_base_url'`);
    holder.exec('COMMIT');
    expect((await switching).status).toBe(0);
    expect(live(db).settings).toMatchObject({flask_port: '5051', ollama_base_url: 'http://gpu:11434', environment: 'staging'});
    // While staging is active, the panel changes its port: staging keeps it.
    holder.exec(`UPDATE system_config SET config_value = '5052' WHERE config_key = 'flask_port'`);
    holder.close();
    // The switch is undone by its id (the latest change is the panel's).
    const entries = JSON.parse(cli(['history', '--json']).stdout) as {id: number; kind: string}[];
    const switchId = entries.find((e) => e.kind === 'profile')!.id;
    expect(entries[0]!.kind).toBe('setting');
    expect(cli(['undo', String(switchId)]).stdout).toBe(`undid change ${switchId}: profile staging -> (base)\n`);
    expect(live(db).settings).toMatchObject({flask_port: '5099', ollama_base_url: 'http://gpu:11434', environment: 'development'});
    expect(cli(['profile', 'show', 'staging']).stdout).toMatch(/^flask_port +5052$/m);
    expect(cli(['profile', 'switch', 'staging']).status).toBe(0);
    expect(live(db).settings.flask_port).toBe('5052');
  });

  it('makes ~/.letta/.env follow a switch when it is in use, and leaves it alone on a dry run or --no-env-file', () => {
    const home = tempDir();
    const {cli} = boxWithThreeProfiles(home);
    mkdirSync(join(home, '.letta'));
    const envFile = join(home, '.letta', '.env');
    writeFileSync(envFile, 'MY_OWN=1\n');
    expect(cli(['profile', 'switch', 'prod', '--dry-run']).stdout).toMatch(/would write .*\.letta\/\.env/);
    expect(readFileSync(envFile, 'utf8')).toBe('MY_OWN=1\n');
    const said = cli(['profile', 'switch', 'prod']).stdout;
    expect(said).toMatch(/^switched \(base\) -> prod:\n/);
    expect(said).toContain('\n  flask_port 5000 -> 5050\n');
    expect(said).toContain('\n  debug_mode true -> false\n');
    expect(said).toContain('\n  openai_api_key (not set) -> ********\n');
    expect(said).toContain('\n  server local -> prod-letta\n');
    expect(said).not.toContain('sk-prod-secret');
    expect(said).toMatch(/^wrote .*\.letta\/\.env/m);
    const text = readFileSync(envFile, 'utf8');
    expect(text).toContain('MY_OWN=1');
    expect(text).toMatch(/^export OPENAI_API_KEY=.?sk-prod-secret/m);
    expect(text).toMatch(/^export LETTA_ENVIRONMENT=.?prod/m);
    expect(cli(['profile', 'switch', 'dev', '--no-env-file']).status).toBe(0);
    expect(readFileSync(envFile, 'utf8')).toBe(text);
    // No env file in use: none is made.
    const bare = boxWithThreeProfiles();
    expect(bare.cli(['profile', 'switch', 'prod']).status).toBe(0);
    expect(existsSync(join(bare.home, '.letta', '.env'))).toBe(false);
  });

  it('refuses bad input with one line and exit 2, the file unchanged', () => {
    const {db, cli} = boxWithThreeProfiles();
    cli(['profile', 'switch', 'dev']);
    const before = snapshot(db);
    for (const [args, message] of [
      [['profile', 'switch', 'nope'], /no profile 'nope'/],
      [['profile', 'set', 'prod', 'flask_port', 'abc'], /flask_port/],
      [['profile', 'set', 'prod', 'environment', 'x'], /names the active profile/],
      [['profile', 'set', 'prod', 'server', 'nope'], /no server named 'nope'/],
      [['profile', 'remove', 'dev'], /is active/],
      [['profile', 'create', 'prod', '--from', 'dev'], /exists already/],
      [['profile', 'create', 'a b'], /must be/],
      [['profile', 'switch', 'prod', 'extra'], /too many arguments|unknown command|excess/],
    ] as const) {
      const result = cli([...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(expectOneLine(result.stderr)).toMatch(message);
    }
    expect(snapshot(db)).toBe(before);
    const failed = json(cli(['profile', 'switch', 'nope', '--json']).stdout);
    expect(failed).toMatchObject({ok: false, error: {code: 'not-found', exit_code: 2}});
  });

  it('export carries the profiles (secrets left out unless revealed), --profile exports one without switching, and import brings them back', () => {
    const {db, cli} = boxWithThreeProfiles();
    const before = readFileSync(db);
    const asProd = json(cli(['export', '--profile', 'prod', '--reveal']).stdout) as {
      profile: string;
      settings: {key: string; value: unknown}[];
      servers: {name: string; active: boolean}[];
    };
    expect(asProd.profile).toBe('prod');
    expect(asProd.settings.find((s) => s.key === 'flask_port')?.value).toBe(5050);
    expect(asProd.settings.find((s) => s.key === 'environment')?.value).toBe('prod');
    expect(asProd.servers.find((s) => s.active)?.name).toBe('prod-letta');
    const env = cli(['export', '--profile', 'prod', '--format', 'env']).stdout;
    expect(env).toMatch(/LETTA_ENVIRONMENT=.?prod/);
    expect(env).not.toContain('sk-prod-secret');
    // Nothing was switched: the file is byte-identical.
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(cli(['export', '--profile', 'nope']).status).toBe(2);

    const plain = json(cli(['export']).stdout) as {profiles: {name: string; values: {key: string; value?: string}[]; server?: string}[]};
    expect(plain.profiles.map((p) => p.name)).toEqual(['dev', 'prod', 'staging']);
    const prod = plain.profiles.find((p) => p.name === 'prod')!;
    expect(prod.server).toBe('prod-letta');
    expect(prod.values).toContainEqual({key: 'openai_api_key'});
    expect(prod.values).toContainEqual({key: 'flask_port', value: '5050'});

    // Into a fresh box that has the same servers: the profiles arrive, none is switched to.
    const other = boxWithThreeProfiles();
    other.cli(['profile', 'remove', 'prod']);
    other.cli(['profile', 'set', 'staging', 'flask_port', '6000']);
    const backup = join(tempDir(), 'backup.json');
    writeFileSync(backup, cli(['export', '--reveal']).stdout);
    expect(other.cli(['import', backup]).stdout).toMatch(/profiles: 1 added, 1 changed/);
    expect(other.cli(['profile', 'show', 'prod', '--reveal']).stdout).toMatch(/^openai_api_key +sk-prod-secret$/m);
    expect(other.cli(['profile', 'show', 'staging']).stdout).toMatch(/^flask_port +5051$/m);
    expect(json(other.cli(['profile', 'list', '--json']).stdout).active).toBe(null);
    // A profile that names a value the schema does not know is refused with its path.
    writeFileSync(backup, JSON.stringify({profiles: [{name: 'x', valeus: []}]}));
    const refused = other.cli(['import', backup]);
    expect(refused.status).toBe(2);
    expect(expectOneLine(refused.stderr)).toMatch(/profiles\/0: unknown field "valeus"/);
  });

  it('a switch killed with SIGKILL leaves the previous profile whole', async () => {
    const {db, cli, home} = boxWithThreeProfiles();
    // A profile of 3,000 values, written as another program would, so the switch takes a while.
    const file = new Sqlite(db);
    file.exec('BEGIN');
    const add = file.prepare(`INSERT INTO system_config (config_key, config_value, config_type, category) VALUES (?, 'base', 'string', 'general')`);
    const hold = file.prepare(`INSERT INTO sanctum_profile_value (profile, kind, key, value) VALUES ('prod', 'setting', ?, 'prod')`);
    for (let i = 0; i < 3000; i++) {
      add.run(`bulk_${i}`);
      hold.run(`bulk_${i}`);
    }
    file.exec('COMMIT');
    file.close();
    const whole = () => {
      const values = live(db).settings;
      const bulk = Object.entries(values).filter(([k]) => k.startsWith('bulk_'));
      const state = json(cli(['profile', 'list', '--json']).stdout).active;
      return {state, bulk: [...new Set(bulk.map(([, v]) => v))], environment: values.environment, port: values.flask_port};
    };
    const old = {state: null, bulk: ['base'], environment: 'development', port: '5000'};
    let killedBefore = 0;
    for (const delay of [30, 60, 100, 150, 200, 300, 400, 600]) {
      expect(whole()).toEqual(old);
      const child = spawn(process.execPath, [cliPath, '--db', db, 'profile', 'switch', 'prod'], {
        stdio: 'ignore',
        env: {...process.env, HOME: home, SANCTUM_CONFIG_DB: undefined},
      });
      const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      const signal = await exited;
      const after = whole();
      if (after.state === null) {
        expect(after).toEqual(old);
        if (signal === 'SIGKILL') killedBefore++;
      } else {
        expect(after).toEqual({state: 'prod', bulk: ['prod'], environment: 'prod', port: '5050'});
        expect(cli(['profile', 'switch', 'base']).status).toBe(0);
      }
    }
    // At least one kill landed while the switch was under way.
    expect(killedBefore).toBeGreaterThan(0);
  }, 60_000);
});
