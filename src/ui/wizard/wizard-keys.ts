import type {Dispatch} from 'react';
import type {ConnectionReport} from '../../letta/test-connection.js';
import type {ConfigStore} from '../../repo/index.js';
import type {KeyTable} from '../bindings/binding.js';
import {checkStep, saveWizard} from './wizard-actions.js';
import {asFormWords} from '../servers/servers-actions.js';
import {answered, isChoiceStep, type WizardAction, type WizardState} from './wizard-state.js';

export type WizardResult = {
  readonly saved: boolean;
  readonly message: string;
  /** What the test of the saved server found, and which server, for the app to show as this session's result. */
  readonly report?: ConnectionReport;
  readonly serverId?: number;
};

/** Everything the wizard's keys act on. */
export type WizardKeyContext = {
  readonly store: ConfigStore;
  readonly state: WizardState;
  readonly dispatch: Dispatch<WizardAction>;
  readonly done: (result: WizardResult) => void;
};
type Ctx = WizardKeyContext;

function next(ctx: Ctx): void {
  const check = checkStep(ctx.state.step, ctx.state.values);
  if (!check.ok) return ctx.dispatch({type: 'problem', problem: asFormWords(check.message)});
  ctx.dispatch({type: 'next'});
}

function save(ctx: Ctx): void {
  const outcome = saveWizard(ctx.store, ctx.state.values);
  if (!outcome.ok) return ctx.dispatch({type: 'problem', problem: outcome.message});
  // Saved; the last step proves the connection before the wizard ends.
  ctx.dispatch({type: 'saved', message: outcome.message});
}

const back = {keys: ['S-Tab'], label: 'back', help: 'the step before', footer: true, run: (ctx: Ctx) => ctx.dispatch({type: 'back'})};
const skipped = {saved: false, message: 'setup skipped; nothing saved (sanctum-config init runs it again)'};
const skipAll = {
  keys: ['Esc'],
  label: 'skip setup',
  help: 'skip the whole setup; nothing is saved (asks when you typed answers)',
  footer: true,
  run: (ctx: Ctx) => (answered(ctx.state) ? ctx.dispatch({type: 'askSkip', asking: true}) : ctx.done(skipped)),
};

const wizardTextKeys: KeyTable<Ctx> = {
  title: 'A setup step',
  typing: 'type (empty skips)',
  bindings: [{keys: ['Enter'], label: 'next', help: 'next step (empty keeps what is stored)', footer: true, run: next}, back, skipAll],
};

const wizardChoiceKeys: KeyTable<Ctx> = {
  title: 'A setup choice',
  bindings: [
    {keys: ['↑', 'k'], label: 'up', help: 'previous answer', run: (ctx) => ctx.dispatch({type: 'moveChoice', delta: -1})},
    {keys: ['↓', 'j'], label: 'down', help: 'next answer', run: (ctx) => ctx.dispatch({type: 'moveChoice', delta: 1})},
    {
      keys: ['Enter'],
      label: 'pick',
      help: 'pick the highlighted answer',
      footer: true,
      run: (ctx) => ctx.dispatch({type: 'choose'}),
    },
    back,
    skipAll,
  ],
};

const wizardReviewKeys: KeyTable<Ctx> = {
  title: 'The setup review',
  bindings: [{keys: ['Enter'], label: 'save', help: 'save everything in one transaction', footer: true, run: save}, back, skipAll],
};

const wizardSkipKeys: KeyTable<Ctx> = {
  title: 'Skipping the setup',
  bindings: [
    {keys: ['y', 'Y'], label: 'skip', help: 'throw the answers away', footer: true, run: (ctx) => ctx.done(skipped)},
    {keys: ['n', 'N', 'Esc'], label: 'keep going', help: 'back to the setup', footer: true, run: (ctx) => ctx.dispatch({type: 'askSkip', asking: false})},
  ],
};

const wizardCheckKeys: KeyTable<Ctx> = {
  title: 'The connection check',
  bindings: [
    {
      keys: ['Enter', 'Esc'],
      label: 'finish',
      help: 'finish the setup',
      footer: true,
      run: (ctx) =>
        ctx.done({
          saved: true,
          message: `${ctx.state.saved}${ctx.state.report ? `; Letta: ${ctx.state.report.outcome}` : ''}`,
          report: ctx.state.report,
          serverId: ctx.store.servers.active()?.id,
        }),
    },
    {
      keys: ['S-Tab'],
      label: 'fix it',
      help: 'back to the address, port and password (saving again updates them)',
      footer: true,
      run: (ctx) => ctx.dispatch({type: 'fix'}),
    },
  ],
};

export function wizardKeysFor(state: WizardState): KeyTable<Ctx> {
  if (state.saved !== undefined) return wizardCheckKeys;
  if (state.askingSkip) return wizardSkipKeys;
  if (isChoiceStep(state.step)) return wizardChoiceKeys;
  if (state.step === 'review') return wizardReviewKeys;
  return wizardTextKeys;
}

export const wizardKeyTables = [wizardTextKeys, wizardChoiceKeys, wizardReviewKeys, wizardSkipKeys, wizardCheckKeys];
