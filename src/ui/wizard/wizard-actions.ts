import {applyFirstRun, checkServerAddress, maskSecret, parsePort, type ConfigStore, type FirstRunAnswers} from '../../repo/index.js';
import {attempt, type Outcome} from '../outcome.js';
import {newPanelKey, publishedPanelKeys} from '../../repo/panel-advice.js';
import {answered, initialWizardState, type WizardState, type WizardStepId, type WizardValues} from './wizard-state.js';

/** Check one step's answer before moving on; an empty answer always passes (it skips). */
export function checkStep(step: WizardStepId, values: WizardValues): Outcome {
  return attempt(() => {
    if (step === 'address' && values.address.trim()) checkServerAddress(values.address);
    if (step === 'port' && values.port.trim()) parsePort('server_port', values.port);
    return '';
  });
}

/** The answers as the repository takes them; empty answers leave things as they are. */
function answersOf(store: ConfigStore, values: WizardValues): FirstRunAnswers {
  const settings: Record<string, string> = {};
  if (values.openai) settings.openai_api_key = values.openai;
  if (values.anthropic) settings.anthropic_api_key = values.anthropic;
  if (values.panelKeys === 'replace') for (const key of publishedPanelKeys(store)) settings[key] = newPanelKey();
  const secret = values.auth !== 'none' && values.secret ? {[values.auth]: values.secret} : {};
  return {
    settings,
    server: {
      address: values.address.trim() || undefined,
      port: values.port.trim() || undefined,
      ...secret,
    },
  };
}

/** The review lines, secrets masked. */
export function reviewLines(values: WizardValues): string[] {
  return [
    `Letta server   ${values.address || '(unchanged)'}:${values.port || '(unchanged)'}`,
    `credentials    ${values.auth === 'none' || !values.secret ? '(unchanged)' : `${values.auth} ${maskSecret(values.secret)}`}`,
    `OpenAI key     ${values.openai ? maskSecret(values.openai) : '(skipped)'}`,
    `Anthropic key  ${values.anthropic ? maskSecret(values.anthropic) : '(skipped)'}`,
    ...(values.panelKeys === 'absent' ? [] : [`panel API keys ${values.panelKeys === 'replace' ? 'new random keys' : 'kept: the published ones'}`]),
  ];
}

/** Everything in one transaction: all of it is saved, or none. */
export function saveWizard(store: ConfigStore, values: WizardValues): Outcome {
  return attempt(() => {
    const changes = applyFirstRun(store, answersOf(store, values));
    return changes.length ? `setup saved: ${changes.join('; ')}` : 'setup: nothing to change';
  }, store.path);
}

/** The wizard as it opens: from `start`, or where a setup cut short left off (its answers kept, not its secrets). */
export function openingWizardState(store: ConfigStore, start: {readonly address: string; readonly port: number}): WizardState {
  const setup = store.setup.state();
  return initialWizardState(start.address, start.port, publishedPanelKeys(store).length > 0, setup.finished ? undefined : setup.answers);
}

/** Keep the answers so far (not secrets) while the setup has not finished, so a dropped session resumes. */
export function keepAnswers(store: ConfigStore, state: WizardState): void {
  const {address, port, auth} = state.values;
  try {
    store.setup.remember({address, port, auth, step: state.step});
  } catch {
    // Best effort: a file busy with another writer keeps the answers kept before.
  }
}

/** Whether leaving now loses answers, so Esc asks: secrets are never kept; on a finished setup, nothing is. */
export function leavingLoses(store: ConfigStore, state: WizardState): boolean {
  if (store.setup.state().finished) return answered(state);
  const {secret, openai, anthropic} = state.values;
  return Boolean(secret || openai || anthropic);
}

/** What Esc says when it leaves the setup. */
export function leftMessage(store: ConfigStore): string {
  return store.setup.state().finished
    ? 'setup skipped; nothing saved (sanctum-config init runs it again)'
    : 'setup not finished: it opens again at the next start with the answers so far, not passwords or keys (sanctum-config init runs it now)';
}

/** What Esc asks when leaving would lose answers. */
export function leaveQuestion(store: ConfigStore): string {
  return store.setup.state().finished ? 'Throw away the answers typed so far?' : 'Leave the setup for now? The password and keys typed are not kept.';
}
