// The real Sanctum panel (sanctumos/installer control/, vendored in
// test/vendor/sanctum-panel) beside us on one file, driven as an admin's
// browser drives it: its init script, its login, its System Settings page, the
// bodies its script sends on Save and Test Connection.
import {readFileSync} from 'node:fs';
import Sqlite from 'better-sqlite3';
import {afterEach, describe, expect, it} from 'vitest';
import {type FakeLetta, startFakeLetta} from '../helpers/fake-letta.js';
import {cliFor, runCliAsync} from '../helpers/run-cli.js';
import {panelApp, panelBox} from '../helpers/sanctum-panel-app.js';
import {tempDir} from '../helpers/temp-db.js';

const running: FakeLetta[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.close();
});

async function fakeLetta(password?: string) {
  const letta = await startFakeLetta({password});
  running.push(letta);
  return letta;
}

/** Our CLI without blocking this process (the fake Letta answers from here). */
const ours = (db: string, args: string[], input = '') => runCliAsync(['--db', db, ...args], {input, env: {HOME: tempDir(), SANCTUM_CONFIG_DB: undefined}});

/** What is ours in the file: servers and settings (secrets revealed), not the times nor the panel's own letta_server_* fields. */
function oursNow(db: string) {
  const cli = cliFor(db);
  const servers = JSON.parse(cli(['server', 'list', '--json', '--reveal']).stdout) as Record<string, unknown>[];
  const settings = JSON.parse(cli(['list', '--json', '--reveal']).stdout) as Record<string, unknown>[];
  const untimed = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => !/_at$/.test(k)));
  return {servers: servers.map(untimed), settings: settings.filter((s) => s.category !== 'letta').map(untimed)};
}

/** Each panel row's updated_at, by key. */
function dates(db: string): Record<string, string> {
  const file = new Sqlite(db, {readonly: true});
  try {
    const rows = file.prepare('SELECT config_key, updated_at FROM system_config').all() as {config_key: string; updated_at: string}[];
    return Object.fromEntries(rows.map((r) => [r.config_key, r.updated_at]));
  } finally {
    file.close();
  }
}

async function page(control: string) {
  const [shown] = await panelApp(control, 'page');
  expect(shown!.status).toBe(200);
  return shown!.form!;
}

/** The panel's form shows our active server, as its own Test Connection can reach it. */
function formShowing(letta: FakeLetta, password: string, active = true) {
  return {lettaServerAddress: `http://127.0.0.1:${letta.port}`, lettaServerPort: String(letta.port), lettaServerToken: password, lettaServerActive: active};
}

describe('the real panel, on a file we created', () => {
  it('renders its settings page after every command of ours, shows our active server, and an unchanged save changes nothing', async () => {
    const letta = await fakeLetta('pw-1');
    const {control, db} = panelBox();
    const run = async (args: string[], input = '') => {
      const result = await ours(db, args, input);
      expect({args, status: result.status, stderr: result.stderr}).toMatchObject({args, status: 0});
      // After every command of ours, the panel's page still renders.
      await page(control);
    };
    expect((await ours(db, ['server', 'set', '1', '--address', '127.0.0.1', '--port', String(letta.port), '--password-stdin'], 'pw-1')).status).toBe(0);
    // The operator then (re-)runs the panel's own init script on the box.
    await panelApp(control, 'init');
    expect(await page(control)).toMatchObject(formShowing(letta, 'pw-1'));
    await run(['set', 'flask_port', '5001']);
    await run(['set', 'openai_api_key', '--stdin'], 'sk-test-1');
    await run(['server', 'add', '--address', '10.0.0.9', '--port', '8283', '--token-stdin'], 'tok-2');
    await run(['server', 'set', '1', '--timeout', '20']);
    await run(['server', 'activate', '2']);
    await run(['server', 'activate', '1']);
    await run(['set', 'flask_port', '5002']);
    await run(['undo']);
    await run(['server', 'test']);
    const exported = `${tempDir()}/export.json`;
    await run(['export', '--reveal', '--output', exported]);
    await run(['import', exported]);
    await run(['env-file', 'sync']);
    expect(await page(control)).toMatchObject({...formShowing(letta, 'pw-1'), lettaTimeout: '20', flaskPort: '5001', openaiKey: 'sk-test-1'});

    const before = oursNow(db);
    const saved = await panelApp(control, 'save-letta', 'save-system', 'page');
    expect(saved.map((s) => s.status)).toEqual([200, 200, 200]);
    expect(oursNow(db)).toEqual(before);

    // Its Test Connection reaches our active server, with our one secret.
    letta.requests.length = 0;
    const [tested] = await panelApp(control, 'test');
    expect(tested!.result).toMatchObject({success: true, http_status: 200});
    expect(letta.requests).toEqual([{url: '/v1/health/', authorization: 'Bearer pw-1'}]);
  }, 90_000);

  it('shows an inactive server unchecked; saving it unchanged leaves it inactive, and what the admin types there becomes ours', async () => {
    const letta = await fakeLetta();
    const {control, db} = panelBox();
    expect((await ours(db, ['server', 'set', '1', '--address', '127.0.0.1', '--port', String(letta.port)])).status).toBe(0);
    expect((await ours(db, ['server', 'add', '--address', '10.0.0.2', '--port', '8284', '--activate'])).status).toBe(0);
    expect((await ours(db, ['server', 'remove', '2'])).status).toBe(0);
    await panelApp(control, 'init');
    expect((await page(control)).lettaServerActive).toBe(false);
    const before = oursNow(db);
    await panelApp(control, 'save-letta');
    expect(oursNow(db)).toEqual(before);
    expect(before.servers.some((s) => s.active)).toBe(false);

    const other = await fakeLetta();
    await panelApp(control, 'save-letta', `lettaServerAddress=http://127.0.0.1:${other.port}`, 'lettaServerActive=true');
    expect(oursNow(db).servers[0]).toMatchObject({address: '127.0.0.1', port: other.port, active: true});
    expect(await page(control)).toMatchObject(formShowing(other, ''));
    const [tested] = await panelApp(control, 'test');
    expect(tested!.result).toMatchObject({success: true});
    expect(other.requests.map((r) => r.url)).toContain('/v1/health/');
  }, 60_000);
});

describe('the real panel, on its own file', () => {
  it('refused and empty commands of ours leave its file byte-identical; the first write adopts it, and the panel then shows and reaches our server', async () => {
    const letta = await fakeLetta('pw-9');
    const {control, db} = panelBox();
    await panelApp(control, 'init', 'page');
    const bytes = readFileSync(db);
    const refused = [['set', 'nosuchkey', '1'], ['set', 'flask_port', 'abc'], ['server', 'remove', '99'], ['undo'], ['server', 'set', '1', '--port', '0']];
    for (const args of refused) expect({args, status: (await ours(db, args)).status}).toEqual({args, status: 2});
    for (const args of [['list'], ['server', 'list', '--json'], ['doctor', '--offline'], ['export']]) await ours(db, args);
    expect(readFileSync(db).equals(bytes)).toBe(true);

    const datesBefore = dates(db);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await ours(db, ['server', 'set', '1', '--address', '127.0.0.1', '--port', String(letta.port), '--password-stdin'], 'pw-9')).status).toBe(0);
    expect(await page(control)).toMatchObject(formShowing(letta, 'pw-9'));
    // The adoption re-dates only the panel's rows it changed: the three its Letta form shows our server in.
    const changed = Object.keys(datesBefore).filter((key) => dates(db)[key] !== datesBefore[key]);
    expect(changed.sort()).toEqual(['letta_server_address', 'letta_server_port', 'letta_server_token']);
    const before = oursNow(db);
    await panelApp(control, 'save-letta', 'save-system');
    expect(oursNow(db)).toEqual(before);
    const [tested] = await panelApp(control, 'test');
    expect(tested!.result).toMatchObject({success: true});
    expect(letta.requests.at(-1)).toEqual({url: '/v1/health/', authorization: 'Bearer pw-9'});
  }, 60_000);

  it('sees a profile switch: its page shows the server and values of the profile, undo brings the others back, and its Test Connection reaches the server of the profile', async () => {
    const dev = await fakeLetta('pw-dev');
    const prod = await fakeLetta('pw-prod');
    const {control, db} = panelBox();
    const run = async (args: string[], input = '') => expect((await ours(db, args, input)).status, args.join(' ')).toBe(0);
    await run(['server', 'set', '1', '--name', 'dev-letta', '--address', '127.0.0.1', '--port', String(dev.port), '--password-stdin'], 'pw-dev');
    await run(['server', 'add', '--name', 'prod-letta', '--address', '127.0.0.1', '--port', String(prod.port), '--password-stdin'], 'pw-prod');
    await panelApp(control, 'init');
    for (const name of ['dev', 'staging', 'prod']) await run(['profile', 'create', name]);
    await run(['profile', 'set', 'prod', 'server', 'prod-letta']);
    await run(['profile', 'set', 'prod', 'flask_port', '5050']);
    await run(['profile', 'set', 'prod', 'openai_api_key', '--stdin'], 'sk-prod');
    await run(['profile', 'switch', 'prod']);
    expect(await page(control)).toMatchObject({...formShowing(prod, 'pw-prod'), flaskPort: '5050', openaiKey: 'sk-prod'});
    await run(['undo']);
    expect(await page(control)).toMatchObject({...formShowing(dev, 'pw-dev'), flaskPort: '5000', openaiKey: ''});
    await run(['profile', 'switch', 'prod']);
    // Its Test Connection last: after a successful one its own page fails on the timestamp it stores (SANCTUM-PANEL.md).
    prod.requests.length = 0;
    const [tested] = await panelApp(control, 'test');
    expect(tested!.result).toMatchObject({success: true});
    expect(prod.requests).toEqual([{url: '/v1/health/', authorization: 'Bearer pw-prod'}]);
  }, 60_000);
});
