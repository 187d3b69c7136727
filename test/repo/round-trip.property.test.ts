import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {openConfigStore} from '../../src/repo/index.js';
import {decodeValue} from '../../src/repo/setting-types.js';
import {snapshot, tempDbPath} from '../helpers/temp-db.js';

const runs = {numRuns: 150};

describe('random values through set/get', () => {
  function makeStore() {
    const store = openConfigStore(tempDbPath());
    store.settings.add({key: 'p_text', type: 'string', value: ''});
    store.settings.add({key: 'p_int', type: 'integer', value: '0'});
    store.settings.add({key: 'p_json', type: 'json', value: '{}'});
    return store;
  }

  it('round-trips valid values of every type', () => {
    const store = makeStore();
    fc.assert(
      fc.property(
        fc.string({unit: 'binary'}),
        fc.integer({min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER}),
        fc.boolean(),
        fc.jsonValue(),
        fc.integer({min: 1, max: 65535}),
        (text, whole, flag, json, port) => {
          store.settings.set('p_text', text);
          store.settings.set('p_int', String(whole));
          store.settings.set('debug_mode', flag ? 'yes' : 'off');
          store.settings.set('p_json', JSON.stringify(json));
          store.settings.set('flask_port', String(port));
          expect(store.settings.require('p_text').value).toBe(text);
          expect(decodeValue('integer', store.settings.require('p_int').value)).toBe(whole);
          expect(decodeValue('boolean', store.settings.require('debug_mode').value)).toBe(flag);
          expect(decodeValue('json', store.settings.require('p_json').value)).toEqual(JSON.parse(JSON.stringify(json)));
          expect(store.settings.require('flask_port').value).toBe(String(port));
        },
      ),
      runs,
    );
  });

  it('leaves every row of both tables unchanged for invalid values', () => {
    const store = makeStore();
    const notWhole = fc.string().filter((s) => !/^\s*[+-]?\d+\s*$/.test(s));
    const notBoolean = fc.string().filter((s) => !/^\s*(true|false|yes|no|on|off|1|0)\s*$/i.test(s));
    const notJson = fc.string().filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    });
    const badPort = fc.oneof(fc.integer({max: 0}), fc.integer({min: 65536}));
    const badAddress = fc.oneof(
      fc.constant(''),
      fc.string().map((s) => `${s} ${s}`),
      fc.string().map((s) => `ftp://${s}`),
    );
    const attempt = fc.oneof(
      notWhole.map((v) => () => store.settings.set('p_int', v)),
      notBoolean.map((v) => () => store.settings.set('debug_mode', v)),
      notJson.map((v) => () => store.settings.set('p_json', v)),
      badPort.map((v) => () => store.settings.set('smcp_port', String(v))),
      badPort.map((v) => () => store.servers.update(1, {port: v})),
      badAddress.map((v) => () => store.servers.add({address: v})),
    );
    const before = snapshot(store.path);
    fc.assert(
      fc.property(attempt, (work) => {
        expect(work).toThrow();
        expect(snapshot(store.path)).toBe(before);
      }),
      runs,
    );
  });
});
