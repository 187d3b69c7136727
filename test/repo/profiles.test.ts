import {describe, expect, it} from 'vitest';
import Sqlite from 'better-sqlite3';
import {openConfigStore} from '../../src/repo/index.js';
import {isGuardedName} from '../../src/repo/profile-values.js';
import {tempDbPath} from '../helpers/temp-db.js';

/** A box with a local and a production Letta, and three profiles that differ from the base in a few values. */
function boxWithProfiles() {
  const store = openConfigStore(tempDbPath());
  const local = store.servers.add({name: 'local', address: 'localhost', port: 8283}, {activate: true});
  const prodServer = store.servers.add({name: 'prod-letta', address: 'letta.example.net', port: 443, password: 'prod-pass'});
  store.profiles.create('dev');
  store.profiles.set('dev', 'smcp_port', '9100');
  store.profiles.create('staging');
  store.profiles.set('staging', 'flask_port', '5051');
  store.profiles.create('prod');
  store.profiles.set('prod', 'flask_port', '5050');
  store.profiles.set('prod', 'debug_mode', 'false');
  store.profiles.set('prod', 'openai_api_key', 'sk-prod-secret');
  store.profiles.set('prod', 'server', 'prod-letta');
  return {store, local, prodServer};
}

const value = (store: ReturnType<typeof openConfigStore>, key: string) => store.settings.get(key)?.value;

describe('profiles', () => {
  it('holds only what differs; a switch sets those values, names the profile in environment, and chooses its server', () => {
    const {store, prodServer} = boxWithProfiles();
    // Defining profiles changed nothing live.
    expect(value(store, 'flask_port')).toBe('5000');
    expect(value(store, 'environment')).toBe('development');
    const result = store.profiles.switch('prod');
    expect(result).toMatchObject({from: null, to: 'prod', changed: true});
    expect(value(store, 'flask_port')).toBe('5050');
    expect(value(store, 'openai_api_key')).toBe('sk-prod-secret');
    expect(value(store, 'environment')).toBe('prod');
    expect(store.servers.active()?.id).toBe(prodServer.id);
    expect(value(store, 'debug_mode')).toBe('false');
    // smcp_port is not prod's: it stays the base's.
    expect(value(store, 'smcp_port')).toBe('9000');
    // The design's own query sees the switched server.
    const db = new Sqlite(store.path, {readonly: true});
    expect(db.prepare('SELECT server_address FROM letta_server_config WHERE is_active = true').pluck().all()).toEqual(['letta.example.net']);
    db.close();
  });

  it('switching between profiles puts back the base for what only the old one held', () => {
    const {store, local} = boxWithProfiles();
    store.profiles.switch('prod');
    store.profiles.switch('dev');
    expect(value(store, 'flask_port')).toBe('5000');
    expect(value(store, 'openai_api_key')).toBe('');
    expect(value(store, 'debug_mode')).toBe('true');
    expect(value(store, 'smcp_port')).toBe('9100');
    expect(value(store, 'environment')).toBe('dev');
    expect(store.servers.active()?.id).toBe(local.id);
    store.profiles.switch(null);
    expect(value(store, 'smcp_port')).toBe('9000');
    expect(value(store, 'environment')).toBe('development');
  });

  it('an edit made while a profile is active stays with that profile; an edit of a base value stays in the base', () => {
    const {store} = boxWithProfiles();
    store.profiles.switch('prod');
    store.settings.set('flask_port', '5055');
    store.settings.set('ollama_base_url', 'http://ollama:11434');
    store.profiles.switch('staging');
    expect(value(store, 'flask_port')).toBe('5051');
    expect(value(store, 'ollama_base_url')).toBe('http://ollama:11434');
    expect(store.profiles.get('prod')?.settings.get('flask_port')).toBe('5055');
    store.profiles.switch('prod');
    expect(value(store, 'flask_port')).toBe('5055');
  });

  it('diff compares what each profile would set; undo of a switch reverses it whole, as one event', () => {
    const {store, local} = boxWithProfiles();
    expect(store.profiles.diff('dev', 'prod').map((d) => [d.key, d.from, d.to])).toEqual([
      ['smcp_port', '9100', '9000'],
      ['debug_mode', 'true', 'false'],
      ['flask_port', '5000', '5050'],
      ['openai_api_key', '', 'sk-prod-secret'],
      ['environment', 'dev', 'prod'],
      ['server', 'local', 'prod-letta'],
    ]);
    expect(store.profiles.diff('prod', 'prod')).toEqual([]);
    store.profiles.switch('dev');
    store.profiles.switch('prod');
    const entry = store.history.list({limit: 1})[0]!;
    expect(entry).toMatchObject({kind: 'profile', action: 'switch', oldValue: 'dev', newValue: 'prod'});
    store.history.undo(entry.id);
    expect(store.profiles.active()).toBe('dev');
    expect(value(store, 'flask_port')).toBe('5000');
    expect(value(store, 'debug_mode')).toBe('true');
    expect(value(store, 'smcp_port')).toBe('9100');
    expect(store.servers.active()?.id).toBe(local.id);
    // An undo of a switch that another switch followed is refused, unless forced.
    const first = store.history.list({limit: 50}).find((e) => e.kind === 'profile' && e.newValue === 'dev')!;
    store.profiles.switch('staging');
    expect(() => store.history.undo(first.id)).toThrow(/another switch since/);
    expect(store.profiles.active()).toBe('staging');
  });

  it('a profile follows a rename of its server; a switch that cannot be whole changes nothing', () => {
    const {store, prodServer} = boxWithProfiles();
    store.servers.update(prodServer.id, {name: 'prod-eu'});
    expect(store.profiles.get('prod')?.server).toBe('prod-eu');
    // Another program's rename too.
    const db = new Sqlite(store.path);
    db.prepare(`UPDATE letta_server_config SET name = 'prod-letta' WHERE id = ?`).run(prodServer.id);
    db.close();
    expect(store.profiles.get('prod')?.server).toBe('prod-letta');
    store.servers.remove(prodServer.id);
    const before = store.contentFingerprint();
    expect(() => store.profiles.switch('prod')).toThrow(/chooses server 'prod-letta'/);
    expect(store.contentFingerprint()).toBe(before);
    expect(store.profiles.active()).toBe(null);
  });

  it('refuses values that do not fit, the environment key, and removing the active profile', () => {
    const {store} = boxWithProfiles();
    expect(() => store.profiles.set('dev', 'flask_port', 'abc')).toThrow();
    expect(() => store.profiles.set('dev', 'environment', 'x')).toThrow(/names the active profile/);
    expect(() => store.profiles.set('dev', 'no_such_key', 'x')).toThrow(/no setting/);
    expect(() => store.profiles.create('current')).toThrow(/a word the commands take/);
    expect(() => store.profiles.create('has space')).toThrow(/must be/);
    store.profiles.switch('dev');
    expect(() => store.profiles.remove('dev')).toThrow(/is active/);
    store.profiles.remove('staging');
    expect(store.profiles.list().map((p) => p.name)).toEqual(['dev', 'prod']);
  });

  it('setting and unsetting a value of the active profile takes effect at once', () => {
    const {store} = boxWithProfiles();
    store.profiles.switch('dev');
    store.profiles.set('dev', 'flask_port', '6000');
    expect(value(store, 'flask_port')).toBe('6000');
    store.profiles.unset('dev', 'flask_port');
    expect(value(store, 'flask_port')).toBe('5000');
    expect(store.profiles.create('copy', 'current')).toBe(true);
    expect([...store.profiles.get('copy')!.settings]).toEqual([['smcp_port', '9100']]);
  });

  it('guarded names are the setting’s patterns, without case', () => {
    expect(isGuardedName('prod', 'prod*,live*')).toBe(true);
    expect(isGuardedName('Production', 'prod*,live*')).toBe(true);
    expect(isGuardedName('staging', 'prod*,live*')).toBe(false);
    expect(isGuardedName('a.b', 'a.b')).toBe(true);
    expect(isGuardedName('axb', 'a.b')).toBe(false);
    expect(isGuardedName(null, '*')).toBe(false);
  });
});

describe('profiles another program wrote', () => {
  it('reads any type in any column, a damaged base, and an active profile whose row is gone, without crashing or running anything', () => {
    const store = openConfigStore(tempDbPath());
    store.profiles.create('dev');
    store.profiles.set('dev', 'flask_port', '5050');
    store.profiles.switch('dev');
    const db = new Sqlite(store.path);
    db.exec(`INSERT INTO sanctum_profile (name) VALUES (x'00ff'), (3.5), (NULL);
      INSERT INTO sanctum_profile_value (profile, kind, key, value) VALUES ('dev', 'setting', x'01', x'02'), ('dev', 'weird', 'k', 'v'), (3.5, 'setting', 'smcp_port', 'nope');
      UPDATE sanctum_profile_state SET base = '{"settings": {"flask_port": 7}, "server": "x"}';`);
    expect(store.profiles.list().map((p) => p.name)).toContain('dev');
    // The damaged base holds no usable value: leaving dev keeps what the file has.
    expect(() => store.profiles.diff('dev', null)).not.toThrow();
    db.exec(`DELETE FROM sanctum_profile WHERE name = 'dev'; UPDATE sanctum_profile_state SET base = 'not json'`);
    db.close();
    expect(store.profiles.active()).toBe('dev');
    store.profiles.create('prod');
    expect(store.profiles.switch('prod')).toMatchObject({from: 'dev', to: 'prod', changed: true});
    expect(store.settings.get('environment')?.value).toBe('prod');
    // A profile holding a value that does not fit its setting is refused whole at the switch.
    const raw = new Sqlite(store.path);
    raw.exec(`INSERT INTO sanctum_profile (name) VALUES ('bad'); INSERT INTO sanctum_profile_value VALUES ('bad', 'setting', 'flask_port', 'abc')`);
    raw.close();
    const before = store.contentFingerprint();
    expect(() => store.profiles.switch('bad')).toThrow(/flask_port/);
    expect(store.contentFingerprint()).toBe(before);
  });
});
