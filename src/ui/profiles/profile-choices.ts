import {type ConfigStore, maskSecret, printable} from '../../repo/index.js';
import type {ProfileDifference} from '../../repo/profile-differences.js';

/** One line of the picker: a profile, or the base (name null). */
export type ProfileChoice = {readonly name: string | null; readonly active: boolean; readonly guarded: boolean};

/** The base first, then every profile by name; the active one and the guarded ones marked. */
export function profileChoices(store: ConfigStore): ProfileChoice[] {
  const active = store.profiles.active();
  return [
    {name: null, active: active === null, guarded: false},
    ...store.profiles.list().map((p) => ({name: p.name, active: p.name === active, guarded: store.profiles.isGuarded(p.name)})),
  ];
}

/** A choice as the list shows it: the selection with >, the active one with *, a guarded one with ! (never colour alone). */
export function choiceLabel(choice: ProfileChoice): string {
  return `${choice.active ? '* ' : '  '}${choice.name === null ? '(base: no profile)' : printable(choice.name)}${choice.guarded ? '  ! guarded' : ''}`;
}

const shown = (value: string | null, sensitive: boolean) =>
  value === null ? '(none)' : sensitive ? maskSecret(value) : value === '' ? "''" : printable(value);

/** What a switch would change, one line per value: `flask_port 5000 -> 5050`, secrets masked. */
export function differenceLines(differences: readonly ProfileDifference[]): string[] {
  return differences.map((d) => `${printable(d.key)} ${shown(d.from, d.sensitive)} -> ${shown(d.to, d.sensitive)}`);
}
