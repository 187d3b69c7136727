import fc from 'fast-check';
import {isIP as nodeIsIP} from 'node:net';
import {describe, expect, it} from 'vitest';
import {isIP} from '../../src/repo/rules.js';

describe('isIP without node:net', () => {
  it('agrees with node:net on the forms addresses take', () => {
    const cases = [
      '1.2.3.4',
      '01.2.3.4',
      '256.1.1.1',
      '1.2.3',
      '::',
      '::1',
      'fe80::1',
      '::ffff:1.2.3.4',
      '1::2::3',
      'localhost',
      'a:b',
      '12345::',
      '1:2:3:4:5:6:7:8',
      '1:2:3:4:5:6:7:8:9',
      '::1.2.3.4',
      '0.0.0.0',
      '255.255.255.255',
      ' 1.2.3.4',
      '1.2.3.4 ',
      '[::1]',
      'g::1',
      ':::',
      '1.2.3.04',
      '',
    ];
    for (const host of cases) expect([host, isIP(host)]).toEqual([host, nodeIsIP(host)]);
  });

  it('agrees with node:net on random strings of address characters (zone ids aside: no URL can carry them)', () => {
    const chars = fc.constantFrom(...'0123456789abcdefABCDEF:.'.split(''));
    fc.assert(
      fc.property(
        fc.array(chars, {maxLength: 45}).map((c) => c.join('')),
        (host) => isIP(host) === nodeIsIP(host),
      ),
      {numRuns: 5000},
    );
  });
});
