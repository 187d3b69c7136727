import {
  type ConfigStore,
  hasControlCharacters,
  hidesValue,
  maskSecret,
  type SecretServerField,
  type Server,
  type ServerFields,
  secretServerFields,
  serverFieldLabels,
  serverFields,
  validateServer,
  proposedServer,
} from '../../repo/index.js';
import {attempt, type Outcome} from '../outcome.js';
import {ConflictError} from '../../errors.js';
import {formFields, type FormField, type FormValues, type ServerForm} from './servers-state.js';

const noneHidden = Object.fromEntries(secretServerFields.map((f) => [f, false])) as ServerForm['hiddenSecrets'];

/** A new server's form: the table's initial values, at the address and port every new server is proposed at. */
const blankForm = {
  ...(Object.fromEntries(serverFields.map((f) => [f.field, f.initial === null ? '' : String(f.initial)])) as FormValues),
  address: proposedServer.address,
  port: String(proposedServer.port),
} as FormValues;

const isSecret = (field: FormField): field is SecretServerField => (secretServerFields as readonly string[]).includes(field);

/** The form for a server; its secrets are filled in only when they are revealed on screen. */
export function formFor(server: Server | undefined, revealed: boolean): ServerForm {
  if (!server) return {field: 1, values: blankForm, hiddenSecrets: noneHidden};
  // A secret with control characters would reach the terminal raw through an input line: keep it hidden.
  revealed &&= !secretServerFields.some((f) => server[f] && hasControlCharacters(server[f]));
  const values = formValuesOf(server, revealed);
  const hiddenSecrets = Object.fromEntries(secretServerFields.map((f) => [f, !revealed && Boolean(server[f])])) as ServerForm['hiddenSecrets'];
  return {id: server.id, field: 0, hiddenSecrets, values, original: values};
}

/** A stored server as form text; secrets only when shown. */
export function formValuesOf(server: Server, revealed: boolean): FormValues {
  const text = (field: FormField) => (isSecret(field) && !revealed ? '' : String(server[field] ?? ''));
  return Object.fromEntries(formFields.map((f) => [f, text(f)])) as FormValues;
}

/** The fields the person changed in the form: the only ones a save writes. */
function changedFields(form: ServerForm): FormField[] {
  const original = form.original;
  return formFields.filter((f) => !original || form.values[f] !== original[f]);
}

/** Whether Esc would throw away something typed: a changed field of an edit, or a new server's form changed from its start. */
export const formTouched = (form: ServerForm): boolean =>
  form.original ? changedFields(form).length > 0 : formFields.some((f) => form.values[f] !== blankForm[f]);

/** Which of the changed fields another program changed since the form opened (names as the form shows them). */
export function movedFields(form: ServerForm, now: Server | undefined): FormField[] {
  if (!form.original || !now) return [];
  const current = formValuesOf(now, true);
  return changedFields(form).filter((f) => !(isSecret(f) && form.hiddenSecrets[f]) && current[f] !== form.original![f]);
}

/**
 * Form text to repository fields. Empty clears what may be cleared, except a
 * hidden secret, which is kept as stored; an empty optional field that may
 * not be cleared (the timeout) keeps its stored value; an empty required one
 * (the address) is refused by its rule.
 */
function fieldsOf(form: ServerForm): ServerFields {
  const value = (spec: (typeof serverFields)[number]) => {
    const text = form.values[spec.field];
    if (text !== '') return text;
    if (isSecret(spec.field) && form.hiddenSecrets[spec.field]) return undefined;
    return spec.clearable ? null : spec.nullable ? undefined : text;
  };
  return Object.fromEntries(serverFields.map((spec) => [spec.field, value(spec)])) as ServerFields;
}

/** Why the form cannot be saved, or undefined when it can: the repository's rules, no I/O (`base` is the row as listed). */
export function formProblem(form: ServerForm, base: Server | undefined): string | undefined {
  const checked = attempt(() => {
    validateServer(fieldsOf(form), base);
    return '';
  });
  return checked.ok ? undefined : asFormWords(checked.message);
}

/** The repository names columns; the form names fields: say it as the screen does. */
const columnWords = new RegExp(`\\b(${Object.keys(serverFieldLabels).join('|')})\\b`, 'g');
export const asFormWords = (message: string) => message.replace(columnWords, (w) => serverFieldLabels[w]!);

/**
 * Save the form. An edit writes only the fields the person changed, and with
 * `check`, only if none of them changed meanwhile (else a conflict naming them).
 */
export function saveServer(store: ConfigStore, form: ServerForm, check = true): Outcome {
  let added: number | undefined;
  const outcome = attempt(() => {
    if (form.id === undefined) {
      const server = store.servers.add(fieldsOf(form));
      added = server.id;
      return `added server ${server.id}${server.active ? ' (active)' : ''}`;
    }
    const all = fieldsOf(form);
    const changed = changedFields(form);
    const fields = Object.fromEntries(changed.map((f) => [f, all[f]]).filter(([, v]) => v !== undefined)) as ServerFields;
    const before = store.servers.get(form.id);
    // Gone is said as gone, whatever else: the form then offers to add it back.
    if (!before) throw new ConflictError(`server ${form.id} was removed meanwhile by another program; nothing saved`, removedConflict);
    if (check) {
      const moved = movedFields(form, before);
      if (moved.length) throw new ConflictError(`server ${form.id}: ${moved.join(', ')} changed meanwhile; nothing saved`, moved.join(', '));
    }
    return serverChangeText(before, store.servers.update(form.id, fields));
  }, store.path);
  return added === undefined ? outcome : {...outcome, added};
}

/** The conflict of a form whose server another program removed. */
export const removedConflict = 'removed';

/** A server's change as every message says it: `server 2: port 8283 -> 8284, password **** -> ****`. */
function serverChangeText(before: Server, after: Server): string {
  const shown = (server: Server, spec: (typeof serverFields)[number]) => {
    const value = server[spec.field];
    if (value === null || value === undefined || value === '') return '(none)';
    return spec.secret ? maskSecret(String(value)) : String(value);
  };
  const changes = serverFields
    .filter((spec) => before[spec.field] !== after[spec.field])
    .map((spec) => `${spec.label} ${shown(before, spec)} -> ${shown(after, spec)}`);
  return changes.length ? `server ${after.id}: ${changes.join(', ')}` : `server ${after.id}: nothing changed`;
}

/**
 * Put back a server another program removed while its form was open, with the
 * form's changes on it: the removal is undone from the history (the row as it
 * was, its secrets too), else the form is added as a new server.
 */
export function addBackServer(store: ConfigStore, form: ServerForm): Outcome {
  let added: number | undefined;
  const outcome = attempt(() => {
    const id = form.id!;
    const removal = store.history.list({serverId: id, limit: 50}).find((e) => e.action === 'delete');
    if (!removal || store.servers.get(id)) {
      const server = store.servers.add(fieldsOf({...form, original: undefined}));
      added = server.id;
      return `server ${id} was gone; added your form as server ${server.id}${Object.values(form.hiddenSecrets).some(Boolean) ? ' (without its hidden password or token: set them again)' : ''}`;
    }
    store.history.undo(removal.id);
    const back = store.servers.require(id);
    const changed = changedFields(form);
    const all = fieldsOf(form);
    store.servers.update(id, Object.fromEntries(changed.map((f) => [f, all[f]]).filter(([, v]) => v !== undefined)) as ServerFields);
    added = id;
    const after = store.servers.require(id);
    const change = serverChangeText(back, after);
    return `added server ${id} back${change.endsWith('nothing changed') ? '' : `; ${change.slice(change.indexOf(':') + 2)}`}`;
  }, store.path);
  return added === undefined ? outcome : {...outcome, added};
}

export function activateServer(store: ConfigStore, id: number): Outcome {
  return attempt(() => {
    store.servers.activate(id);
    return `server ${id} is the active server`;
  }, store.path);
}

export function deleteServer(store: ConfigStore, id: number): Outcome {
  return attempt(() => {
    const {wasActive} = store.servers.remove(id);
    return wasActive ? `deleted server ${id}; no server is active now (Space activates one)` : `deleted server ${id}`;
  }, store.path);
}

/** How a server's credentials read in the table. */
export function authSummary(server: Server, revealed: boolean): string {
  const short: Record<SecretServerField, string> = {password: 'pw', token: 'tok'};
  const parts = secretServerFields
    .filter((f) => server[f])
    .map((f) => (f === 'token' && server.password ? 'tok unused' : `${short[f]} ${hidesValue(true, server[f], revealed) ? maskSecret(server[f]) : server[f]}`));
  return parts.length ? parts.join(' ') : 'none';
}
