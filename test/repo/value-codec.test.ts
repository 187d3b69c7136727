import {describe, expect, it} from 'vitest';
import {decodeValue, displayValue, encodeValue} from '../../src/repo/setting-types.js';
import {printable} from '../../src/repo/value-codec.js';
import {checkKey, checkServerAddress, parsePort, parseTimeout} from '../../src/repo/rules.js';
import {ValidationError} from '../../src/errors.js';
import {maskSecret} from '../../src/repo/mask-secret.js';

describe('encodeValue', () => {
  it.each([
    ['string', 'hello world', 'hello world'],
    ['string', '', ''],
    ['integer', '5000', '5000'],
    ['integer', ' 42 ', '42'],
    ['integer', '+7', '7'],
    ['integer', '-3', '-3'],
    ['integer', '007', '7'],
    ['boolean', 'true', 'true'],
    ['boolean', 'YES', 'true'],
    ['boolean', 'on', 'true'],
    ['boolean', '1', 'true'],
    ['boolean', 'false', 'false'],
    ['boolean', 'No', 'false'],
    ['boolean', 'off', 'false'],
    ['boolean', '0', 'false'],
    ['json', '{ "a": [1, 2] }', '{"a":[1,2]}'],
    ['json', '"text"', '"text"'],
    ['json', 'null', 'null'],
  ] as const)('%s accepts %j as %j', (type, input, stored) => {
    expect(encodeValue('v', type, input)).toBe(stored);
  });

  it.each([
    ['integer', 'abc'],
    ['integer', '1.5'],
    ['integer', ''],
    ['integer', '1e3'],
    ['integer', '99999999999999999999'],
    ['boolean', 'maybe'],
    ['boolean', ''],
    ['json', '{'],
    ['json', "{'a': 1}"],
    ['json', ''],
  ] as const)('%s rejects %j with a validation error', (type, input) => {
    expect(() => encodeValue('v', type, input)).toThrow(ValidationError);
  });

  it('names the field and the rule in the error', () => {
    expect(() => encodeValue('flask_port', 'integer', 'abc')).toThrow("flask_port: 'abc' is not a whole number");
  });
});

describe('decodeValue and displayValue', () => {
  it('types stored text', () => {
    expect(decodeValue('integer', '5000')).toBe(5000);
    expect(decodeValue('boolean', 'true')).toBe(true);
    expect(decodeValue('json', '{"a":1}')).toEqual({a: 1});
    expect(decodeValue('string', '')).toBe('');
    expect(decodeValue('string', null)).toBeNull();
  });
  it('shows booleans as on/off and empty as not set', () => {
    expect(displayValue('boolean', 'true')).toBe('on');
    expect(displayValue('boolean', 'false')).toBe('off');
    expect(displayValue('json', '{"a": 1}')).toBe('{"a":1}');
    expect(displayValue('string', '')).toBe('(not set)');
  });
  it('escapes control characters', () => {
    expect(printable('a\u001b[31mb\nc')).toBe('a\\x1b[31mb\\nc');
  });
});

describe('rules', () => {
  it.each(['a', 'openai_api_key', 'x9_'])('accepts key %j', (key) => expect(() => checkKey(key)).not.toThrow());
  it.each(['', '9a', '_a', 'A', 'has-dash', 'has space', 'a'.repeat(101)])('rejects key %j', (key) => {
    expect(() => checkKey(key)).toThrow(ValidationError);
  });

  it('bounds ports to 1..65535', () => {
    expect(parsePort('p', '1')).toBe(1);
    expect(parsePort('p', '65535')).toBe(65535);
    for (const bad of ['0', '65536', '-1', 'http', '80.5']) expect(() => parsePort('p', bad)).toThrow(ValidationError);
  });

  it('wants a positive whole number of seconds for timeouts', () => {
    expect(parseTimeout('t', '30')).toBe(30);
    for (const bad of ['0', '-5', '1.5', 'soon']) expect(() => parseTimeout('t', bad)).toThrow(ValidationError);
  });

  it.each([
    ['localhost', 'localhost'],
    ['192.168.1.100', '192.168.1.100'],
    ['letta.example.com', 'letta.example.com'],
    ['https://letta.example.com/', 'https://letta.example.com'],
    ['http://127.0.0.1', 'http://127.0.0.1'],
    ['::1', '::1'],
    ['[::1]', '[::1]'],
    ['http://[fe80::1]', 'http://[fe80::1]'],
  ])('accepts address %j', (input, stored) => expect(checkServerAddress(input)).toBe(stored));

  it.each([
    ['', /must not be empty/],
    ['   ', /must not be empty/],
    ['local host', /spaces/],
    ['ftp://host', /only http/],
    ['localhost:8283', /must not include a port/],
    ['http://host/letta', /without a path/],
    ['bad_host!', /not a valid host name/],
    ['[nope]', /not an IPv6 address/],
  ])('rejects address %j', (input, message) => expect(() => checkServerAddress(input)).toThrow(message));

  it('masks secrets at a fixed width whatever their length', () => {
    expect(maskSecret('a')).toBe(maskSecret('a much longer secret value'));
    expect(maskSecret('abc')).not.toContain('abc');
    expect(maskSecret('')).toBe('(not set)');
    expect(maskSecret(null)).toBe('(not set)');
  });
});
