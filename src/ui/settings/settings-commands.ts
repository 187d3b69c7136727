import {displayValue, maskSecret, type ConfigStore, type Setting} from '../../repo/index.js';
import {attempt, type Outcome} from '../outcome.js';
import type {AddDraft, AddStep} from './settings-state.js';

/** How a value shows in the table: masked unless revealed, booleans on/off. */
export function visibleValue(setting: Setting, revealed: boolean): string {
  if (setting.sensitive && !revealed) return maskSecret(setting.value);
  return displayValue(setting.type, setting.value);
}

const shown = (setting: Setting) => (setting.sensitive ? maskSecret(setting.value) : displayValue(setting.type, setting.value));

export function saveSetting(store: ConfigStore, key: string, draft: string): Outcome {
  return attempt(() => `saved ${key} = ${shown(store.settings.set(key, draft))}`, store.path);
}

export function toggleBoolean(store: ConfigStore, setting: Setting): Outcome {
  const next = setting.value?.trim().toLowerCase() === 'true' ? 'false' : 'true';
  return attempt(() => `${setting.key} is ${shown(store.settings.set(setting.key, next))}`, store.path);
}

export function deleteSetting(store: ConfigStore, key: string): Outcome {
  return attempt(() => {
    store.settings.remove(key);
    return `deleted ${key}`;
  }, store.path);
}

/** Check the step just filled in, so a mistake is caught where it was made. */
export function checkAddStep(store: ConfigStore, draft: AddDraft, step: AddStep, category: string): Outcome {
  return attempt(() => {
    if (step === 'key') store.settings.checkNewKey(draft.key);
    // The repository's own check: a secret (flagged, known or named like one) is never echoed.
    if (step === 'value') store.settings.checkNew({...draft, category});
    return '';
  }, store.path);
}

export function addSetting(store: ConfigStore, draft: AddDraft, category: string): Outcome {
  return attempt(() => {
    store.settings.add({...draft, category});
    return `added ${draft.key}`;
  }, store.path);
}
