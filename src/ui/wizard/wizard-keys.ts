import type {Dispatch} from 'react';
import type {ConnectionReport} from '../../letta/test-connection.js';
import type {ConfigStore} from '../../repo/index.js';
import type {KeyTable} from '../bindings/binding.js';
import {checkStep, keepAnswers, leavingLoses, leftMessage, saveWizard} from './wizard-actions.js';
import {asFormWords} from '../servers/servers-actions.js';
import {isChoiceStep, type WizardAction, type WizardState} from './wizard-state.js';

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
/** Leave the setup unsaved; one cut short keeps its answers (not secrets) and opens again next time. */
function leave(ctx: Ctx): void {
  keepAnswers(ctx.store, ctx.state);
  ctx.done({saved: false, message: leftMessage(ctx.store)});
}
const skipAll = {
  keys: ['Esc'],
  label: 'later',
  help: 'leave the setup; nothing is saved, the answers so far are kept for the next start (asks when something typed would be lost)',
  footer: true,
  run: (ctx: Ctx) => (leavingLoses(ctx.store, ctx.state) ? ctx.dispatch({type: 'askSkip', asking: true}) : leave(ctx)),
};

/** Straight to the review from any step, the rest left as stored (the step on screen is checked first). */
const reviewNow = {
  keys: ['C-s'],
  label: 'review',
  help: 'skip the remaining steps, to the review (what is not answered keeps what is stored)',
  footer: true,
  run: (ctx: Ctx) => {
    const check = checkStep(ctx.state.step, ctx.state.values);
    if (!check.ok) return ctx.dispatch({type: 'problem', problem: asFormWords(check.message)});
    ctx.dispatch({type: 'review'});
  },
};

const wizardTextKeys: KeyTable<Ctx> = {
  title: 'A setup step',
  typing: 'type (empty skips)',
  bindings: [{keys: ['Enter'], label: 'next', help: 'next step (empty keeps what is stored)', footer: true, run: next}, reviewNow, back, skipAll],
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
    {keys: ['1-9'], label: 'pick', help: 'pick that answer by its number', run: (ctx, input) => ctx.dispatch({type: 'pick', index: Number(input) - 1})},
    reviewNow,
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
    {keys: ['y', 'Y'], label: 'leave', help: 'leave the setup, losing what it would not keep', footer: true, run: leave},
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
