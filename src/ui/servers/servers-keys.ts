import {serverBaseUrl, type Server} from '../../repo/index.js';
import {copiedMessage} from '../clipboard.js';
import {joinTables, type KeyTable} from '../bindings/binding.js';
import {whyNotEditable} from '../edit-limits.js';
import {confirmKeys, filterBrowseKeys, filterTypingKeys, moveKeys} from '../list/list-keys.js';
import type {ListKeyContext} from '../list/use-list-keys.js';
import {shellKeys} from '../shell/shell-keys.js';
import {activateServer, addBackServer, formFor, formTouched, formValuesOf, removedConflict, saveServer} from './servers-actions.js';
import type {ServersAction, ServersState} from './servers-state.js';
import type {ConnectionTests} from './use-connection-test.js';

/** What the Servers tab's keys act on besides the list's. */
export type ServersExtra = {
  readonly tests: ConnectionTests;
  /** Every server, for testing them all. */
  readonly rows: readonly Server[];
  /** Why the open form cannot be saved, if so. */
  readonly formProblem?: string;
};

export type ServersKeyContext = ListKeyContext<number, ServersState, ServersAction, Server> & ServersExtra;
type Ctx = ServersKeyContext;

const noRow = (ctx: Ctx) => (ctx.current ? undefined : 'no server here (n adds one)');

function openEditor(ctx: Ctx): void {
  const server = ctx.current!;
  const why = whyNotEditable(server.name) ?? whyNotEditable(server.address);
  if (why) {
    ctx.panel.setStatus({tone: 'error', text: `server ${server.id}'s name or address ${why}; change it with sanctum-config server set ${server.id}`});
    return;
  }
  ctx.dispatch({type: 'openForm', form: formFor(server, ctx.state.revealed === server.id)});
}

function copyUrl(ctx: Ctx): void {
  const url = serverBaseUrl(ctx.current!);
  ctx.panel.copy(url);
  ctx.panel.setStatus({tone: 'info', text: copiedMessage(url)});
}

const serversOwnKeys: KeyTable<Ctx> = {
  title: 'Servers',
  bindings: [
    {keys: ['Enter'], label: 'edit', help: 'edit the server', footer: true, edits: true, disabled: noRow, run: openEditor},
    {
      keys: ['n', 'a'],
      label: 'new',
      help: 'new server',
      footer: true,
      edits: true,
      run: (ctx) => ctx.dispatch({type: 'openForm', form: formFor(undefined, true)}),
    },
    {
      keys: ['Space'],
      label: 'activate',
      help: 'make it the active server',
      footer: true,
      edits: true,
      disabled: (ctx) => noRow(ctx) ?? (ctx.current!.active ? `server ${ctx.current!.id} is already the active server` : undefined),
      run: (ctx) => ctx.panel.write(() => activateServer(ctx.panel.store, ctx.current!.id)),
    },
    {
      keys: ['t'],
      label: 'test',
      help: 'test the connection (Esc cancels)',
      footer: true,
      disabled: (ctx) =>
        noRow(ctx) ??
        (ctx.tests.testing !== undefined ? 'a test is running (Esc cancels it)' : undefined) ??
        (ctx.current!.problem ? `server ${ctx.current!.id} cannot be tested: ${ctx.current!.problem}` : undefined),
      run: (ctx) => ctx.tests.start(ctx.current!),
    },
    {
      keys: ['T'],
      label: 'test all',
      help: 'test every server, one after the other (Esc cancels)',
      disabled: (ctx) => (ctx.tests.testing !== undefined ? 'a test is running (Esc cancels it)' : undefined),
      run: (ctx) => ctx.tests.startAll(ctx.rows),
    },
    {
      // One Esc: it cancels a running test first, else clears the filter.
      keys: ['Esc'],
      id: 'clear filter',
      label: (ctx) => (ctx.tests.testing !== undefined ? 'cancel test' : 'clear filter'),
      help: 'cancel the running test, else clear the filter',
      footer: true,
      quiet: true,
      disabled: (ctx) => (ctx.tests.testing === undefined && !ctx.filtering.active ? 'no test is running and no filter is set' : undefined),
      run: (ctx) => (ctx.tests.testing !== undefined ? ctx.tests.cancel() : ctx.filtering.clear()),
    },
    {
      keys: ['r'],
      id: 'reveal',
      label: (ctx) => (ctx.current && ctx.state.revealed === ctx.current.id ? 'hide' : 'reveal'),
      help: 'reveal / hide its password and token',
      footer: true,
      disabled: (ctx) => noRow(ctx) ?? (ctx.current!.password || ctx.current!.token ? undefined : `server ${ctx.current!.id} has no password or token`),
      run: (ctx) => ctx.dispatch({type: 'toggleReveal', id: ctx.current!.id}),
    },
    {
      keys: ['y'],
      label: 'copy',
      help: 'copy its URL (OSC 52)',
      footer: true,
      minor: true,
      disabled: (ctx) => noRow(ctx) ?? (ctx.current!.problem ? `server ${ctx.current!.id} has no URL: ${ctx.current!.problem}` : undefined),
      run: copyUrl,
    },
    {
      keys: ['H'],
      label: 'history',
      help: 'who changed this server, and putting back an older value',
      disabled: noRow,
      run: (ctx) => ctx.dispatch({type: 'showHistory', id: ctx.current!.id}),
    },
    {
      keys: ['d'],
      label: 'delete',
      help: 'delete the server (asks first)',
      footer: true,
      edits: true,
      disabled: noRow,
      run: (ctx) => ctx.dispatch({type: 'askDelete', id: ctx.current!.id}),
    },
  ],
};

const startFilter = {...filterBrowseKeys, bindings: filterBrowseKeys.bindings.filter((b) => !b.keys.includes('Esc'))};
const serversBrowseKeys: KeyTable<Ctx> = joinTables<Ctx>('Servers', serversOwnKeys, startFilter, moveKeys, shellKeys);
const serversFilterKeys = filterTypingKeys as KeyTable<Ctx>;

const formOf = (ctx: Ctx) => (ctx.state.mode.kind === 'form' ? ctx.state.mode.form : undefined);

function saveForm(ctx: Ctx, check = true): void {
  const form = formOf(ctx);
  if (!form) return;
  ctx.panel.write(
    () => saveServer(ctx.panel.store, form, check),
    (outcome) => {
      if (outcome.ok) {
        ctx.dispatch({type: 'browse'});
        // The server just saved or added is the one selected.
        const id = form.id ?? (typeof outcome.added === 'number' ? outcome.added : undefined);
        if (id !== undefined) ctx.dispatch({type: 'select', id});
      } else if (outcome.conflict !== undefined) ctx.dispatch({type: 'formConflict', fields: outcome.conflict});
    },
  );
}

const focusField = (delta: number) => (ctx: Ctx) => ctx.dispatch({type: 'focusField', delta});

const serverFormKeys: KeyTable<Ctx> = {
  title: 'The server form',
  typing: 'type',
  bindings: [
    {keys: ['Tab', '↓'], label: 'next field', help: 'next field', footer: true, run: focusField(1)},
    {keys: ['S-Tab', '↑'], label: 'previous field', help: 'previous field', run: focusField(-1)},
    {
      keys: ['Enter'],
      label: 'save',
      help: 'save (refused while a field is invalid)',
      footer: true,
      disabled: (ctx) => (ctx.formProblem ? `cannot save: ${ctx.formProblem}` : undefined),
      run: (ctx) => saveForm(ctx),
    },
    {
      keys: ['Esc'],
      label: 'discard',
      help: 'discard; nothing is saved (asks when you changed a field)',
      footer: true,
      run: (ctx) => (formTouched(formOf(ctx)!) ? ctx.dispatch({type: 'askDiscard', asking: true}) : discard(ctx)),
    },
  ],
};

function discard(ctx: Ctx): void {
  ctx.panel.setStatus({tone: 'info', text: 'discarded; nothing saved'});
  ctx.dispatch({type: 'browse'});
}

/** Esc with fields changed: throw them away, or keep editing. */
const serverDiscardKeys: KeyTable<Ctx> = {
  title: 'Discarding the server form',
  bindings: [
    {keys: ['y', 'Y'], label: 'discard', help: 'throw the changes away', footer: true, run: discard},
    {keys: ['n', 'N', 'Esc'], label: 'keep editing', help: 'back to the form', footer: true, run: (ctx) => ctx.dispatch({type: 'askDiscard', asking: false})},
  ],
};

/** The server was removed by another program while its form was open: add it back with the changes, or discard them. */
const serverRemovedKeys: KeyTable<Ctx> = {
  title: 'A server removed while you edited it',
  bindings: [
    {
      keys: ['a'],
      label: 'add it back',
      help: 'put the server back (as it was, from the history) with your changes',
      footer: true,
      edits: true,
      run: (ctx) => {
        const form = formOf(ctx)!;
        ctx.panel.write(
          () => addBackServer(ctx.panel.store, form),
          (outcome) => {
            if (!outcome.ok) return;
            ctx.dispatch({type: 'browse'});
            if (typeof outcome.added === 'number') ctx.dispatch({type: 'select', id: outcome.added});
          },
        );
      },
    },
    {
      keys: ['d', 'Esc'],
      label: 'discard',
      help: 'leave it removed; your changes are dropped',
      footer: true,
      run: (ctx) => {
        ctx.panel.setStatus({tone: 'info', text: `discarded; server ${formOf(ctx)!.id} stays removed`});
        ctx.panel.refresh();
        ctx.dispatch({type: 'browse'});
      },
    },
  ],
};

const serversConfirmKeys = confirmKeys('Deleting a server', 'delete') as KeyTable<Ctx>;

/** The server changed while its form was open: overwrite those fields, take theirs, or keep editing. */
const serverConflictKeys: KeyTable<Ctx> = {
  title: 'A server changed while you edited it',
  bindings: [
    {keys: ['o'], label: 'overwrite', help: 'save your fields over theirs', footer: true, edits: true, run: (ctx) => saveForm(ctx, false)},
    {
      keys: ['t'],
      label: 'take theirs',
      help: 'keep what the other program saved, drop your changes',
      footer: true,
      run: (ctx) => {
        ctx.panel.setStatus({tone: 'info', text: `kept server ${formOf(ctx)!.id} as another program saved it`});
        ctx.panel.refresh();
        ctx.dispatch({type: 'browse'});
      },
    },
    {
      keys: ['e', 'Esc'],
      label: 'keep editing',
      help: 'back to your changes (saving then compares with theirs)',
      footer: true,
      run: (ctx) => {
        const form = formOf(ctx)!;
        const now = form.id === undefined ? undefined : ctx.panel.store.servers.get(form.id);
        ctx.panel.refresh();
        ctx.dispatch({
          type: 'formConflict',
          fields: undefined,
          original: now ? formValuesOf(now, !Object.values(form.hiddenSecrets).some(Boolean)) : form.original,
        });
      },
    },
  ],
};

/** Every table of the Servers tab, in the order the help shows them. */
export const serversKeyTables = [
  serversBrowseKeys,
  serversFilterKeys,
  serverFormKeys,
  serverDiscardKeys,
  serverConflictKeys,
  serverRemovedKeys,
  serversConfirmKeys,
];

// The history view has its own table; this one stands idle meanwhile.
const serversKeysByMode = {
  browse: serversBrowseKeys,
  filter: serversFilterKeys,
  form: serverFormKeys,
  'confirm-delete': serversConfirmKeys,
  history: {title: 'History', bindings: []},
} as const;

/** The table of the mode the Servers tab is in: a form with a conflict answers its question first. */
export function serversKeysFor(state: ServersState): KeyTable<ServersKeyContext> {
  if (state.mode.kind === 'form' && state.mode.form.askingDiscard) return serverDiscardKeys;
  if (state.mode.kind === 'form' && state.mode.form.conflict === removedConflict) return serverRemovedKeys;
  if (state.mode.kind === 'form' && state.mode.form.conflict) return serverConflictKeys;
  return serversKeysByMode[state.mode.kind];
}
