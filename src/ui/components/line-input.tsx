import {Text} from 'ink';
import {useState} from 'react';
import {useKeys} from '../hooks/use-keys.js';
import {useSay} from '../hooks/say-context.js';
import {inputIsPaste} from '../input-kind.js';
import {editLine, type Line, openLine, pastedLine} from './line-editing.js';
import {clusters, fieldWindow} from './field-window.js';

type Props = {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Whether keys reach it. */
  readonly focus: boolean;
  /** Shown instead of each character (secrets). */
  readonly mask?: string;
  /** Shown, dimmed, while it is empty. */
  readonly placeholder?: string;
  /** Columns it may draw in: a longer value scrolls to keep the cursor in view. */
  readonly room?: number;
};

/** Colour is off (NO_COLOR, FORCE_COLOR=0): inverse video would not show, so the cursor is drawn as a character. */
const plain = () => process.env.FORCE_COLOR === '0' || (process.env.NO_COLOR ?? '') !== '';

/**
 * An input line with real line editing (see editLine). It opens with the
 * value selected: typing replaces it, Backspace clears it, an arrow keeps it.
 * Enter, Esc and Tab are left to the mode's key table.
 */
export function LineInput({value, onChange, focus, mask, placeholder, room = Number.POSITIVE_INFINITY}: Props) {
  const [line, setLine] = useState<Line>(() => openLine(value));
  // The value may change from outside (a reset); the cursor then goes to its end.
  const current: Line = line.value === value ? line : {value, cursor: value.length, selected: false};
  const say = useSay();
  useKeys(
    (input, key) => {
      // A paste is text, whatever it holds: its line breaks never submit, and what a one-line field cannot hold is said.
      const paste = inputIsPaste() ? pastedLine(input) : undefined;
      if (paste?.note) say(paste.note);
      const next = paste ? editLine(current, paste.text, {} as typeof key) : editLine(current, input, key);
      if (!next) return;
      setLine(next);
      if (next.value !== current.value) onChange(next.value);
    },
    {isActive: focus},
  );
  // A mask stands for each character as a person sees it, not each UTF-16 unit.
  const shown = mask ? maskOf(current.value, mask) : current.value;
  const cursorIn = mask ? clusters(current.value.slice(0, current.cursor)).length : current.cursor;
  if (!focus) return <Text>{fieldWindow(shown, 0, room).cutRight ? `${clipTo(shown, room - 1)}>` : shown}</Text>;
  if (current.value === '' && placeholder) return <Text dimColor>{plain() ? `|${placeholder}` : placeholder}</Text>;
  const marked = plain();
  if (current.selected) {
    // All of it selected: its end in view, as the cursor will be there.
    const win = fieldWindow(shown, shown.length, Math.max(4, room - (marked ? 2 : 0)));
    const text = `${win.cutLeft ? '<' : ''}${win.before}`;
    return marked ? <Text>{`[${text}]`}</Text> : <Text inverse>{text}</Text>;
  }
  const win = fieldWindow(shown, mask ? cursorIn : current.cursor, Math.max(4, room - (marked ? 1 : 0)));
  const left = win.cutLeft ? '<' : '';
  const right = win.cutRight ? '>' : '';
  if (marked) return <Text>{`${left}${win.before}|${win.under}${win.after}${right}`}</Text>;
  return (
    <Text>
      {left}
      {win.before}
      <Text inverse>{win.under || ' '}</Text>
      {win.after}
      {right}
    </Text>
  );
}

const maskOf = (value: string, mask: string) => mask.repeat(clusters(value).length);

/** The start of `text` in at most `room` columns. */
const clipTo = (text: string, room: number) => {
  const win = fieldWindow(text, 0, room + 1);
  return `${win.under}${win.after}`;
};
