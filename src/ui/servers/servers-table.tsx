import {Box, Text} from 'ink';
import type {ConnectionReport} from '../../letta/test-connection.js';
import type {Server} from '../../repo/index.js';
import {fit} from '../text-fit.js';
import {authSummary} from './servers-actions.js';
import {usePalette} from '../theme.js';
import {currentResult, outcomeWord} from './test-results.js';

type Props = {
  readonly rows: readonly Server[];
  readonly selected: number;
  readonly revealed?: number;
  readonly results: Readonly<Record<number, ConnectionReport>>;
  readonly testing?: number;
  readonly spinner: string;
  readonly width: number;
  readonly compact: boolean;
  readonly height: number;
};

/** The latest test result when there is one this session, else when it last connected. */
function connectionCell(server: Server, result: ConnectionReport | undefined, testing: boolean, spinner: string): string {
  if (testing) return `${spinner} testing`;
  if (result) return `${outcomeWord(result)}${result.ms === undefined ? '' : ` ${result.ms}ms`}`;
  return server.lastConnectedAt ? server.lastConnectedAt.slice(0, 16) : 'never';
}

export function ServersTable({rows, selected, revealed, results, testing, spinner, width, compact, height}: Props) {
  const palette = usePalette();
  const widths = compact ? {id: 3, name: 0, port: 5, auth: 0, timeout: 0, state: 0} : {id: 3, name: 10, port: 5, auth: 14, timeout: 4, state: 16};
  const fixedOf = () => 4 + widths.id + 1 + widths.port + 1 + (compact ? 0 : widths.name + widths.auth + widths.timeout + widths.state + 4);
  // The address matters most: NAME and AUTH give way first.
  while (!compact && width - fixedOf() < 18 && (widths.name > 4 || widths.auth > 6)) {
    if (widths.name > 4) widths.name--;
    if (widths.auth > 6 && width - fixedOf() < 18) widths.auth--;
  }
  const address = Math.max(6, width - fixedOf());
  const line = (cells: {mark: string; id: string; name: string; address: string; port: string; auth: string; timeout: string; state: string}) =>
    compact
      ? `${cells.mark} ${fit(cells.id, widths.id)} ${fit(cells.address, address)} ${fit(cells.port, widths.port)}`
      : `${cells.mark} ${fit(cells.id, widths.id)} ${fit(cells.name, widths.name)} ${fit(cells.address, address)} ` +
        `${fit(cells.port, widths.port)} ${fit(cells.auth, widths.auth)} ${fit(cells.timeout, widths.timeout)} ${fit(cells.state, widths.state)}`;
  const header = line({mark: '   ', id: 'ID', name: 'NAME', address: 'ADDRESS', port: 'PORT', auth: 'AUTH', timeout: 'TIME', state: 'CONNECTION'});
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text bold wrap="truncate-end">
        {header.trimEnd()}
      </Text>
      {rows.length === 0 ? <Text dimColor>{'  no servers (n adds one)'}</Text> : null}
      {rows.map((server, i) => {
        const isSelected = i === selected;
        const text = line({
          mark: `${isSelected ? '>' : ' '} ${server.active ? '*' : ' '}`,
          id: String(server.id),
          name: server.name ?? '',
          address: server.address,
          port: String(server.port),
          auth: authSummary(server, revealed === server.id),
          timeout: server.timeout === null ? '' : `${server.timeout}s`,
          state: connectionCell(server, currentResult(server, results), testing === server.id, spinner),
        });
        // The outcome reads as a word; colour only repeats it, on that word alone, and not on the selected row (inverse).
        const result = currentResult(server, results);
        const outcome = result && outcomeWord(result);
        const color =
          testing === server.id || isSelected
            ? undefined
            : outcome === 'ok'
              ? palette.ok
              : outcome === 'timeout' || outcome === 'open'
                ? palette.warn
                : outcome
                  ? palette.error
                  : undefined;
        const state = compact ? '' : text.slice(text.length - widths.state);
        const before = compact ? text : text.slice(0, text.length - widths.state);
        return (
          <Text key={server.id} inverse={isSelected} wrap="truncate-end">
            {state ? before : before.trimEnd()}
            {state ? <Text color={color}>{state.trimEnd()}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}
