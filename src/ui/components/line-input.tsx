import {Text} from 'ink';
import {useState} from 'react';
import {useKeys} from '../hooks/use-keys.js';
import {useSay} from '../hooks/say-context.js';
import {inputIsPaste} from '../input-kind.js';
import {editLine, type Line, openLine, pastedLine} from './line-editing.js';

type Props = {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Whether keys reach it. */
  readonly focus: boolean;
  /** Shown instead of each character (secrets). */
  readonly mask?: string;
  /** Shown, dimmed, while it is empty. */
  readonly placeholder?: string;
};

/** Colour is off (NO_COLOR, FORCE_COLOR=0): inverse video would not show, so the cursor is drawn as a character. */
const plain = () => process.env.FORCE_COLOR === '0' || (process.env.NO_COLOR ?? '') !== '';

/**
 * An input line with real line editing (see editLine). It opens with the
 * value selected: typing replaces it, Backspace clears it, an arrow keeps it.
 * Enter, Esc and Tab are left to the mode's key table.
 */
export function LineInput({value, onChange, focus, mask, placeholder}: Props) {
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
  const shown = mask ? mask.repeat(current.value.length) : current.value;
  if (!focus) return <Text>{shown}</Text>;
  if (current.value === '' && placeholder) return <Text dimColor>{plain() ? `|${placeholder}` : placeholder}</Text>;
  if (current.selected) return plain() ? <Text>{`[${shown}]`}</Text> : <Text inverse>{shown}</Text>;
  const before = shown.slice(0, current.cursor);
  const under = shown.slice(current.cursor, current.cursor + 1);
  const after = shown.slice(current.cursor + 1);
  if (plain()) return <Text>{`${before}|${under}${after}`}</Text>;
  return (
    <Text>
      {before}
      <Text inverse>{under || ' '}</Text>
      {after}
    </Text>
  );
}
