import {categoryLabel, type ConfigStore, printable, type Setting} from '../../repo/index.js';
import {serversTab, type Tab} from '../shell/tabs.js';
import {clip} from '../text-fit.js';

/** The categories of these settings, in the order they come (the repository's category order). */
export const categoriesOf = (settings: readonly Setting[]): string[] => [...new Set(settings.map((s) => s.category))];

/**
 * The Sanctum panel's keys for the active server (letta_server_*): the
 * Servers tab edits that server, and the keys follow it, so they get no tab.
 */
const serverMirrorCategory = 'letta';

/** The tabs: one per category (but the panel's mirror of the server), then the servers. */
export function tabsOf(categories: readonly string[]): Tab[] {
  const shown = categories.filter((c) => c !== serverMirrorCategory);
  return [...shown.map((category): Tab => ({kind: 'category', category, label: categoryLabel(category)})), serversTab];
}

/** The active profile as the header shows it. */
export type ProfileBadge = {readonly name: string; readonly guarded: boolean};

/** The active profile, if any (a read of one row, and of the guard setting when there is one). */
export function activeProfileBadge(store: ConfigStore): ProfileBadge | undefined {
  const name = store.profiles.active();
  return name === null ? undefined : {name, guarded: store.profiles.isGuarded(name)};
}

/** The active profile and the settings it holds, for the detail line ("prod's value"); undefined for the base. */
export function activeProfileKeys(store: ConfigStore): {name: string; keys: ReadonlySet<string>} | undefined {
  const name = store.profiles.active();
  const held = name === null ? undefined : store.profiles.get(name);
  return held ? {name: held.name, keys: new Set(held.settings.keys())} : undefined;
}

/** The active profile's name when it is guarded (every write asks first), else undefined; read at each write. */
export function guardedProfile(store: ConfigStore): string | undefined {
  const badge = activeProfileBadge(store);
  return badge?.guarded ? badge.name : undefined;
}

/** The profile at the end of the tab bar: `[dev]`, a guarded one `[! prod]` (red too, never colour alone). */
export const profileBadgeText = (profile: ProfileBadge | undefined) => (profile ? ` [${profile.guarded ? '! ' : ''}${printable(profile.name)}]` : '');

type Props = {
  readonly tabs: readonly {readonly label: string}[];
  readonly active: number;
  readonly width: number;
  readonly readOnly: boolean;
  readonly profile?: ProfileBadge;
};

/**
 * The tab strip; the active tab is bracketed, so it shows without colour.
 * When it does not fit, the title goes first, then tabs far from the active
 * one, with < and > saying more lie that way.
 */
export function tabBarText({tabs, active, width, readOnly, profile}: Props): string {
  const badge = `${profileBadgeText(profile)}${readOnly ? ' [READ-ONLY]' : ''}`;
  const cells = tabs.map((tab, i) => {
    const name = `${i < 9 ? `${i + 1} ` : ''}${tab.label}`;
    return i === active ? `[${name}]` : ` ${name} `;
  });
  const full = cells.join(' ').trimEnd();
  if (`sanctum-config ${full}${badge}`.length <= width) return `sanctum-config ${full}${badge}`;
  if (`${full}${badge}`.length <= width) return `${full}${badge}`;
  let start = active;
  let end = active + 1;
  const text = (s: number, e: number) => `${s > 0 ? '< ' : ''}${cells.slice(s, e).join(' ')}${e < cells.length ? ' >' : ''}${badge}`;
  for (let grew = true; grew; ) {
    grew = false;
    if (end < cells.length && text(start, end + 1).length <= width) {
      end++;
      grew = true;
    }
    if (start > 0 && text(start - 1, end).length <= width) {
      start--;
      grew = true;
    }
  }
  return clip(text(start, end), width);
}
