import {Box, Text} from 'ink';
import {useMemo, useReducer} from 'react';
import {describeServerUrl, type Server} from '../../repo/index.js';
import {footerText} from '../bindings/binding.js';
import {useSpinner} from '../hooks/use-spinner.js';
import {listWindow} from '../list/list-cursor.js';
import {ListLayout} from '../list/list-layout.js';
import type {PanelContext} from '../shell/panel-context.js';
import type {ShellControls} from '../shell/shell-keys.js';
import {clip} from '../text-fit.js';
import {ServerForm} from './server-form.js';
import {formProblem} from './servers-actions.js';
import {initialServersState, serversReducer} from './servers-state.js';
import {ServersTable} from './servers-table.js';
import {useConnectionTest} from './use-connection-test.js';
import {useServersKeys} from './use-servers-keys.js';

type Props = {
  readonly panel: PanelContext;
  readonly shell: ShellControls;
  readonly servers: readonly Server[];
  readonly width: number;
  readonly height: number;
  readonly compact: boolean;
  readonly isActive: boolean;
};

/** The Servers tab: every Letta connection, its form, activation and the connection test. Renders only. */
export function ServersPanel({panel, shell, servers, width, height, compact, isActive}: Props) {
  const [state, dispatch] = useReducer(serversReducer, initialServersState);
  const page = Math.max(1, height - 3);
  const {selected, offset, visible, current} = listWindow(state, servers, page);
  const tests = useConnectionTest(panel);
  const spinner = useSpinner(tests.testing !== undefined);
  const form = state.mode.kind === 'form' ? state.mode.form : undefined;
  // The base is the row as listed: checking the form reads nothing from the database.
  const problem = useMemo(() => (form ? formProblem(form, servers.find((s) => s.id === form.id)) : undefined), [form, servers]);
  const {table, ctx} = useServersKeys({
    panel, shell, state: {...state, selected}, dispatch, rows: servers, current, page, tests, formProblem: problem, isActive,
  });
  const footer = footerText(table, ctx, panel.readOnly);
  const {mode} = state;

  if (form) {
    return (
      <Box height={height} flexDirection="column">
        <ServerForm form={form} problem={problem} width={width} isActive={isActive} footer={footer} onChange={(value) => dispatch({type: 'changeField', value})} />
      </Box>
    );
  }

  const detail = (() => {
    if (mode.kind === 'confirm-delete') return <Text bold>{clip(`Delete server ${mode.id}? y / n`, width)}</Text>;
    if (!current) return <Text dimColor> </Text>;
    const result = tests.results[current.id];
    const facts = [
      describeServerUrl(current),
      current.active ? 'active' : 'inactive (Space activates)',
      `last connected ${current.lastConnectedAt ?? 'never'}`,
      result ? `test: ${result.outcome}, ${result.detail}` : undefined,
    ].filter(Boolean);
    return <Text dimColor>{clip(facts.join(' · '), width)}</Text>;
  })();

  return (
    <ListLayout
      height={height}
      width={width}
      footer={footer}
      detail={detail}
      table={
        <ServersTable
          rows={visible}
          selected={selected - offset}
          revealed={state.revealed}
          results={tests.results}
          testing={tests.testing}
          spinner={spinner}
          width={width}
          compact={compact}
          height={page}
        />
      }
    />
  );
}
