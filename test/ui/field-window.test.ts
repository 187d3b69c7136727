import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {clusters, fieldWindow} from '../../src/ui/components/field-window.js';
import {columnsOf, fitColumns} from '../../src/repo/text-columns.js';
import {editLine} from '../../src/ui/components/line-editing.js';

const shown = (w: ReturnType<typeof fieldWindow>) => `${w.cutLeft ? '<' : ''}${w.before}[${w.under || ' '}]${w.after}${w.cutRight ? '>' : ''}`;
const columns = (w: ReturnType<typeof fieldWindow>) =>
  (w.cutLeft ? 1 : 0) + stringWidth(w.before) + Math.max(1, stringWidth(w.under)) + stringWidth(w.after) + (w.cutRight ? 1 : 0);

describe('columns a text takes', () => {
  it('agrees with string-width (what Ink measures with) on CJK, combining marks, emoji, full-width and ASCII', () => {
    for (const text of ['flask_port', '設定', 'café', 'cafe\u0301', 'データ/設定', '😀 ok', 'ＡＢＣ', 'x\u200by', '한국어', 'e\u0301\u0302']) {
      expect({text, columns: columnsOf(text)}).toEqual({text, columns: stringWidth(text)});
    }
    expect(fitColumns('設定設定', 5)).toBe('設定…');
    expect(columnsOf(fitColumns('設定設定', 6))).toBe(6);
    expect(fitColumns('cafe\u0301', 6)).toBe('cafe\u0301  ');
  });
});

describe('a long value in a one-line field', () => {
  it('shows all of a value that fits, and a window with cut marks round the cursor when it does not', () => {
    expect(shown(fieldWindow('5000', 4, 20))).toBe('5000[ ]');
    const long = 'a'.repeat(150) + 'XYZ' + 'b'.repeat(147);
    expect(shown(fieldWindow(long, 300, 20))).toBe(`<${'b'.repeat(18)}[ ]`);
    expect(shown(fieldWindow(long, 0, 20))).toBe(`[a]${'a'.repeat(18)}>`);
    const middle = fieldWindow(long, 151, 20);
    expect(shown(middle)).toMatch(/^<a+X\[Y\]Zb+>$/);
    expect(columns(middle)).toBeLessThanOrEqual(20);
  });

  it('keeps wide characters and combining marks whole, and never draws past its room', () => {
    const cjk = '設定'.repeat(30);
    const w = fieldWindow(cjk, 30, 21);
    expect(columns(w)).toBeLessThanOrEqual(21);
    expect(w.under).toBe('設');
    const combining = 'e\u0301'.repeat(40);
    expect(clusters(combining)).toHaveLength(40);
    expect(columns(fieldWindow(combining, 20, 10))).toBeLessThanOrEqual(10);
    fc.assert(
      fc.property(fc.string({unit: fc.constantFrom('a', '設', 'e\u0301', '😀', 'b')}), fc.nat(), fc.integer({min: 4, max: 90}), (text, at, room) => {
        const starts = [...clusters(text).map((c) => c.index), text.length];
        const cursor = starts[at % starts.length]!;
        const win = fieldWindow(text, cursor, room);
        expect(columns(win)).toBeLessThanOrEqual(Math.max(room, stringWidth(text) + 1));
        if (!win.cutLeft && !win.cutRight) expect(win.before + win.under + win.after).toBe(text);
      }),
    );
  });

  it('moves and deletes by whole characters, not halves of them', () => {
    const line = {value: 'a😀e\u0301', cursor: 5, selected: false};
    const left = editLine(line, '', {leftArrow: true} as never)!;
    expect(left.cursor).toBe(3);
    const back = editLine(line, '', {backspace: true} as never)!;
    expect(back.value).toBe('a😀');
    expect(editLine(back, '', {backspace: true} as never)!.value).toBe('a');
  });
});
