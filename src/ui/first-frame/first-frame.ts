import type {ConfigStore, Setting} from '../../repo/index.js';
import {footerText} from '../bindings/binding.js';
import {listWindow} from '../list/list-cursor.js';
import {listKeyContext} from '../list/list-key-context.js';
import {contextLineText} from '../screen/context-text.js';
import {publishedKeysHeadline, publishedPanelKeys, setupHeadline} from '../../repo/panel-advice.js';
import {listPage, screenLayout} from '../screen/layout.js';
import {openingStatus, statusText} from '../screen/status-text.js';
import {activeProfileBadge, activeProfileKeys, tabBarText, tabsOf} from '../screen/tab-bar-text.js';
import {settingsKeysFor} from '../settings/settings-keys.js';
import {
  emptyTableLine,
  longestKey,
  settingsColumns,
  settingsDetailText,
  settingsEmptyNote,
  settingsHeaderText,
  settingsRowText,
} from '../settings/settings-lines.js';
import {initialSettingsState} from '../settings/settings-state.js';
import type {PanelContext} from '../shell/panel-context.js';
import type {ShellControls} from '../shell/shell-keys.js';
import {clip} from '../text-fit.js';

/** One line of a frame and how it is drawn, as the Ink views draw it. */
export type FrameLine = {readonly text: string; readonly style: 'plain' | 'bold' | 'dim' | 'inverse' | 'error'};

export type FrameSize = {readonly columns: number; readonly rows: number; readonly readOnly: boolean; readonly readOnlyWhy?: string};

const inert = () => {};
/** The first frame never runs a key: its context only answers what the footer asks (labels, what is off). */
const inertShell: ShellControls = {
  nextTab: inert,
  previousTab: inert,
  goToTab: inert,
  goToServers: inert,
  openHelp: inert,
  undoLast: inert,
  redoLast: inert,
  openChanges: inert,
  openJump: inert,
  openProfiles: inert,
  showDetails: inert,
  redraw: inert,
  syncEnvFile: inert,
  quit: inert,
};

/** What the first frame shows of a category: its first rows, and every key (for the column widths and the count). */
type FirstTab = {readonly category: string; readonly rows: readonly Setting[]; readonly keys: readonly string[]};

/** The first settings tab as the panel opens it: table, padding, detail line, footer. */
function settingsPanelLines(
  {category, rows, keys}: FirstTab,
  width: number,
  height: number,
  compact: boolean,
  readOnly: boolean,
  held?: {readonly name: string; readonly keys: ReadonlySet<string>},
): FrameLine[] {
  const state = initialSettingsState;
  const page = listPage(height);
  const window = listWindow(state, rows, page, (s: Setting) => s.key);
  const columns = settingsColumns(width, compact, longestKey(keys));
  const lines: FrameLine[] = [{text: settingsHeaderText(columns, compact), style: 'bold'}];
  if (window.visible.length === 0) lines.push({text: emptyTableLine(settingsEmptyNote(''), width), style: 'dim'});
  const selected = window.selected - window.offset;
  window.visible.forEach((setting, i) => {
    lines.push({text: settingsRowText(setting, i === selected, false, columns, compact), style: i === selected ? 'inverse' : 'plain'});
  });
  // The table's box is page + 1 lines, whatever it holds; then nothing grows between it and the detail line.
  while (lines.length < page + 1) lines.push({text: '', style: 'plain'});
  while (lines.length < height - 2) lines.push({text: '', style: 'plain'});
  const heldBy = window.current && held?.keys.has(window.current.key) ? held.name : undefined;
  const detail = settingsDetailText({current: window.current, shown: keys.length, total: keys.length, filter: '', offset: window.offset, page, width, heldBy});
  const table = settingsKeysFor(state);
  const panel: PanelContext = {store: undefined as never, readOnly, setStatus: inert, refresh: inert, copy: inert, write: inert};
  const ctx = listKeyContext({
    table,
    extra: {category},
    panel,
    shell: inertShell,
    state: {...state, selected: window.selected},
    dispatch: inert,
    rows,
    idOf: (s: Setting) => s.key,
    current: window.current,
    page,
    isActive: false,
    remove: () => ({ok: true, message: ''}),
  });
  return [...lines, {text: detail, style: 'dim'}, {text: clip(footerText(table, ctx, readOnly, width, ''), width), style: 'dim'}];
}

/**
 * The app's first frame, line by line: the same functions the Ink views
 * call, composed as their boxes lay them out, from only what it shows (the
 * categories, the first tab's first rows and its keys, the servers), so ten
 * thousand settings cost it no more than ten. Undefined where the app opens on
 * something else (the Servers tab when there are no settings, a screen too small).
 */
export function firstFrameLines(store: ConfigStore, {columns, rows, readOnly, readOnlyWhy}: FrameSize): FrameLine[] | undefined {
  const layout = screenLayout(columns, rows);
  const categories = store.settings.categories();
  const first = categories[0];
  // A guarded profile's badge is red within the bold line: Ink draws that frame itself.
  const profile = activeProfileBadge(store);
  if (!layout.fits || first === undefined || profile?.guarded) return undefined;
  const {width} = layout;
  const lines: FrameLine[] = [{text: tabBarText({tabs: tabsOf(categories), active: 0, width, readOnly, profile}), style: 'bold'}];
  if (layout.withContext) {
    const active = store.servers.active();
    // The panel's published keys, as the app's header says them (two reads by key); its other advice follows with the app.
    const warning = !store.setup.state().finished ? setupHeadline : publishedPanelKeys(store).length ? publishedKeysHeadline : undefined;
    lines.push({text: contextLineText({path: store.path, active, testing: false, readOnly, width, warning}), style: 'dim'});
  }
  const tab = {category: first, rows: store.settings.firstIn(first, listPage(layout.panelHeight)), keys: store.settings.keysIn(first)};
  // The profile's own keys only when one is active (no read otherwise).
  const held = profile ? activeProfileKeys(store) : undefined;
  lines.push(...settingsPanelLines(tab, width, layout.panelHeight, layout.compact, readOnly, held));
  const status = openingStatus(readOnly, readOnlyWhy);
  lines.push({text: statusText(status, width, ''), style: status.tone === 'error' ? 'error' : 'plain'});
  return lines;
}

const sgr: Record<FrameLine['style'], string> = {plain: '', bold: '\u001b[1m', dim: '\u001b[2m', inverse: '\u001b[7m', error: '\u001b[1;31m'};

/**
 * The frame as terminal output, from the top left of a cleared screen, the
 * cursor hidden and put back home so Ink's first frame lands on the same
 * cells. Styles only where chalk would draw them too (not with NO_COLOR).
 */
export function paintFrame(lines: readonly FrameLine[], colour: boolean): string {
  const body = lines.map(({text, style}) => (colour && style !== 'plain' && text ? `${sgr[style]}${text}\u001b[0m` : text)).join('\r\n');
  return `\u001b[?25l\u001b[H${body}\u001b[H`;
}

/** Whether chalk, when Ink loads, will colour: FORCE_COLOR=0 (NO_COLOR, mapped in main) turns it off. */
const chalkColours = () => !['0', 'false'].includes(process.env.FORCE_COLOR ?? '');

/** The first frame ready to write, or undefined where Ink should draw the first one itself. */
export function firstFrame(store: ConfigStore, size: FrameSize): string | undefined {
  const lines = firstFrameLines(store, size);
  return lines && paintFrame(lines, chalkColours());
}
