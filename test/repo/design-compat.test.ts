import {describe, expect, it} from 'vitest';
import Sqlite from 'better-sqlite3';
import type {Database} from 'better-sqlite3';
import {openDatabase} from '../../src/db/open-database.js';
import {tempDbPath} from '../helpers/temp-db.js';
import {designText, sqlBlocks, vendoredDesignText} from '../helpers/design.js';

/** A database built from nothing but the design's own SQL. */
function designDatabase(): Database {
  const db = new Sqlite(':memory:');
  for (const sql of [...sqlBlocks('Tables'), ...sqlBlocks('Sample Data Population'), ...sqlBlocks('Performance Indexes')]) {
    db.exec(sql);
  }
  return db;
}

const tables = ['letta_server_config', 'system_config'];

describe('compatibility with the design document', () => {
  it('keeps our vendored copy of the design identical to the shared one', () => {
    expect(vendoredDesignText()).toBe(designText());
  });

  it('has every column of the design with the same type, default and constraints', () => {
    const design = designDatabase();
    const ours = openDatabase(tempDbPath()).db;
    for (const table of tables) {
      const ourColumns = ours.pragma(`table_info(${table})`) as {name: string}[];
      for (const column of design.pragma(`table_info(${table})`) as {name: string}[]) {
        expect(ourColumns.find((c) => c.name === column.name)).toEqual(column);
      }
      const designIndexes = (design.pragma(`index_list(${table})`) as {name: string}[]).map((i) => i.name);
      const ourIndexes = (ours.pragma(`index_list(${table})`) as {name: string}[]).map((i) => i.name);
      expect(ourIndexes).toEqual(expect.arrayContaining(designIndexes));
    }
  });

  it('holds exactly the design sample rows, in the stored formats its queries expect', () => {
    const design = designDatabase();
    const ours = openDatabase(tempDbPath()).db;
    const settings = `SELECT config_key, config_value, config_type, description, is_sensitive, category,
      typeof(is_sensitive) AS t, typeof(created_at) AS c FROM system_config WHERE category IS NOT 'letta' ORDER BY id`;
    expect(ours.prepare(settings).all()).toEqual(design.prepare(settings).all());
    // Beside them, the keys the Sanctum panel's form reads, showing our server (so the panel never shows its own defaults).
    expect(ours.prepare(`SELECT config_key, config_value FROM system_config WHERE category = 'letta' ORDER BY id`).all()).toEqual([
      {config_key: 'letta_server_address', config_value: 'http://localhost:8080'},
      {config_key: 'letta_server_port', config_value: '8080'},
      {config_key: 'letta_server_token', config_value: ''},
      {config_key: 'letta_connection_timeout', config_value: '30'},
      {config_key: 'letta_server_active', config_value: 'True'},
    ]);
    const servers = `SELECT server_address, server_port, server_password, server_token, connection_timeout,
      is_active, typeof(is_active) AS t FROM letta_server_config ORDER BY id`;
    expect(ours.prepare(servers).all()).toEqual(design.prepare(servers).all());
    expect(ours.prepare(`SELECT DISTINCT typeof(is_active) AS t FROM letta_server_config`).all()).toEqual([{t: 'integer'}]);
    expect(ours.prepare(`SELECT created_at FROM system_config LIMIT 1`).pluck().get()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('runs every usage query of the design unchanged, with the results it describes', () => {
    const [activeServer, apiKeys, paths, updateAddress, ...rest] = sqlBlocks('Usage Examples');
    expect(rest).toEqual([]);
    const db = openDatabase(tempDbPath()).db;

    expect(db.prepare(activeServer!).all()).toEqual([
      expect.objectContaining({server_address: 'localhost', server_port: 8080, server_password: null, is_active: 1}),
    ]);
    expect(db.prepare(apiKeys!).all()).toEqual([
      {config_key: 'openai_api_key', config_value: ''},
      {config_key: 'anthropic_api_key', config_value: ''},
    ]);
    expect(db.prepare(paths!).all()).toEqual([
      {config_key: 'sanctum_base_path', config_value: '~/sanctum'},
      {config_key: 'letta_data_path', config_value: '~/.letta'},
    ]);
    expect(db.prepare(updateAddress!).run().changes).toBe(1);
    expect(db.prepare(activeServer!).get()).toMatchObject({server_address: '192.168.1.100'});
  });
});
