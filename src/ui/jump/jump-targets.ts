import {categoryLabel, describeServerUrl, hidesValue, maskSecret, printable, type Server, type Setting} from '../../repo/index.js';
import {displayValue} from '../../repo/index.js';

/** Somewhere the jump can go: a setting on its tab, or a server on the Servers tab. */
export type JumpTarget =
  | {readonly kind: 'setting'; readonly category: string; readonly key: string; readonly label: string; readonly text: string}
  | {readonly kind: 'server'; readonly id: number; readonly label: string; readonly text: string};

/**
 * Every setting and server as the jump searches them: by key, description and
 * value (a secret by its key only: its value is never searched, so a match
 * cannot leak it), a server by id, name and address. Labels are printable.
 */
export function jumpTargets(settings: readonly Setting[], servers: readonly Server[]): JumpTarget[] {
  const fromSettings = settings.map((s): JumpTarget => {
    const secret = hidesValue(s.sensitive, s.value, false);
    const shown = secret ? maskSecret(s.value) : displayValue(s.type, s.value);
    const searched = [s.key, s.description ?? '', secret ? '' : (s.value ?? '')].join('\n');
    return {
      kind: 'setting',
      category: s.category,
      key: s.key,
      label: printable(`${categoryLabel(s.category)}: ${s.key} = ${shown}`),
      text: searched.toLowerCase(),
    };
  });
  const fromServers = servers.map((s): JumpTarget => {
    const name = s.name ? ` ${s.name}` : '';
    return {
      kind: 'server',
      id: s.id,
      label: printable(`Servers: server ${s.id}${name} ${describeServerUrl(s)}${s.active ? ' (active)' : ''}`),
      text: [`server ${s.id}`, s.name ?? '', s.address, String(s.port ?? '')].join('\n').toLowerCase(),
    };
  });
  return [...fromSettings, ...fromServers];
}

/** The targets a query finds: those whose key or name starts with it first, then any that holds it. */
export function findTargets(targets: readonly JumpTarget[], query: string): JumpTarget[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const starts: JumpTarget[] = [];
  const holds: JumpTarget[] = [];
  for (const target of targets) {
    if (!target.text.includes(needle)) continue;
    (target.text.startsWith(needle) ? starts : holds).push(target);
  }
  return [...starts, ...holds];
}
