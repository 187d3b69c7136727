import {describe, expect, it} from 'vitest';
import {isoTime} from '../../src/repo/iso-time.js';

describe('times in JSON', () => {
  it("turns SQLite's UTC text into ISO 8601 with Z, and leaves anything else as it is", () => {
    expect(isoTime('2026-12-02 10:12:15')).toBe('2026-12-02T10:12:15Z');
    expect(isoTime('2026-12-02 10:12:15.123')).toBe('2026-12-02T10:12:15.123Z');
    expect(isoTime(null)).toBeNull();
    for (const other of ['2026-12-02T10:12:15Z', '2026-12-02 10:12', '2026-12-02 10:12:15.', 'yesterday at 10', '2026-12-02 1x:12:15', '']) {
      expect(isoTime(other)).toBe(other);
    }
  });
});
