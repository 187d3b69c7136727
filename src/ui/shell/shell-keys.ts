import type {KeyTable} from '../bindings/binding.js';

/** What the shell lets a panel's keys do: tabs, help, quitting. */
export type ShellControls = {
  readonly nextTab: () => void;
  readonly previousTab: () => void;
  /** Zero-based. */
  readonly goToTab: (index: number) => void;
  /** The Servers tab, whatever the number of categories. */
  readonly goToServers: () => void;
  readonly openHelp: () => void;
  /** Undo the last change made in this session. */
  readonly undoLast: () => void;
  /** Redo the last undo of this session. */
  readonly redoLast: () => void;
  /** Every change, newest first, filterable, with restore. */
  readonly openChanges: () => void;
  /** Find a setting or server on any tab and go there. */
  readonly openJump: () => void;
  /** The profile picker: every profile, and what a switch would change. */
  readonly openProfiles: () => void;
  /** The last message in full, for one cut at the screen's width. */
  readonly showDetails: () => void;
  /** Clear the terminal and draw the whole frame again (after another program wrote over it). */
  readonly redraw: () => void;
  /** Write ~/.letta/.env from the settings, as `env-file sync` does. */
  readonly syncEnvFile: () => void;
  readonly quit: () => void;
};

export type InShell = {readonly shell: ShellControls};

/** Keys that work on every tab while it is browsing (not while an editor or a question is open). */
export const shellKeys: KeyTable<InShell> = {
  title: 'Everywhere',
  bindings: [
    {keys: ['Tab', '→', 'l'], label: 'next tab', help: 'next tab', run: (ctx) => ctx.shell.nextTab()},
    {keys: ['S-Tab', '←', 'h'], label: 'previous tab', help: 'previous tab', run: (ctx) => ctx.shell.previousTab()},
    {keys: ['1-9'], label: 'tab', help: 'jump to that tab', run: (ctx, input) => ctx.shell.goToTab(Number(input) - 1)},
    {keys: ['s', '0'], label: 'servers', help: 'the Servers tab, whatever the number of categories', run: (ctx) => ctx.shell.goToServers()},
    {
      keys: ['u'],
      label: 'undo',
      help: 'undo the last change made in this session (asks when it changed since)',
      edits: true,
      run: (ctx) => ctx.shell.undoLast(),
    },
    {keys: ['U', 'C-r'], label: 'redo', help: 'redo the last undo', edits: true, run: (ctx) => ctx.shell.redoLast()},
    {
      keys: ['c'],
      label: 'changes',
      help: 'recent changes: every setting and server, newest first, filterable, with restore',
      run: (ctx) => ctx.shell.openChanges(),
    },
    {
      keys: ['f', 'C-f'],
      label: 'find',
      help: 'find a setting or server on any tab (key, description, value, name, address) and go there',
      run: (ctx) => ctx.shell.openJump(),
    },
    {
      keys: ['p'],
      label: 'profiles',
      help: 'environment profiles: what switching to one would change, then switch (y/n)',
      run: (ctx) => ctx.shell.openProfiles(),
    },
    {keys: ['E'], label: 'env file', help: 'write ~/.letta/.env from the settings (as env-file sync does)', run: (ctx) => ctx.shell.syncEnvFile()},
    {keys: ['C-l'], label: 'redraw', help: 'clear the screen and draw it again', run: (ctx) => ctx.shell.redraw()},
    {keys: ['i'], label: 'details', help: 'the last message in full', run: (ctx) => ctx.shell.showDetails()},
    {keys: ['?'], label: 'help', help: 'help: every key', footer: true, run: (ctx) => ctx.shell.openHelp()},
    {keys: ['q'], label: 'quit', help: 'quit (Ctrl-C too)', footer: true, run: (ctx) => ctx.shell.quit()},
  ],
};
