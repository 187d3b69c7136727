import {snapshotState} from '../../repo/changes.js';
import {type ConfigStore, printable, type Server, type Setting} from '../../repo/index.js';
import {InputSplitter} from '../input-split.js';
import {saveSetting, toggleSetting} from '../settings/settings-actions.js';
import {activeProfileBadge, categoriesOf, guardedProfile, tabsOf} from '../screen/tab-bar-text.js';
import {characters, positionLine, readerHelp, sentence} from './reader-lines.js';
import {type ReaderWizardResult, readerWizard} from './reader-wizard.js';

type Editing = {readonly key: string; draft: string; readonly secret: boolean; readonly original: string | null};

export type ReaderOptions = {
  readonly readOnly: boolean;
  readonly readOnlyWhy?: string;
  /** Where its lines go: the terminal, as plain lines (no cursor movement, no colour, no screen drawing). */
  readonly say: (text: string) => void;
  /** Start with the first-run setup, from this server; `exitAfter`: end when it ends (init). */
  readonly wizard?: {readonly start: {address: string; port: number}; readonly exitAfter: boolean};
};

/**
 * The app for a screen reader: no screen drawn, no columns, no spinner. Each
 * key answers with one plain line that says where you are and what changed;
 * every prompt and error is a sentence. `press` takes one key (as the
 * terminal sends it) and returns false when the session is over.
 */
export function screenReaderSession(store: ConfigStore, {readOnly, readOnlyWhy, say, wizard}: ReaderOptions) {
  let settings: readonly Setting[] = [];
  let servers: readonly Server[] = [];
  let tabIndex = 0;
  let row = 0;
  let revealed = false;
  let editing: Editing | undefined;
  // A write waiting for its y while a guarded profile is active.
  let confirming: (() => void) | undefined;
  const guardedWrite = (go: () => void) => {
    const profile = guardedProfile(store);
    if (profile === undefined) return go();
    confirming = go;
    say(`${printable(profile)} is a guarded profile: write this change? Press y to write it; any other key writes nothing.`);
  };
  const load = () => {
    ({settings, servers} = snapshotState(store));
  };
  load();
  const tabs = () => tabsOf(categoriesOf(settings));
  const rowsOf = (index: number): readonly (Setting | Server)[] => {
    const tab = tabs()[index]!;
    return tab.kind === 'servers' ? servers : settings.filter((s) => s.category === tab.category);
  };
  const where = () => {
    const list = rowsOf(tabIndex);
    row = Math.max(0, Math.min(row, list.length - 1));
    return positionLine(tabs()[tabIndex]!, list, row, revealed);
  };
  const goTab = (index: number) => {
    const count = tabs().length;
    tabIndex = ((index % count) + count) % count;
    row = 0;
    revealed = false;
    say(where());
  };
  const move = (to: number) => {
    const list = rowsOf(tabIndex);
    if (list.length === 0) return say(where());
    const next = Math.max(0, Math.min(list.length - 1, to));
    if (next === row) return say(`${to < 0 || to < row ? 'Already at the first' : 'Already at the last'}. ${where()}`);
    row = next;
    revealed = false;
    say(where());
  };
  const startEdit = () => {
    const current = rowsOf(tabIndex)[row];
    if (!current) return say(where());
    if (!('key' in current)) return say('Servers are edited with sanctum-config server set in screen reader mode; Enter does nothing here.');
    if (readOnly) return say(sentence(`read-only: ${readOnlyWhy ?? 'editing is off'}`));
    if (current.type === 'boolean') {
      return guardedWrite(() => {
        const outcome = toggleSetting(store, current.key);
        load();
        say(sentence(outcome.message));
      });
    }
    editing = {key: current.key, draft: '', secret: current.sensitive, original: current.value};
    say(
      current.sensitive
        ? `Editing ${current.key}, a secret. Type the new value (it is not shown), then Enter to save or Escape to cancel.`
        : `Editing ${current.key}, now ${current.value === null || current.value === '' ? 'not set' : current.value}. Type the new value, then Enter to save or Escape to cancel.`,
    );
  };
  const editKey = (key: string, paste: boolean) => {
    const edit = editing!;
    if (!paste && key === '\u001b') {
      editing = undefined;
      return say(`Cancelled; ${edit.key} is unchanged.`);
    }
    if (!paste && (key === '\r' || key === '\n')) {
      return guardedWrite(() => {
        const outcome = saveSetting(store, edit.key, edit.draft, edit.original);
        if (!outcome.ok) return say(`${sentence(outcome.message)} Still editing ${edit.key}: type again, or Escape.`);
        editing = undefined;
        load();
        say(sentence(outcome.message));
      });
    }
    if (!paste && (key === '\u007f' || key === '\b')) {
      edit.draft = [...edit.draft].slice(0, -1).join('');
      return say(edit.secret ? `${characters([...edit.draft].length)}.` : edit.draft ? `Now: ${edit.draft}` : 'Empty.');
    }
    if (!paste && /^[\u0000-\u001f]|^\u001b/.test(key)) return say('That key does nothing while editing: type, Backspace, Enter or Escape.');
    const text = paste ? key.split('\n')[0]! : key;
    edit.draft += text;
    // Typed characters are echoed as typed (a secret as its length), so the reader says them.
    say(edit.secret ? `${characters([...edit.draft].length)}.` : text.length > 1 ? `Pasted: ${text}` : text);
  };
  const browseKey = (key: string) => {
    if (key === 'j' || key === '\u001b[B') return move(row + 1);
    if (key === 'k' || key === '\u001b[A') return move(row - 1);
    if (key === 'g' || key === '\u001b[H') return move(0);
    if (key === 'G' || key === '\u001b[F') return move(rowsOf(tabIndex).length - 1);
    if (key === '\t' || key === '\u001b[C') return goTab(tabIndex + 1);
    if (key === '\u001b[Z' || key === '\u001b[D') return goTab(tabIndex - 1);
    if (/^[1-9]$/.test(key)) {
      const index = Number(key) - 1;
      return index < tabs().length ? goTab(index) : say(`There is no tab ${key}; there are ${tabs().length}.`);
    }
    if (key === '\r') return startEdit();
    if (key === 'r') {
      const current = rowsOf(tabIndex)[row];
      if (!current || !('key' in current) || !current.sensitive) return say(`Nothing to reveal here. ${where()}`);
      revealed = !revealed;
      return say(where());
    }
    if (key === '?') return say(readerHelp);
    if (key === ' ') return say(where());
    say(`That key does nothing here; press ? for the keys. ${where()}`);
  };

  const opening = () => {
    const profile = activeProfileBadge(store);
    const named = profile ? `, profile ${printable(profile.name)}${profile.guarded ? ' (guarded: every write asks first)' : ''}` : '';
    say(
      `sanctum-config, screen reader mode, ${store.path}${named}${readOnly ? ', read-only' : ''}. ` +
        `${tabs().length} tabs: ${tabs()
          .map((t) => t.label)
          .join(', ')}. Press ? for the keys.`,
    );
    say(where());
  };
  // The setup first, when asked for (a new file, or init): then the tabs, or the end.
  let setup: ReturnType<typeof readerWizard> | undefined;
  let finished: ReaderWizardResult | undefined;
  if (wizard && !readOnly) {
    setup = readerWizard(store, say, wizard.start, (result) => {
      finished = result;
      setup = undefined;
      load();
    });
  } else opening();
  const splitter = new InputSplitter();
  return {
    /** One read from the terminal: whether the session goes on, or ended with q or Ctrl-C. */
    input(chunk: string): 'on' | 'quit' | 'interrupted' {
      for (const {text, paste} of splitter.push(chunk)) {
        if (!paste && text === '\u0003') return 'interrupted';
        if (setup) {
          setup.input(text, paste);
          if (!finished) continue;
          say(finished.message);
          if (wizard?.exitAfter) return 'quit';
          finished = undefined;
          opening();
        } else if (confirming) {
          const go = confirming;
          confirming = undefined;
          if (!paste && (text === 'y' || text === 'Y')) go();
          else say(editing ? `Nothing written. Still editing ${editing.key}: Enter asks again, Escape cancels.` : 'Nothing written.');
        } else if (editing) editKey(text, paste);
        else if (paste) say('Pasted text is not keys, so nothing was done: press Enter to edit a value first.');
        else if (text === 'q') {
          say('Goodbye.');
          return 'quit';
        } else browseKey(text);
      }
      return 'on';
    },
  };
}
