import {describe, expect, it} from 'vitest';
import Sqlite from 'better-sqlite3';
import {openConfigStore} from '../../src/repo/index.js';
import {NotFoundError, ValidationError} from '../../src/errors.js';
import {snapshot, tempDbPath} from '../helpers/temp-db.js';

function freshStore() {
  return openConfigStore(tempDbPath());
}

/** Run `work` and prove it failed with `error` and left every row as it was. */
function expectUnchanged(store: ReturnType<typeof freshStore>, work: () => unknown, error: unknown) {
  const before = snapshot(store.path);
  expect(work).toThrow(error as never);
  expect(snapshot(store.path)).toBe(before);
}

describe('settings', () => {
  it('lists in category order, then insertion order, and filters by category', () => {
    const store = freshStore();
    store.settings.add({key: 'zz_flag', type: 'boolean', value: 'yes', category: 'advanced'});
    // The Sanctum panel's keys for the server (category letta) come last, as a category the design does not name.
    expect(store.settings.list().map((s) => s.category)).toEqual([
      'api_keys',
      'api_keys',
      'api_keys',
      'paths',
      'paths',
      'ports',
      'ports',
      'general',
      'general',
      'advanced',
      ...Array(5).fill('letta'),
    ]);
    expect(store.settings.categories()).toEqual(['api_keys', 'paths', 'ports', 'general', 'advanced', 'letta']);
    expect(store.settings.list('ports').map((s) => s.key)).toEqual(['flask_port', 'smcp_port']);
  });

  it('reads rows another program left without a category as General, in insertion order among them, in batches', () => {
    const store = freshStore();
    const before = store.settings.list('general').map((s) => s.key);
    const other = new Sqlite(store.path);
    const insert = other.prepare(`INSERT INTO system_config (config_key, config_value, config_type, category) VALUES (?, 'v', 'string', ?)`);
    // More than one batch (500) of each, interleaved by id, so the merge of the two is what orders them.
    for (let i = 0; i < 1300; i++) insert.run(`bulk_${i}`, i % 2 ? null : 'general');
    other.close();
    const general = store.settings.list('general').map((s) => s.key);
    expect(general).toEqual([...before, ...Array.from({length: 1300}, (_, i) => `bulk_${i}`)]);
    expect(
      store.settings
        .list()
        .filter((s) => s.category === 'general')
        .map((s) => s.key),
    ).toEqual(general);
    expect([...store.settings.each('general')].map((s) => s.key)).toEqual(general);
    expect(store.settings.categories()).toEqual(['api_keys', 'paths', 'ports', 'general', 'letta']);
    expect(store.settings.keysIn('general')).toHaveLength(general.length);
    expect(store.settings.firstIn('general', 5).map((s) => s.key)).toEqual(general.slice(0, 5));
  });

  it('sets values in the stored formats', () => {
    const store = freshStore();
    expect(store.settings.set('flask_port', ' 5001 ').value).toBe('5001');
    expect(store.settings.set('debug_mode', 'off').value).toBe('false');
    expect(store.settings.set('openai_api_key', 'sk-test').value).toBe('sk-test');
  });

  it('refuses bad values and unknown keys, changing nothing', () => {
    const store = freshStore();
    expectUnchanged(store, () => store.settings.set('flask_port', '70000'), ValidationError);
    expectUnchanged(store, () => store.settings.set('flask_port', 'abc'), ValidationError);
    expectUnchanged(store, () => store.settings.set('debug_mode', 'perhaps'), ValidationError);
    expectUnchanged(store, () => store.settings.set('nope', 'x'), NotFoundError);
    expectUnchanged(store, () => store.settings.remove('nope'), NotFoundError);
  });

  it('adds and removes settings with validated key, type, category and value', () => {
    const store = freshStore();
    const added = store.settings.add({
      key: 'model_params',
      type: 'json',
      value: '{"t": 0.2}',
      category: 'models',
      description: 'Params',
      sensitive: false,
    });
    expect(added).toMatchObject({value: '{"t":0.2}', category: 'models', description: 'Params', sensitive: false});
    expectUnchanged(store, () => store.settings.add({key: 'model_params', type: 'string', value: ''}), /already exists/);
    expectUnchanged(store, () => store.settings.add({key: 'Bad', type: 'string', value: ''}), ValidationError);
    expectUnchanged(store, () => store.settings.add({key: 'x', type: 'float' as never, value: '1'}), /must be string/);
    expectUnchanged(store, () => store.settings.add({key: 'web_port', type: 'integer', value: '0', category: 'ports'}), /out of range/);
    expectUnchanged(store, () => store.settings.add({key: 'x', type: 'string', value: '', category: 'Bad Cat'}), ValidationError);
    store.settings.remove('model_params');
    expect(store.settings.get('model_params')).toBeUndefined();
  });
});

describe('servers', () => {
  it('keeps exactly one active server through add and activate', () => {
    const store = freshStore();
    const second = store.servers.add({address: '10.0.0.2', port: 8284, name: 'lab'});
    expect(second.active).toBe(false);
    const third = store.servers.add({address: 'https://letta.example.com', port: '443'}, {activate: true});
    expect(
      store.servers
        .list()
        .filter((s) => s.active)
        .map((s) => s.id),
    ).toEqual([third.id]);
    store.servers.activate(second.id);
    expect(
      store.servers
        .list()
        .filter((s) => s.active)
        .map((s) => s.id),
    ).toEqual([second.id]);
    expect(store.servers.active()?.name).toBe('lab');
  });

  it('activates an added server when none is active, and reports removing the active one', () => {
    const store = freshStore();
    const {wasActive} = store.servers.remove(1);
    expect(wasActive).toBe(true);
    expect(store.servers.active()).toBeUndefined();
    expect(store.servers.add({address: 'localhost'}).active).toBe(true);
  });

  it('validates every field and changes nothing on failure', () => {
    const store = freshStore();
    expectUnchanged(store, () => store.servers.add({address: ''}), /server_address: must not be empty/);
    expectUnchanged(store, () => store.servers.add({address: 'a b'}), /spaces/);
    expectUnchanged(store, () => store.servers.add({address: 'h', port: 0}), /server_port/);
    expectUnchanged(store, () => store.servers.add({address: 'h', timeout: 0}), /connection_timeout/);
    expectUnchanged(store, () => store.servers.update(1, {port: '70000'}), /out of range/);
    expectUnchanged(store, () => store.servers.activate(42), NotFoundError);
    expectUnchanged(store, () => store.servers.remove(42), NotFoundError);
  });

  it('updates given fields only; null or empty clears a secret', () => {
    const store = freshStore();
    store.servers.update(1, {password: 'pw', token: 'tok', name: 'main'});
    const updated = store.servers.update(1, {port: 8284, token: null});
    expect(updated).toMatchObject({address: 'localhost', port: 8284, password: 'pw', token: null, name: 'main', timeout: 30});
  });

  it('moves updated_at on any UPDATE, even raw SQL that does not mention it', () => {
    const store = freshStore();
    const db = new Sqlite(store.path);
    db.exec(`UPDATE letta_server_config SET updated_at = '2000-01-01 00:00:00';
             UPDATE system_config SET updated_at = '2000-01-01 00:00:00';`);
    db.exec(`UPDATE letta_server_config SET server_port = 9999 WHERE id = 1;
             UPDATE system_config SET config_value = '5050' WHERE config_key = 'flask_port';`);
    db.close();
    expect(store.servers.require(1).updatedAt > '2000-01-01 00:00:00').toBe(true);
    expect(store.settings.require('flask_port').updatedAt > '2000-01-01 00:00:00').toBe(true);
    expect(store.settings.require('smcp_port').updatedAt).toBe('2000-01-01 00:00:00');
  });

  it('records a connection without counting it as a change', () => {
    const store = freshStore();
    const db = new Sqlite(store.path);
    db.exec(`UPDATE letta_server_config SET updated_at = '2000-01-01 00:00:00'`);
    db.close();
    store.servers.markConnected(1);
    const server = store.servers.require(1);
    expect(server.lastConnectedAt).toMatch(/^\d{4}-/);
    expect(server.updatedAt).toBe('2000-01-01 00:00:00');
  });

  it('rolls a transaction back whole when one step fails', () => {
    const store = freshStore();
    expectUnchanged(
      store,
      () =>
        store.transaction(() => {
          store.settings.set('flask_port', '5005');
          store.servers.add({address: 'ok-host'});
          store.settings.set('smcp_port', 'not a port');
        }),
      ValidationError,
    );
  });
});
