import type {ConnectionReport} from '../../letta/test-connection.js';
export type AuthChoice = 'password' | 'token' | 'none';
/** The panel's API keys, when they hold its published defaults: replace them, or keep them; absent when they do not. */
export type PanelKeysChoice = 'replace' | 'keep' | 'absent';

export type WizardStepId = 'address' | 'port' | 'auth' | 'secret' | 'openai' | 'anthropic' | 'panelKeys' | 'review';
export const wizardSteps: readonly WizardStepId[] = ['address', 'port', 'auth', 'secret', 'openai', 'anthropic', 'panelKeys', 'review'];

export type WizardValues = {
  readonly address: string;
  readonly port: string;
  readonly auth: AuthChoice;
  readonly secret: string;
  readonly openai: string;
  readonly anthropic: string;
  readonly panelKeys: PanelKeysChoice;
};

export type WizardState = {
  readonly step: WizardStepId;
  readonly values: WizardValues;
  /** The values it started with: Esc asks before throwing away anything typed since. */
  readonly initial: WizardValues;
  /** Esc was pressed with answers typed: asking whether to throw them away. */
  readonly askingSkip: boolean;
  /** Saved, with this message; the wizard then tests the server it saved. */
  readonly saved?: string;
  /** What that test found; undefined while it runs. */
  readonly report?: ConnectionReport;
  /** The highlighted answer on a choice step. */
  readonly choice: number;
  /** Why the last step could not be left or saved, if so. */
  readonly problem: string;
  /** Back from a failed test to fix one step: the next step after it is the review. */
  readonly fixing?: boolean;
  /** Resumed from a setup cut short, with the answers it kept. */
  readonly resumed?: boolean;
};

/** The auth step's answers, in order. */
const authChoices: readonly {readonly label: string; readonly value: AuthChoice}[] = [
  {label: 'none, or keep what is stored', value: 'none'},
  {label: 'a password (letta server --secure)', value: 'password'},
  {label: 'a token / API key', value: 'token'},
];

/** The panel keys step's answers, in order. */
const panelKeysChoices: readonly {readonly label: string; readonly value: PanelKeysChoice}[] = [
  {label: 'replace them with new random keys', value: 'replace'},
  {label: 'keep the published ones', value: 'keep'},
];

type ChoiceStep = 'auth' | 'panelKeys';
export const isChoiceStep = (step: WizardStepId): step is ChoiceStep => step === 'auth' || step === 'panelKeys';
export const choicesFor = (step: ChoiceStep) => (step === 'auth' ? authChoices : panelKeysChoices);

export type WizardAction =
  | {type: 'change'; value: string}
  | {type: 'choose'}
  | {type: 'moveChoice'; delta: number}
  | {type: 'next'}
  | {type: 'back'}
  | {type: 'problem'; problem: string}
  | {type: 'askSkip'; asking: boolean}
  | {type: 'saved'; message: string}
  | {type: 'checked'; report: ConnectionReport}
  | {type: 'fix'}
  | {type: 'review'}
  | {type: 'pick'; index: number};

type TextStep = 'address' | 'port' | 'secret' | 'openai' | 'anthropic';
export const isTextStep = (step: WizardStepId): step is TextStep => !isChoiceStep(step) && step !== 'review';

/** The secret step only makes sense when a password or token was chosen; the panel's keys, when they are its published ones. */
function skipped(step: WizardStepId, values: WizardValues): boolean {
  return (step === 'secret' && values.auth === 'none') || (step === 'panelKeys' && values.panelKeys === 'absent');
}

/** A choice step opens on the answer it holds. */
function choiceOn(step: WizardStepId, values: WizardValues): number {
  if (!isChoiceStep(step)) return 0;
  return Math.max(
    0,
    (choicesFor(step) as readonly {value: string}[]).findIndex((c) => c.value === values[step]),
  );
}

function advance(state: WizardState, delta: 1 | -1): WizardState {
  if (state.fixing && delta === 1 && state.step !== 'auth') return {...state, step: 'review', fixing: false, problem: '', choice: 0};
  let index = wizardSteps.indexOf(state.step);
  do index += delta;
  while (index > 0 && index < wizardSteps.length - 1 && skipped(wizardSteps[index]!, state.values));
  const step = wizardSteps[Math.max(0, Math.min(wizardSteps.length - 1, index))]!;
  return {...state, step, problem: '', choice: choiceOn(step, state.values)};
}

/** What a setup cut short kept (never a secret): it resumes from there. */
export type KeptAnswers = {readonly address?: string; readonly port?: string; readonly auth?: AuthChoice; readonly step?: string};

export function initialWizardState(address: string, port: number, publishedPanelKeys = false, kept?: KeptAnswers): WizardState {
  const panelKeys: PanelKeysChoice = publishedPanelKeys ? 'replace' : 'absent';
  const values: WizardValues = {
    address: kept?.address ?? address,
    port: kept?.port ?? String(port),
    auth: kept?.auth ?? 'none',
    secret: '',
    openai: '',
    anthropic: '',
    panelKeys,
  };
  const keptStep = wizardSteps.find((s) => s === kept?.step);
  const step = keptStep && !skipped(keptStep, values) ? keptStep : 'address';
  const resumed = kept !== undefined && (kept.step !== undefined || kept.address !== undefined);
  return {step, values, initial: values, askingSkip: false, choice: choiceOn(step, values), problem: '', resumed};
}

/** Whether anything was answered that Esc would throw away. */
export const answered = (state: WizardState) => JSON.stringify(state.values) !== JSON.stringify(state.initial);

/** The wizard's state changes; validation and saving happen in the caller. */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'change':
      return isTextStep(state.step) ? {...state, values: {...state.values, [state.step]: action.value}} : state;
    case 'choose': {
      if (!isChoiceStep(state.step)) return state;
      const value = choicesFor(state.step)[state.choice]!.value;
      return advance({...state, values: {...state.values, [state.step]: value}}, 1);
    }
    case 'next':
      return advance(state, 1);
    case 'back':
      return advance(state, -1);
    case 'moveChoice':
      if (!isChoiceStep(state.step)) return state;
      return {...state, choice: (state.choice + action.delta + choicesFor(state.step).length) % choicesFor(state.step).length};
    case 'problem':
      return {...state, problem: action.problem};
    case 'askSkip':
      return {...state, askingSkip: action.asking};
    case 'saved':
      return {...state, saved: action.message, report: undefined, problem: ''};
    case 'checked':
      return {...state, report: action.report};
    case 'review':
      // The rest can be skipped: what is not answered keeps what is stored.
      return {...state, step: 'review', problem: '', choice: 0, fixing: false};
    case 'pick': {
      if (!isChoiceStep(state.step) || action.index < 0 || action.index >= choicesFor(state.step).length) return state;
      return wizardReducer({...state, choice: action.index}, {type: 'choose'});
    }
    case 'fix': {
      // Back to the step that failed: the password (or how the server checks one) when it was refused, else the address.
      const step: WizardStepId = state.report?.outcome === 'auth-failed' ? (state.values.auth === 'none' ? 'auth' : 'secret') : 'address';
      // Keys saved as new ones are not published any more: saving again leaves them.
      const values = {...state.values, panelKeys: 'absent' as const};
      return {...state, step, values, choice: choiceOn(step, values), fixing: step !== 'address', saved: undefined, report: undefined, problem: ''};
    }
  }
}
