import {hasControlCharacters, maskSecret, serverDefaults, validateServer, type ConfigStore, type Server, type ServerFields} from '../../repo/index.js';
import {attempt, type Outcome} from '../outcome.js';
import {ConflictError} from '../../errors.js';
import {formFields, type FormField, type FormValues, type ServerForm} from './servers-state.js';

const blankForm: FormValues = {
  name: '',
  address: serverDefaults.address,
  port: String(serverDefaults.port),
  password: '',
  token: '',
  timeout: String(serverDefaults.timeout),
};

/** The form for a server; its secrets are filled in only when they are revealed on screen. */
export function formFor(server: Server | undefined, revealed: boolean): ServerForm {
  if (!server) return {field: 1, values: blankForm, hiddenSecrets: {password: false, token: false}};
  // A secret with control characters would reach the terminal raw through an input line: keep it hidden.
  revealed &&= ![server.password, server.token].some((s) => s && hasControlCharacters(s));
  const values = formValuesOf(server, revealed);
  return {
    id: server.id,
    field: 0,
    hiddenSecrets: {password: !revealed && Boolean(server.password), token: !revealed && Boolean(server.token)},
    values,
    original: values,
  };
}

/** A stored server as form text; secrets only when shown. */
export function formValuesOf(server: Server, revealed: boolean): FormValues {
  return {
    name: server.name ?? '',
    address: server.address,
    port: String(server.port),
    password: revealed ? (server.password ?? '') : '',
    token: revealed ? (server.token ?? '') : '',
    timeout: server.timeout === null ? '' : String(server.timeout),
  };
}

/** The fields the person changed in the form: the only ones a save writes. */
function changedFields(form: ServerForm): FormField[] {
  const original = form.original;
  return formFields.filter((f) => !original || form.values[f] !== original[f]);
}

/** Which of the changed fields another program changed since the form opened (names as the form shows them). */
export function movedFields(form: ServerForm, now: Server | undefined): FormField[] {
  if (!form.original || !now) return [];
  const current = formValuesOf(now, true);
  return changedFields(form).filter((f) => {
    if ((f === 'password' || f === 'token') && form.hiddenSecrets[f]) return false;
    return current[f] !== form.original![f];
  });
}

/** Form text to repository fields. A hidden secret left empty is kept as stored. */
function fieldsOf(form: ServerForm): ServerFields {
  const secret = (text: string, hidden: boolean) => (text === '' ? (hidden ? undefined : null) : text);
  return {
    name: form.values.name,
    address: form.values.address,
    port: form.values.port,
    password: secret(form.values.password, form.hiddenSecrets.password),
    token: secret(form.values.token, form.hiddenSecrets.token),
    timeout: form.values.timeout === '' ? undefined : form.values.timeout,
  };
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
const formWords: Record<string, string> = {
  server_address: 'address',
  server_port: 'port',
  connection_timeout: 'timeout',
  server_password: 'password',
  server_token: 'token',
};
export const asFormWords = (message: string) =>
  message.replace(/\b(server_address|server_port|connection_timeout|server_password|server_token)\b/g, (w) => formWords[w]!);

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
    if (check) {
      const moved = movedFields(form, store.servers.get(form.id));
      if (moved.length) throw new ConflictError(`server ${form.id}: ${moved.join(', ')} changed meanwhile; nothing saved`, moved.join(', '));
      if (!store.servers.get(form.id)) throw new ConflictError(`server ${form.id} was removed meanwhile; nothing saved`, 'removed');
    }
    store.servers.update(form.id, fields);
    return `saved server ${form.id}`;
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
  const parts: string[] = [];
  if (server.password) parts.push(`pw ${revealed ? server.password : maskSecret(server.password)}`);
  if (server.token) parts.push(`tok ${revealed ? server.token : maskSecret(server.token)}`);
  return parts.length ? parts.join(' ') : 'none';
}
