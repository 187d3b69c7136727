import {homedir} from 'node:os';
import {join} from 'node:path';
import type {EnvBinding} from './env-names.js';
import {isSecretSetting} from './secret-keys.js';
import type {Server} from './servers-repo.js';
import type {Setting} from './settings-repo.js';
import {serverBaseUrl} from './server-url.js';
import {printable} from './value-codec.js';

/** One variable of an env file: its value, or null when it is not set (written commented out). */
export type EnvEntry = {
  readonly name: string;
  readonly value: string | null;
  readonly secret: boolean;
  /** Why it is not set although a value is stored (a placeholder, a value that does not fit its type). */
  readonly note?: string;
};

/**
 * The variables the box's programs read, from the settings that have an env
 * name and the active server (what Letta, SMCP, doc-manager and the Letta
 * client read). Letta has one secret: the server's password, or its token
 * when only that is stored, goes under both LETTA_SERVER_PASSWORD (SMCP,
 * Letta itself) and LETTA_API_KEY (doc-manager, the client), so the
 * neighbours never disagree.
 */
export function envEntries(bindings: readonly EnvBinding[], settingOf: (key: string) => Setting | undefined, active: Server | undefined) {
  const entries: EnvEntry[] = [];
  const warnings: string[] = [];
  for (const binding of bindings) {
    const setting = settingOf(binding.key);
    if (!setting || setting.value === null || setting.value === '') {
      entries.push({name: binding.name, value: null, secret: setting?.sensitive ?? isSecretSetting(binding.key, false)});
      continue;
    }
    if (setting.problem) {
      warnings.push(`${binding.name}: left out, the stored value is ${setting.problem}`);
      entries.push({name: binding.name, value: null, secret: setting.sensitive, note: `the stored value is ${setting.problem}`});
      continue;
    }
    if (binding.chosenBy === 'catalogue' && binding.placeholder !== undefined && setting.value === binding.placeholder) {
      entries.push({name: binding.name, value: null, secret: setting.sensitive, note: "the design's placeholder; set another value to export it"});
      continue;
    }
    // A path as a shell would have expanded it: the readers (Letta's LETTA_DIR) take ~ literally.
    const value = setting.category === 'paths' && setting.value.startsWith('~/') ? join(homedir(), setting.value.slice(2)) : setting.value;
    entries.push({name: binding.name, value, secret: setting.sensitive});
  }
  if (!active || active.problem) {
    if (active?.problem) warnings.push(`the active server's LETTA_* variables are left out: ${printable(active.problem)}`);
    for (const name of ['LETTA_SERVER_URL', 'LETTA_BASE_URL', 'LETTA_SERVER_PASSWORD', 'LETTA_API_KEY']) {
      entries.push({
        name,
        value: null,
        secret: name.endsWith('PASSWORD') || name.endsWith('KEY'),
        note: active ? 'the active server is not valid' : 'no active server',
      });
    }
    return {entries, warnings};
  }
  const url = serverBaseUrl(active);
  const secret = active.password || active.token || null;
  if (active.password && active.token && active.password !== active.token) {
    warnings.push(
      `server ${active.id} has both a password and a token; Letta has one secret, so its password goes under both LETTA_SERVER_PASSWORD and LETTA_API_KEY`,
    );
  }
  entries.push({name: 'LETTA_SERVER_URL', value: url, secret: false}, {name: 'LETTA_BASE_URL', value: url, secret: false});
  entries.push({name: 'LETTA_SERVER_PASSWORD', value: secret, secret: true}, {name: 'LETTA_API_KEY', value: secret, secret: true});
  return {entries, warnings};
}
