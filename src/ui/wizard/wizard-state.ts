import type {ConnectionReport} from '../../letta/test-connection.js';
export type AuthChoice = 'password' | 'token' | 'none';

export type WizardStepId = 'address' | 'port' | 'auth' | 'secret' | 'openai' | 'anthropic' | 'review';
export const wizardSteps: readonly WizardStepId[] = ['address', 'port', 'auth', 'secret', 'openai', 'anthropic', 'review'];

export type WizardValues = {
  readonly address: string;
  readonly port: string;
  readonly auth: AuthChoice;
  readonly secret: string;
  readonly openai: string;
  readonly anthropic: string;
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
  /** The highlighted answer on the auth step. */
  readonly choice: number;
  /** Why the last step could not be left or saved, if so. */
  readonly problem: string;
};

/** The auth step's answers, in order. */
export const authChoices: readonly {readonly label: string; readonly value: AuthChoice}[] = [
  {label: 'none, or keep what is stored', value: 'none'},
  {label: 'a password (letta server --secure)', value: 'password'},
  {label: 'a token / API key', value: 'token'},
];

export type WizardAction =
  | {type: 'change'; value: string}
  | {type: 'chooseAuth'; auth: AuthChoice}
  | {type: 'moveChoice'; delta: number}
  | {type: 'next'}
  | {type: 'back'}
  | {type: 'problem'; problem: string}
  | {type: 'askSkip'; asking: boolean}
  | {type: 'saved'; message: string}
  | {type: 'checked'; report: ConnectionReport}
  | {type: 'fix'};

type TextStep = 'address' | 'port' | 'secret' | 'openai' | 'anthropic';
export const isTextStep = (step: WizardStepId): step is TextStep => step !== 'auth' && step !== 'review';

/** The secret step only makes sense when a password or token was chosen. */
function skipped(step: WizardStepId, values: WizardValues): boolean {
  return step === 'secret' && values.auth === 'none';
}

function advance(state: WizardState, delta: 1 | -1): WizardState {
  let index = wizardSteps.indexOf(state.step);
  do index += delta;
  while (index > 0 && index < wizardSteps.length - 1 && skipped(wizardSteps[index]!, state.values));
  const step = wizardSteps[Math.max(0, Math.min(wizardSteps.length - 1, index))]!;
  return {...state, step, problem: ''};
}

export function initialWizardState(address: string, port: number): WizardState {
  const values: WizardValues = {address, port: String(port), auth: 'none', secret: '', openai: '', anthropic: ''};
  return {step: 'address', values, initial: values, askingSkip: false, choice: 0, problem: ''};
}

/** Whether anything was answered that Esc would throw away. */
export const answered = (state: WizardState) => JSON.stringify(state.values) !== JSON.stringify(state.initial);

/** The wizard's state changes; validation and saving happen in the caller. */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'change':
      return isTextStep(state.step) ? {...state, values: {...state.values, [state.step]: action.value}} : state;
    case 'chooseAuth':
      return advance({...state, values: {...state.values, auth: action.auth}}, 1);
    case 'next':
      return advance(state, 1);
    case 'back':
      return advance(state, -1);
    case 'moveChoice':
      return {...state, choice: (state.choice + action.delta + authChoices.length) % authChoices.length};
    case 'problem':
      return {...state, problem: action.problem};
    case 'askSkip':
      return {...state, askingSkip: action.asking};
    case 'saved':
      return {...state, saved: action.message, report: undefined, problem: ''};
    case 'checked':
      return {...state, report: action.report};
    case 'fix':
      return {...state, step: 'address', saved: undefined, report: undefined, problem: ''};
  }
}
