import {type ConfigType, typesForCategory} from '../../repo/index.js';
import {filterRows, type ListAction, listReducer, type ListState, searchTexts} from '../list/list-cursor.js';

export type AddStep = 'key' | 'type' | 'sensitive' | 'value' | 'description';
/** The order of the add form: secrecy comes before the value, so a secret is typed masked. */
export const addSteps: readonly AddStep[] = ['key', 'type', 'sensitive', 'value', 'description'];
export const isChoiceStep = (step: AddStep) => step === 'type' || step === 'sensitive';

export type AddDraft = {
  readonly step: AddStep;
  readonly key: string;
  readonly type: ConfigType;
  readonly value: string;
  readonly description: string;
  readonly sensitive: boolean;
  /** The highlighted choice on the type and secret steps. */
  readonly choice: number;
};

/** What the type step offers: the repository's rule for the category. */
export const typeChoices = (category: string): readonly ConfigType[] => typesForCategory(category);
export const sensitiveChoices = [
  {label: 'no: shown in clear', value: false},
  {label: 'yes: masked everywhere', value: true},
] as const;

/** A settings tab's own modes; browsing and the delete question come from the list kit. Rows are known by key. */
export type SettingsMode =
  /** `original` is the stored value the edit started from: saving compares it (compare-and-set). */
  | {readonly kind: 'edit'; readonly key: string; readonly draft: string; readonly secret: boolean; readonly original: string | null}
  /** Saving found the value changed meanwhile: `theirs` is what it holds now (masked when secret). */
  | {readonly kind: 'conflict'; readonly key: string; readonly draft: string; readonly secret: boolean; readonly theirs: string}
  | {readonly kind: 'add'; readonly draft: AddDraft}
  | {readonly kind: 'history'; readonly key: string}
  | {readonly kind: 'confirm-reset'; readonly key: string};

export type SettingsState = ListState<string, SettingsMode>;

export type SettingsAction =
  | ListAction<string>
  | {type: 'startEdit'; key: string; draft: string; secret: boolean; original: string | null}
  | {type: 'conflict'; theirs: string}
  | {type: 'changeDraft'; draft: string}
  | {type: 'showHistory'; key: string}
  | {type: 'askReset'; key: string}
  | {type: 'startAdd'}
  | {type: 'changeAdd'; draft: Partial<AddDraft>};

export const initialSettingsState: SettingsState = {selected: 0, offset: 0, filter: '', mode: {kind: 'browse'}};

const emptyAdd: AddDraft = {step: 'key', key: '', type: 'string', value: '', description: '', sensitive: false, choice: 0};

/** Every change to a settings tab goes through here; no I/O. */
export function settingsReducer(state: SettingsState, action: SettingsAction): SettingsState {
  switch (action.type) {
    case 'startEdit':
      return {...state, mode: {kind: 'edit', key: action.key, draft: action.draft, secret: action.secret, original: action.original}};
    case 'conflict':
      return state.mode.kind === 'edit' ? {...state, mode: {...state.mode, kind: 'conflict', theirs: action.theirs}} : state;
    case 'changeDraft':
      return state.mode.kind === 'edit' ? {...state, mode: {...state.mode, draft: action.draft}} : state;
    case 'startAdd':
      return {...state, mode: {kind: 'add', draft: emptyAdd}, revealed: undefined};
    case 'askReset':
      return {...state, mode: {kind: 'confirm-reset', key: action.key}};
    case 'showHistory':
      return {...state, mode: {kind: 'history', key: action.key}, revealed: undefined};
    case 'changeAdd':
      return state.mode.kind === 'add' ? {...state, mode: {kind: 'add', draft: {...state.mode.draft, ...action.draft}}} : state;
    default:
      return listReducer(state, action);
  }
}

/** Rows whose key or description contains the filter, ignoring case. */
const settingWords = (r: {key: string; description: string | null}) => [r.key, r.description];

const textsOf = new WeakMap<readonly object[], string[]>();

/** What a settings filter searches (searchTexts), made once per list of rows, whichever tab asks again. */
export function settingsSearchTexts(rows: readonly {key: string; description: string | null}[]): string[] {
  let texts = textsOf.get(rows);
  if (!texts) textsOf.set(rows, (texts = searchTexts(rows, settingWords)));
  return texts;
}

export function filterSettings<T extends {key: string; description: string | null}>(rows: readonly T[], filter: string, texts?: readonly string[]): T[] {
  return filterRows(rows, filter, settingWords, texts);
}
