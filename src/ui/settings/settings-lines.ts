import {printable, quoted, type Setting} from '../../repo/index.js';
import {clip, fit} from '../text-fit.js';
import {differsFromDefault, visibleValue} from './settings-actions.js';

/**
 * The text of a settings tab's lines, for the Ink table and for the first
 * frame painted before Ink loads: one function per line, so the two agree.
 */
type Columns = {key: number; value: number; type: number; description: number};

/** From this width a description column fits beside the value. */
const descriptionFrom = 100;

/** The longest of these keys, at least as long as the header's KEY. */
export function longestKey(keys: Iterable<string>): number {
  let longest = 3;
  for (const key of keys) longest = Math.max(longest, key.length);
  return longest;
}

const longestOf = new WeakMap<readonly Setting[], number>();

/** The longest key of a tab's rows, worked out once per list of rows (not on every frame, nor on every visit to the tab). */
export function longestKeyOf(rows: readonly Setting[]): number {
  let longest = longestOf.get(rows);
  if (longest === undefined) longestOf.set(rows, (longest = longestKey(rows.map((row) => row.key))));
  return longest;
}

/** Column widths from the longest key of the whole tab (not only the rows in view: they stay put while scrolling). */
export function settingsColumns(width: number, compact: boolean, longestKey: number): Columns {
  const usable = width - 2;
  if (compact) {
    const key = Math.min(longestKey, Math.floor(usable * 0.45));
    return {key, value: Math.max(1, usable - key - 1), type: 0, description: 0};
  }
  const key = Math.min(longestKey, 24);
  const type = 7;
  const rest = usable - key - type - 2;
  // Wide terminals: the value takes up to its share, at most 40 columns; the description the rest (it is what gets cut).
  const description = width >= descriptionFrom ? Math.max(Math.floor((rest - 1) * 0.45), rest - 1 - valueMost) : 0;
  return {key, type, value: Math.max(1, rest - (description ? description + 1 : 0)), description};
}

/** The most a value column takes on a wide terminal: paths and URLs fit, and the rest goes to the description. */
const valueMost = 40;

/** The changed marker stands apart from the value, in a column of its own: `*` never reads as part of it. */
const markerWidth = 2;

export function settingsHeaderText(columns: Columns, compact: boolean): string {
  const header =
    `  ${fit('KEY', columns.key)} ${' '.repeat(markerWidth)}${fit('VALUE', columns.value - markerWidth)}${compact ? '' : ` ${fit('TYPE', columns.type)}`}` +
    (columns.description > 0 ? ` ${fit('DESCRIPTION', columns.description)}` : '');
  return header.trimEnd();
}

/** One line a setting: pointer, key, value, type. The pointer marks the selection without colour. */
export function settingsRowText(setting: Setting, selected: boolean, revealed: boolean, columns: Columns, compact: boolean): string {
  // A value that is not the default is marked, so what was changed stands out without colour.
  const marker = differsFromDefault(setting) ? '* ' : '  ';
  return (
    `${selected ? '> ' : '  '}${fit(setting.key, columns.key)} ${marker}${fit(visibleValue(setting, revealed), columns.value - markerWidth)}` +
    (compact ? '' : ` ${fit(setting.type, columns.type)}`) +
    (columns.description > 0 ? ` ${fit(setting.description ?? '', columns.description)}` : '')
  );
}

export const settingsEmptyNote = (filter: string) => (filter ? 'nothing matches the filter (Esc clears it)' : 'no settings');

/** The line a table shows in place of rows when it has none. */
export const emptyTableLine = (note: string, width: number) => fit(`  ${note}`, width).trimEnd();

type Detail = {
  readonly current: Setting | undefined;
  /** Rows after the filter, and the tab's count before it. */
  readonly shown: number;
  readonly total: number;
  readonly filter: string;
  readonly offset: number;
  readonly page: number;
  readonly width: number;
  /** Where else the filter matches, when it is set ("1 in API Keys"). */
  readonly elsewhere?: string;
  /** The active profile, when it holds the selected setting's value (an edit stays with it). */
  readonly heldBy?: string;
};

/** The line under the table while browsing: the position, the filter, and what the selected setting is. */
export function settingsDetailText({current, shown, total, filter, offset, page, width, elsewhere, heldBy}: Detail): string {
  const position = shown > page ? `${offset + 1}-${Math.min(shown, offset + page)} of ${shown}` : '';
  const filterNote = [filter ? `filter "${filter}": ${shown} of ${total}` : '', elsewhere ? `also ${elsewhere}` : '', position].filter(Boolean).join(' · ');
  const about = current
    ? [
        heldBy ? `${printable(heldBy)}'s value` : '',
        current.description ?? '(no description)',
        current.sensitive ? 'secret' : '',
        current.defaultValue !== undefined && !current.sensitive
          ? `default ${quoted(current.defaultValue, 24)}${differsFromDefault(current) ? ' (changed; R resets)' : ''}`
          : '',
        current.problem ? `! ${current.problem}` : '',
      ]
        .filter(Boolean)
        .join(' · ')
    : '';
  return clip([filterNote, about].filter(Boolean).join(' · '), width);
}
