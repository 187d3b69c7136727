import {type ConfigStore, displayValue, hidesValue, maskSecret, type Setting} from '../../repo/index.js';
import {attempt, type Outcome} from '../outcome.js';
import {ValidationError} from '../../errors.js';
import type {AddDraft} from './settings-state.js';

/** How a value shows in the table: masked unless revealed, booleans on/off. */
export function visibleValue(setting: Setting, revealed: boolean): string {
  if (hidesValue(setting.sensitive, setting.value, revealed)) return maskSecret(setting.value);
  return displayValue(setting.type, setting.value);
}

/** A value in a one-line message: both ends of a change fit beside each other. */
const short = (text: string) => (text.length > 32 ? `${text.slice(0, 31)}…` : text);

/** What a write did to a setting, as every message says it: `flask_port 5000 -> 5050`, secrets masked. */
function changed(key: string, before: Setting | undefined, after: Setting, note = ''): string {
  const was = before ? short(visibleValue(before, false)) : '(not set)';
  const now = short(visibleValue(after, false));
  return before?.value === after.value ? `${key} unchanged, ${now}` : `${key} ${was} -> ${now}${note}`;
}

/** Save an edit; with `original`, only if the value is still what the edit started from. */
export function saveSetting(store: ConfigStore, key: string, draft: string, original?: string | null): Outcome {
  return attempt(() => {
    const before = store.settings.get(key);
    return changed(key, before, store.settings.set(key, draft, {ifValue: original}));
  }, store.path);
}

export function toggleSetting(store: ConfigStore, key: string): Outcome {
  return attempt(() => {
    const before = store.settings.get(key);
    return changed(key, before, store.settings.toggle(key));
  }, store.path);
}

export function deleteSetting(store: ConfigStore, key: string): Outcome {
  return attempt(() => {
    store.settings.remove(key);
    return `deleted ${key}`;
  }, store.path);
}

/** Check the step just filled in, by the repository's own rules, so a mistake is caught where it was made. */
export function checkAddStep(store: ConfigStore, draft: AddDraft, category: string): Outcome {
  return attempt(() => {
    if (draft.step === 'key') store.settings.checkNewKey(draft.key);
    // A secret (flagged, known or named like one) is never echoed in the error.
    if (draft.step === 'value') store.settings.checkNew({...draft, category});
    return '';
  }, store.path);
}

export function addSetting(store: ConfigStore, draft: AddDraft, category: string): Outcome {
  return attempt(() => {
    store.settings.add({...draft, category});
    return `added ${draft.key}`;
  }, store.path);
}

export function resetSetting(store: ConfigStore, key: string): Outcome {
  return attempt(() => {
    const before = store.settings.get(key);
    return changed(key, before, store.settings.reset(key), ' (its default)');
  }, store.path);
}

/** Whether a value differs from the catalogue's default (false when there is none). */
export const differsFromDefault = (setting: Setting) => setting.defaultValue !== undefined && (setting.value ?? '') !== setting.defaultValue;

/** What a compare-and-set conflict holds when the setting itself is gone (the repository's word for it). */
export const removedValue = '(removed)';

/**
 * Put back a setting another program removed while it was being edited, with
 * the value typed: the removal is undone from the history (its type,
 * description and secrecy as they were), then the value is set.
 */
export function addBackSetting(store: ConfigStore, key: string, draft: string): Outcome {
  return attempt(() => {
    const removal = store.history.list({key, limit: 50}).find((e) => e.action === 'delete');
    if (!removal) throw new ValidationError('key', `${key} is gone and the history no longer holds it; add it again with a`);
    store.history.undo(removal.id);
    const after = store.settings.set(key, draft);
    return `added ${key} back, ${visibleValue(after, false)}`;
  }, store.path);
}
