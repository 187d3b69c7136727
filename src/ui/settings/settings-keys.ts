import {type Setting, settingType} from '../../repo/index.js';
import {copiedMessage} from '../clipboard.js';
import {joinTables, type KeyTable} from '../bindings/binding.js';
import {whyNotEditable} from '../edit-limits.js';
import {confirmKeys, filterBrowseKeys, filterTypingKeys, moveKeys} from '../list/list-keys.js';
import type {ListKeyContext} from '../list/use-list-keys.js';
import {shellKeys} from '../shell/shell-keys.js';
import {addBackSetting, addSetting, checkAddStep, differsFromDefault, removedValue, resetSetting, saveSetting, toggleSetting} from './settings-actions.js';
import {addSteps, type AddDraft, isChoiceStep, sensitiveChoices, type SettingsAction, type SettingsState, typeChoices} from './settings-state.js';

/** Everything a settings tab's keys act on: the list's, and its category. */
export type SettingsKeyContext = ListKeyContext<string, SettingsState, SettingsAction, Setting> & {readonly category: string};
type Ctx = SettingsKeyContext;

const noRow = (ctx: Ctx) => (ctx.current ? undefined : 'no setting here');

function startEditing(ctx: Ctx): void {
  const setting = ctx.current!;
  if (settingType(setting.type).toggle) return ctx.panel.write(() => toggleSetting(ctx.panel.store, setting.key));
  // A hidden secret is replaced, not shown: its editor starts empty.
  const hidden = setting.sensitive && ctx.state.revealed !== setting.key;
  const why = hidden ? undefined : whyNotEditable(setting.value);
  if (why) {
    ctx.panel.setStatus({tone: 'error', text: `${setting.key} ${why}; change it with sanctum-config set ${setting.key} --stdin`});
    return;
  }
  ctx.dispatch({type: 'startEdit', key: setting.key, draft: hidden ? '' : (setting.value ?? ''), secret: hidden, original: setting.value});
}

function copyValue(ctx: Ctx): void {
  const setting = ctx.current!;
  ctx.panel.copy(setting.value ?? '');
  ctx.panel.setStatus({tone: 'info', text: copiedMessage(setting.key)});
}

const settingsOwnKeys: KeyTable<Ctx> = {
  title: 'This tab',
  bindings: [
    {keys: ['Enter'], label: 'edit', help: 'edit the value (a boolean toggles)', footer: true, edits: true, disabled: noRow, run: startEditing},
    {
      keys: ['r'],
      id: 'reveal',
      label: (ctx) => (ctx.current && ctx.state.revealed === ctx.current.key ? 'hide' : 'reveal'),
      help: 'reveal / hide a secret',
      footer: true,
      disabled: (ctx) => noRow(ctx) ?? (ctx.current!.sensitive ? undefined : `${ctx.current!.key} is not secret`),
      run: (ctx) => ctx.dispatch({type: 'toggleReveal', id: ctx.current!.key}),
    },
    {
      keys: ['y'],
      label: 'copy',
      help: 'copy the value (OSC 52)',
      footer: true,
      minor: true,
      disabled: (ctx) => noRow(ctx) ?? (ctx.current!.value ? undefined : `${ctx.current!.key} is empty; nothing to copy`),
      run: copyValue,
    },
    {keys: ['a', 'n'], label: 'add', help: 'add a setting to this tab', footer: true, edits: true, run: (ctx) => ctx.dispatch({type: 'startAdd'})},
    {
      keys: ['R'],
      label: 'reset',
      help: 'reset to the default (asks first)',
      edits: true,
      disabled: (ctx) =>
        noRow(ctx) ??
        (ctx.current!.defaultValue === undefined ? `${ctx.current!.key} has no default` : undefined) ??
        (differsFromDefault(ctx.current!) ? undefined : `${ctx.current!.key} already has its default`),
      run: (ctx) => ctx.dispatch({type: 'askReset', key: ctx.current!.key}),
    },
    {
      keys: ['d'],
      label: 'delete',
      help: 'delete the setting (asks first)',
      footer: true,
      edits: true,
      disabled: noRow,
      run: (ctx) => ctx.dispatch({type: 'askDelete', id: ctx.current!.key}),
    },
    {
      keys: ['H'],
      label: 'history',
      help: 'who changed this setting, and putting back an older value',
      disabled: noRow,
      run: (ctx) => ctx.dispatch({type: 'showHistory', key: ctx.current!.key}),
    },
  ],
};

/** Browsing a settings tab: its keys, moving, and the shell's. */
const settingsBrowseKeys: KeyTable<Ctx> = joinTables<Ctx>('Settings', settingsOwnKeys, filterBrowseKeys, moveKeys, shellKeys);

const settingsFilterKeys = filterTypingKeys as KeyTable<Ctx>;

function saveDraft(ctx: Ctx): void {
  if (ctx.state.mode.kind !== 'edit') return;
  const {key, draft, secret, original} = ctx.state.mode;
  if (secret && draft === '') {
    ctx.panel.setStatus({tone: 'info', text: `${key} unchanged (an empty entry keeps the secret; reveal with r to edit it)`});
    ctx.dispatch({type: 'browse'});
    return;
  }
  // Compare-and-set: saved only if nobody changed it since the editor opened.
  ctx.panel.write(
    () => saveSetting(ctx.panel.store, key, draft, original),
    (outcome) => {
      if (outcome.ok) ctx.dispatch({type: 'browse'});
      else if (outcome.conflict !== undefined) ctx.dispatch({type: 'conflict', theirs: outcome.conflict});
    },
  );
}

const conflictOf = (ctx: Ctx) => (ctx.state.mode.kind === 'conflict' ? ctx.state.mode : undefined);

/** The value changed while it was being edited: overwrite it, take theirs, or keep editing. */
const settingsConflictKeys: KeyTable<Ctx> = {
  title: 'A value changed while you edited it',
  bindings: [
    {
      keys: ['o'],
      label: 'overwrite',
      help: 'save yours over theirs',
      footer: true,
      edits: true,
      run: (ctx) => {
        const {key, draft} = conflictOf(ctx)!;
        ctx.panel.write(
          () => saveSetting(ctx.panel.store, key, draft),
          (o) => o.ok && ctx.dispatch({type: 'browse'}),
        );
      },
    },
    {
      keys: ['t'],
      label: 'take theirs',
      help: 'keep their value, drop yours',
      footer: true,
      run: (ctx) => {
        ctx.panel.setStatus({tone: 'info', text: `kept the value another program saved for ${conflictOf(ctx)!.key}`});
        ctx.panel.refresh();
        ctx.dispatch({type: 'browse'});
      },
    },
    {
      keys: ['e', 'Esc'],
      label: 'keep editing',
      help: 'back to your draft (saving then compares with their value)',
      footer: true,
      run: (ctx) => {
        const {key, draft, secret} = conflictOf(ctx)!;
        const now = ctx.panel.store.settings.get(key);
        ctx.panel.refresh();
        ctx.dispatch({type: 'startEdit', key, draft, secret, original: now?.value ?? null});
      },
    },
  ],
};

/** The setting was removed by another program while it was being edited: add it back with the value typed, or discard it. */
const settingsRemovedKeys: KeyTable<Ctx> = {
  title: 'A setting removed while you edited it',
  bindings: [
    {
      keys: ['a'],
      label: 'add it back',
      help: 'put the setting back (as it was, from the history) with your value',
      footer: true,
      edits: true,
      run: (ctx) => {
        const {key, draft} = conflictOf(ctx)!;
        ctx.panel.write(
          () => addBackSetting(ctx.panel.store, key, draft),
          (o) => {
            if (!o.ok) return;
            ctx.dispatch({type: 'browse'});
            ctx.dispatch({type: 'select', id: key});
          },
        );
      },
    },
    {
      keys: ['d', 'Esc'],
      label: 'discard',
      help: 'leave it removed; your value is dropped',
      footer: true,
      run: (ctx) => {
        ctx.panel.setStatus({tone: 'info', text: `discarded; ${conflictOf(ctx)!.key} stays removed`});
        ctx.panel.refresh();
        ctx.dispatch({type: 'browse'});
      },
    },
  ],
};

const cancel = (ctx: Ctx) => {
  ctx.panel.setStatus({tone: 'info', text: 'cancelled; nothing saved'});
  ctx.dispatch({type: 'browse'});
};

const settingsEditKeys: KeyTable<Ctx> = {
  title: 'Editing a value',
  typing: 'type the value',
  bindings: [
    {keys: ['Enter'], label: 'save', help: 'save the value', footer: true, run: saveDraft},
    {keys: ['Esc'], label: 'cancel', help: 'cancel; nothing is saved', footer: true, run: cancel},
  ],
};

const settingsConfirmKeys = confirmKeys('Deleting a setting', 'delete') as KeyTable<Ctx>;

const resetKey = (ctx: Ctx) => (ctx.state.mode.kind === 'confirm-reset' ? ctx.state.mode.key : '');

const settingsResetKeys: KeyTable<Ctx> = {
  title: 'Resetting to the default',
  bindings: [
    {
      keys: ['y', 'Y'],
      label: 'reset',
      help: 'reset it',
      footer: true,
      edits: true,
      run: (ctx) => {
        const key = resetKey(ctx);
        ctx.dispatch({type: 'browse'});
        ctx.panel.write(() => resetSetting(ctx.panel.store, key));
      },
    },
    {
      keys: ['n', 'N', 'Esc'],
      label: 'keep',
      help: 'keep the value',
      footer: true,
      run: (ctx) => {
        ctx.panel.setStatus({tone: 'info', text: 'kept it'});
        ctx.dispatch({type: 'browse'});
      },
    },
  ],
};

const draftOf = (ctx: Ctx): AddDraft | undefined => (ctx.state.mode.kind === 'add' ? ctx.state.mode.draft : undefined);
const nextStep = (draft: AddDraft) => addSteps[addSteps.indexOf(draft.step) + 1]!;

function submitAddStep(ctx: Ctx): void {
  const draft = draftOf(ctx)!;
  if (draft.step === 'description') {
    ctx.panel.write(
      () => addSetting(ctx.panel.store, draft, ctx.category),
      (outcome) => {
        if (!outcome.ok) return;
        ctx.dispatch({type: 'browse'});
        ctx.dispatch({type: 'select', id: draft.key});
      },
    );
    return;
  }
  const check = checkAddStep(ctx.panel.store, draft, ctx.category);
  if (!check.ok) return ctx.panel.setStatus({tone: 'error', text: check.message});
  ctx.panel.setStatus({tone: 'info', text: ''});
  const step = nextStep(draft);
  // A tab that allows one type (Ports: integer) does not ask which: it costs no key.
  const only = typeChoices(ctx.category);
  if (step === 'type' && only.length === 1) {
    ctx.dispatch({type: 'changeAdd', draft: {type: only[0]!, step: 'sensitive', choice: 0, value: settingType(only[0]!).initial}});
    return;
  }
  ctx.dispatch({type: 'changeAdd', draft: {step, choice: 0}});
}

function choices(ctx: Ctx): number {
  const draft = draftOf(ctx)!;
  return draft.step === 'type' ? typeChoices(ctx.category).length : sensitiveChoices.length;
}

function pickChoice(ctx: Ctx): void {
  const draft = draftOf(ctx)!;
  if (draft.step === 'type') {
    const type = typeChoices(ctx.category)[draft.choice]!;
    ctx.dispatch({type: 'changeAdd', draft: {type, step: 'sensitive', choice: 0, value: settingType(type).initial}});
  } else {
    ctx.dispatch({type: 'changeAdd', draft: {sensitive: sensitiveChoices[draft.choice]!.value, step: 'value', choice: 0}});
  }
}

const moveChoice = (delta: number) => (ctx: Ctx) => {
  const draft = draftOf(ctx)!;
  const count = choices(ctx);
  ctx.dispatch({type: 'changeAdd', draft: {choice: (draft.choice + delta + count) % count}});
};

/** Back one field in the add form; the answer given there stays. */
const addBack = {
  keys: ['S-Tab'],
  label: 'back',
  help: 'the field before',
  footer: true,
  disabled: (ctx: Ctx) => (draftOf(ctx)?.step === 'key' ? 'this is the first field' : undefined),
  run: (ctx: Ctx) => {
    const draft = draftOf(ctx)!;
    const back = addSteps[Math.max(0, addSteps.indexOf(draft.step) - 1)]!;
    // The type step is not shown where one type is allowed: back goes past it.
    const step = back === 'type' && typeChoices(ctx.category).length === 1 ? 'key' : back;
    ctx.dispatch({type: 'changeAdd', draft: {step, choice: 0}});
  },
};

const settingsAddTextKeys: KeyTable<Ctx> = {
  title: 'Adding a setting',
  typing: 'type',
  bindings: [
    {keys: ['Enter'], label: 'next', help: 'next field (the last one adds it)', footer: true, run: submitAddStep},
    addBack,
    {keys: ['Esc'], label: 'cancel', help: 'cancel; nothing is added', footer: true, run: cancel},
  ],
};

const settingsAddChoiceKeys: KeyTable<Ctx> = {
  title: 'Adding a setting: a choice',
  bindings: [
    {keys: ['↑', 'k'], label: 'up', help: 'previous choice', run: moveChoice(-1)},
    {keys: ['↓', 'j'], label: 'down', help: 'next choice', run: moveChoice(1)},
    {keys: ['Enter'], label: 'pick', help: 'pick the highlighted choice', footer: true, run: pickChoice},
    addBack,
    {keys: ['Esc'], label: 'cancel', help: 'cancel; nothing is added', footer: true, run: cancel},
  ],
};

/** Every table of a settings tab, in the order the help shows them. */
export const settingsKeyTables = [
  settingsBrowseKeys,
  settingsFilterKeys,
  settingsEditKeys,
  settingsConflictKeys,
  settingsRemovedKeys,
  settingsAddTextKeys,
  settingsAddChoiceKeys,
  settingsConfirmKeys,
  settingsResetKeys,
];

/** The table of the mode a settings tab is in; adding has one for typing and one for choosing. */
export function settingsKeysFor(state: SettingsState): KeyTable<SettingsKeyContext> {
  const {mode} = state;
  if (mode.kind === 'add') return isChoiceStep(mode.draft.step) ? settingsAddChoiceKeys : settingsAddTextKeys;
  // The history view has its own table; this one stands idle meanwhile.
  if (mode.kind === 'history') return {title: 'History', bindings: []};
  if (mode.kind === 'conflict' && mode.theirs === removedValue) return settingsRemovedKeys;
  return {
    browse: settingsBrowseKeys,
    filter: settingsFilterKeys,
    edit: settingsEditKeys,
    conflict: settingsConflictKeys,
    'confirm-delete': settingsConfirmKeys,
    'confirm-reset': settingsResetKeys,
  }[mode.kind];
}
