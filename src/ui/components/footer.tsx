import {Text} from 'ink';
import type {Binding} from '../keys.js';
import {clip} from '../text-fit.js';

type Props = {
  /** The bindings that work here; only those marked for the footer show. */
  readonly bindings: readonly Binding<string>[];
  readonly readOnly: boolean;
  readonly width: number;
  /** A fixed hint instead (while an editor is open). */
  readonly hint?: string;
};

/** The keys that work right here, from the same tables that handle them. */
export function Footer({bindings, readOnly, width, hint}: Props) {
  const text =
    hint ??
    bindings
      .filter((b) => b.footer && !(readOnly && b.edits))
      .map((b) => `${b.keys} ${b.action}`)
      .join('  ');
  return <Text dimColor>{clip(text, width)}</Text>;
}
