import {lstatSync, mkdirSync, readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, join} from 'node:path';
import {StoreError, UsageError} from '../errors.js';
import {pathKind, writePrivateFileAtomic} from '../db/private-file.js';
import type {ConfigStore} from './config-store.js';
import {type EnvDialect, envDialects} from './env-dialects.js';
import {envEntries} from './env-entries.js';
import {type EnvFileChange, mergeEnvFile} from './env-file.js';
import {printable} from './value-codec.js';

/** ~/.letta/.env: the file Letta, SMCP and both bootstraps' launchers read. */
const defaultEnvFilePath = () => join(homedir(), '.letta', '.env');

/** Which dialect the file's readers need, and why: the launcher that reads ~/.letta/.env decides. */
function chooseDialect(path: string, given: string | undefined): {dialect: EnvDialect; why: string} {
  if (given !== undefined) {
    if (!(envDialects as readonly string[]).includes(given)) throw new UsageError(`--dialect must be plain or export, not ${printable(given)}`);
    return {dialect: given as EnvDialect, why: 'as --dialect says'};
  }
  if (path === defaultEnvFilePath()) {
    const launcher = join(homedir(), 'launch_letta.sh');
    const text = pathKind(launcher) === 'file' ? readFileSync(launcher, 'utf8') : '';
    if (/--env-file\s+\S*\.letta\/\.env/.test(text)) {
      return {dialect: 'plain', why: '~/launch_letta.sh passes it to docker run --env-file, which reads plain KEY=value lines'};
    }
    if (text) return {dialect: 'export', why: '~/launch_letta.sh sources it without set -a: only export lines reach Letta (and SMCP reads only those)'};
  }
  return {dialect: 'export', why: 'no Docker launcher reads it: export lines reach Letta through a shell, SMCP, python-dotenv and npm dotenv'};
}

/** The file as it is: a regular file or nothing (a FIFO planted there must not block us, a link must not redirect us). */
function currentText(path: string): string | undefined {
  const kind = pathKind(path);
  if (kind === 'missing') return undefined;
  if (kind !== 'file') throw new StoreError(`will not read ${printable(path)}: it is not a regular file`);
  return readFileSync(path, 'utf8');
}

export type EnvFilePlan = {
  readonly path: string;
  readonly dialect: EnvDialect;
  readonly why: string;
  readonly before: string | undefined;
  readonly text: string;
  readonly changes: readonly EnvFileChange[];
  readonly kept: readonly EnvFileChange[];
  readonly warnings: readonly string[];
  readonly drifted: boolean;
};

/** What `env-file sync` would write: throws a ValidationError (nothing written) when a value does not fit the dialect. */
export function planEnvFileSync(store: ConfigStore, path = defaultEnvFilePath(), dialectOption?: string): EnvFilePlan {
  const {dialect, why} = chooseDialect(path, dialectOption);
  const {bindings, problems} = store.envNames.bindings();
  const {entries, warnings} = envEntries(bindings, (key) => store.settings.get(key), store.servers.active());
  const shown = path === defaultEnvFilePath() ? '~/.letta/.env' : printable(path);
  const heading = `# ${shown}: written by sanctum-config env-file sync (${dialect} lines: ${why})`;
  const before = currentText(path);
  const merged = mergeEnvFile(before, entries, dialect, heading);
  return {path, dialect, why, before, ...merged, warnings: [...problems, ...warnings], drifted: before !== merged.text};
}

/** Write the plan's text: atomically, 0600 from the first byte, only over a regular file of ours. */
export function writeEnvFile(plan: EnvFilePlan): void {
  if (pathKind(plan.path) === 'file' && lstatSync(plan.path).uid !== process.getuid?.()) {
    throw new StoreError(`will not write ${printable(plan.path)}: another user owns it`);
  }
  mkdirSync(dirname(plan.path), {recursive: true, mode: 0o700});
  writePrivateFileAtomic(plan.path, plan.text);
}

/** For the app: whether ~/.letta/.env exists and differs from what a sync writes (never throws). */
export function envFileDrift(store: ConfigStore): {readonly drifted: boolean; readonly problem?: string} | undefined {
  if (pathKind(defaultEnvFilePath()) === 'missing') return undefined;
  try {
    return {drifted: planEnvFileSync(store).drifted};
  } catch (error) {
    return {drifted: true, problem: (error as Error).message};
  }
}

/**
 * What a sync of ~/.letta/.env would write after a change that the file must
 * follow (a profile switch), when that file is in use (it exists); undefined
 * when it is not. Throws as a sync would (a value the dialect cannot carry).
 */
export function followingEnvFile(store: ConfigStore): EnvFilePlan | undefined {
  if (pathKind(defaultEnvFilePath()) === 'missing') return undefined;
  return planEnvFileSync(store);
}
