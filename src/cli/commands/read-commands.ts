import {realpathSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {UsageError} from '../../errors.js';
import {envFormats, formatEnvExport, isEnvFormat} from '../../repo/env-export.js';
import {decodeValue, hidesValue, isoTime, maskSecret, notSet, printable, quoted, type Setting} from '../../repo/index.js';
import {buildExport} from '../../repo/transfer.js';
import {writeOutput} from '../output.js';
import {formatTable, terminalWidth} from '../table.js';
import {print, printJsonArray, withStoreAt} from '../with-store.js';
import {stdoutIsTerminal, writeErr, writeOut} from '../stdio.js';

/**
 * The export's schema as this install ships it (docs/export.schema.json beside
 * dist/), as a file URL: an editor opening the export checks it as it is typed.
 */
function installedSchemaUrl(): string {
  const script = process.argv[1] ? realpathSync(process.argv[1]) : '';
  return pathToFileURL(join(dirname(script), '..', 'docs', 'export.schema.json')).href;
}

/*
 * The commands scripts call most: get, list, export. Their work lives here,
 * apart from the command tree, so main can run them without building it
 * (see fast-route.ts); the tree's actions call the same functions.
 */

/** A setting as scripts read it: typed value, secrets redacted unless revealed. */
function settingJson(setting: Setting, reveal: boolean): Record<string, unknown> {
  const hidden = hidesValue(setting.sensitive, setting.value, reveal);
  return {
    key: setting.key,
    value: hidden ? null : decodeValue(setting.type, setting.value),
    type: setting.type,
    category: setting.category,
    description: setting.description,
    sensitive: setting.sensitive,
    // Undefined leaves the field out of the JSON, as if absent (no spread of an object per setting).
    redacted: hidden ? true : undefined,
    invalid: setting.problem || undefined,
    default: setting.defaultValue ?? null,
    updated_at: isoTime(setting.updatedAt),
  };
}

/** Longest value a table shows; `get KEY` prints all of it. */
const cellLimit = 120;

function settingCell(setting: Setting, reveal: boolean): string {
  const invalid = setting.problem ? ` (invalid: ${setting.problem})` : '';
  if (hidesValue(setting.sensitive, setting.value, reveal)) return `${maskSecret(setting.value)}${invalid}`;
  if (!setting.value) return notSet;
  const value =
    setting.value.length > cellLimit
      ? `${printable(setting.value.slice(0, cellLimit))}... (${setting.value.length} characters; get ${printable(setting.key)})`
      : printable(setting.value);
  return `${value}${invalid}`;
}

/** get KEY: the raw value (secrets too: it was asked for by name). */
export function showSetting(path: string, key: string): Promise<void> {
  return withStoreAt(path, 'read', (store) => {
    const value = store.settings.require(key).value ?? '';
    // Raw for scripts; a terminal gets control characters escaped, never obeyed.
    print(stdoutIsTerminal() ? printable(value) : value);
  });
}

export type ListOptions = {readonly category?: string; readonly json?: boolean; readonly reveal?: boolean};

export function listSettings(path: string, options: ListOptions): Promise<void> {
  return withStoreAt(path, 'read', (store) => {
    if (options.category !== undefined && !store.settings.categories().includes(options.category)) {
      throw new UsageError(`no category '${options.category}'; there are: ${store.settings.categories().join(', ')}`);
    }
    const reveal = Boolean(options.reveal);
    if (options.json) return printJsonArray(store.settings.each(options.category), (s) => settingJson(s, reveal));
    const settings = store.settings.list(options.category);
    const rows = settings.map((s) => [printable(s.key), settingCell(s, reveal), printable(s.type), printable(s.category)]);
    writeOut(formatTable(['KEY', 'VALUE', 'TYPE', 'CATEGORY'], rows, terminalWidth()));
  });
}

export type ExportOptions = {readonly format?: string; readonly reveal?: boolean; readonly output?: string; readonly profile?: string};

export async function exportConfig(path: string, options: ExportOptions): Promise<void> {
  const format = String(options.format ?? 'json');
  if (format !== 'json' && !isEnvFormat(format)) {
    throw new UsageError(`--format must be json, ${envFormats.join(', ')}, not ${quoted(format)}`);
  }
  const reveal = Boolean(options.reveal);
  const profile = options.profile;
  // Another profile's values: switched to in a copy in memory, so the file is not touched.
  const {text, warnings} = await withStoreAt(path, profile === undefined ? 'read' : 'dry-run', (store) => {
    if (profile !== undefined) store.profiles.switch(profile === 'base' ? null : profile === 'current' ? store.profiles.active() : profile);
    const named = profile === undefined ? {} : {profile: store.profiles.active() ?? 'base'};
    return format === 'json'
      ? {text: `${JSON.stringify({$schema: installedSchemaUrl(), ...named, ...buildExport(store, reveal)}, null, 2)}\n`, warnings: []}
      : formatEnvExport(store.envNames.bindings(), (key) => store.settings.get(key), store.servers.active(), {reveal, format});
  });
  for (const warning of warnings) writeErr(`sanctum-config: warning: ${warning}\n`);
  writeOutput(options.output, text);
}
