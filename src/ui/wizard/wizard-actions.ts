import {applyFirstRun, checkServerAddress, maskSecret, parsePort, type ConfigStore, type FirstRunAnswers} from '../../repo/index.js';
import {attempt, type Outcome} from '../outcome.js';
import {newPanelKey, publishedPanelKeys} from '../../repo/panel-advice.js';
import type {WizardStepId, WizardValues} from './wizard-state.js';

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
