import {type ListCursor, type MoveAction, moveCursor, toggleReveal} from '../list/list-cursor.js';

export const formFields = ['name', 'address', 'port', 'password', 'token', 'timeout'] as const;
export type FormField = (typeof formFields)[number];
export type FormValues = Readonly<Record<FormField, string>>;

export type ServerForm = {
  /** The server being edited; undefined for a new one. */
  readonly id?: number;
  readonly field: number;
  readonly values: FormValues;
  /** Stored secrets not shown in the form: left empty, they are kept as they are. */
  readonly hiddenSecrets: {readonly password: boolean; readonly token: boolean};
};

export type ServersMode =
  | {readonly kind: 'browse'}
  | {readonly kind: 'form'; readonly form: ServerForm}
  | {readonly kind: 'confirm-delete'; readonly id: number};

export type ServersState = ListCursor<number> & {readonly mode: ServersMode};

export type ServersAction =
  | {type: 'move'; move: MoveAction; count: number; page: number}
  | {type: 'toggleReveal'; id: number}
  | {type: 'openForm'; form: ServerForm}
  | {type: 'changeField'; value: string}
  | {type: 'focusField'; delta: number}
  | {type: 'askDelete'; id: number}
  | {type: 'browse'};

export const initialServersState: ServersState = {selected: 0, offset: 0, mode: {kind: 'browse'}};

/** Every change to the Servers tab goes through here; no I/O. */
export function serversReducer(state: ServersState, action: ServersAction): ServersState {
  switch (action.type) {
    case 'move':
      return moveCursor(state, action.move, action.count, action.page);
    case 'toggleReveal':
      return toggleReveal(state, action.id);
    case 'openForm':
      return {...state, mode: {kind: 'form', form: action.form}};
    case 'changeField': {
      if (state.mode.kind !== 'form') return state;
      const {form} = state.mode;
      const values = {...form.values, [formFields[form.field]!]: action.value};
      return {...state, mode: {kind: 'form', form: {...form, values}}};
    }
    case 'focusField': {
      if (state.mode.kind !== 'form') return state;
      const {form} = state.mode;
      const field = (form.field + action.delta + formFields.length) % formFields.length;
      return {...state, mode: {kind: 'form', form: {...form, field}}};
    }
    case 'askDelete':
      return {...state, mode: {kind: 'confirm-delete', id: action.id}};
    case 'browse':
      return {...state, mode: {kind: 'browse'}};
  }
}
