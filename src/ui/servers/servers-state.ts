import {type SecretServerField, type ServerFieldName, serverFields} from '../../repo/index.js';
import {type ListAction, listReducer, type ListState} from '../list/list-cursor.js';

/** The form's fields, in the order of the server field table. */
export const formFields: readonly ServerFieldName[] = serverFields.map((f) => f.field);
export type FormField = ServerFieldName;
export type FormValues = Readonly<Record<FormField, string>>;

export type ServerForm = {
  /** The server being edited; undefined for a new one. */
  readonly id?: number;
  readonly field: number;
  readonly values: FormValues;
  /** Stored secrets not shown in the form: left empty, they are kept as they are. */
  readonly hiddenSecrets: Readonly<Record<SecretServerField, boolean>>;
  /** The values the form started from: only the fields changed from these are saved, and only if they are still these. */
  readonly original?: FormValues;
  /** Saving found these fields changed meanwhile by another program ('removed': the server itself is gone). */
  readonly conflict?: string;
  /** Esc with changes typed: asking whether to throw them away. */
  readonly askingDiscard?: boolean;
};

/** The Servers tab's own mode; browsing and the delete question come from the list kit. Rows are known by id. */
export type ServersMode = {readonly kind: 'form'; readonly form: ServerForm} | {readonly kind: 'history'; readonly id: number};

export type ServersState = ListState<number, ServersMode>;

export type ServersAction =
  | ListAction<number>
  | {type: 'openForm'; form: ServerForm}
  | {type: 'changeField'; value: string}
  | {type: 'focusField'; delta: number}
  | {type: 'showHistory'; id: number}
  | {type: 'formConflict'; fields?: string; original?: FormValues}
  | {type: 'askDiscard'; asking: boolean};

export const initialServersState: ServersState = {selected: 0, offset: 0, filter: '', mode: {kind: 'browse'}};

/** Every change to the Servers tab goes through here; no I/O. */
export function serversReducer(state: ServersState, action: ServersAction): ServersState {
  switch (action.type) {
    case 'openForm':
      return {...state, mode: {kind: 'form', form: action.form}};
    case 'changeField': {
      if (state.mode.kind !== 'form') return state;
      const {form} = state.mode;
      const values = {...form.values, [formFields[form.field]!]: action.value};
      return {...state, mode: {kind: 'form', form: {...form, values}}};
    }
    case 'showHistory':
      return {...state, mode: {kind: 'history', id: action.id}, revealed: undefined};
    case 'formConflict': {
      if (state.mode.kind !== 'form') return state;
      const form = {...state.mode.form, conflict: action.fields, original: action.original ?? state.mode.form.original};
      return {...state, mode: {kind: 'form', form}};
    }
    case 'askDiscard':
      return state.mode.kind === 'form' ? {...state, mode: {kind: 'form', form: {...state.mode.form, askingDiscard: action.asking}}} : state;
    case 'focusField': {
      if (state.mode.kind !== 'form') return state;
      const {form} = state.mode;
      const field = (form.field + action.delta + formFields.length) % formFields.length;
      return {...state, mode: {kind: 'form', form: {...form, field}}};
    }
    default:
      return listReducer(state, action);
  }
}
