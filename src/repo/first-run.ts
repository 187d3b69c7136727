import type {ConfigType} from './setting-types.js';
import type {ConfigStore} from './config-store.js';
import type {Server, ServerFields} from './servers-repo.js';

export type FirstRunAnswers = {
  /** Setting key to the text to store. */
  readonly settings?: Readonly<Record<string, string>>;
  /** Fields for the active server; one is added (and activated) when none is active. */
  readonly server?: ServerFields;
};

const editableFields = (s: Server): Record<string, unknown> => ({
  address: s.address,
  port: s.port,
  name: s.name,
  password: s.password,
  token: s.token,
  timeout: s.timeout,
});

/**
 * Apply first-run answers in one transaction, changing only what differs, so
 * running it twice gives the same result, and mark the setup finished.
 * Returns what changed, never values.
 */
export function applyFirstRun(store: ConfigStore, answers: FirstRunAnswers): string[] {
  return store.transaction(() => {
    // Setup given (by the wizard, or by a script's flags) is setup done: the app stops offering it.
    store.setup.finish();
    const changes: string[] = [];
    for (const [key, input] of Object.entries(answers.settings ?? {})) {
      const known = store.settings.get(key) ? undefined : store.settings.known(key);
      if (known) {
        // The catalogue knows it (the bootstrap's VENICE_API_KEY): added as it says.
        store.settings.add({
          key,
          type: known.type as ConfigType,
          value: input,
          category: known.category,
          description: known.description,
          sensitive: known.sensitive,
        });
        changes.push(`set ${key}`);
        continue;
      }
      const before = store.settings.require(key).value;
      if (store.settings.set(key, input).value !== before) changes.push(`set ${key}`);
    }
    const fields = answers.server;
    if (!fields || Object.values(fields).every((v) => v === undefined)) return changes;
    const active = store.servers.active();
    if (!active) {
      const added = store.servers.add(fields, {activate: true});
      changes.push(`added server ${added.id} (active)`);
      return changes;
    }
    const before = editableFields(active);
    const after = editableFields(store.servers.update(active.id, fields));
    const changed = Object.keys(before).filter((name) => before[name] !== after[name]);
    if (changed.length) changes.push(`server ${active.id}: set ${changed.join(', ')}`);
    return changes;
  });
}
