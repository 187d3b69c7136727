import {listPage} from '../screen/layout.js';
import {useHideRevealed} from '../hooks/use-hide-revealed.js';
import {useSettledSelection} from '../list/use-settled-selection.js';
import {currentResult, outcomeWord} from './test-results.js';
import {Box, Text} from 'ink';
import {useMemo, useReducer} from 'react';
import {describeServerUrl, printable, type Server} from '../../repo/index.js';
import {footerText} from '../bindings/binding.js';
import {useSpinner} from '../hooks/use-spinner.js';
import {filterRows, listTableProps, listWindow} from '../list/list-cursor.js';
import {FilterLine} from '../list/filter-line.js';
import {ListLayout, type ListPanelProps} from '../list/list-layout.js';
import {useListKeys} from '../list/use-list-keys.js';
import {clip} from '../text-fit.js';
import {ServerForm} from './server-form.js';
import {HistoryView} from '../history/history-view.js';
import {deleteServer, formProblem, movedFields} from './servers-actions.js';
import {serversKeysFor} from './servers-keys.js';
import {initialServersState, serversReducer, type ServersState} from './servers-state.js';
import {ServersTable} from './servers-table.js';
import type {ConnectionTests} from './use-connection-test.js';

const idOf = (server: Server) => server.id;

type Props = ListPanelProps & {
  /** The connection tests: the shell's, so a running test survives a tab switch. */
  readonly tests: ConnectionTests;
  readonly servers: readonly Server[];
  /** Where the tab keeps its selection while another tab is shown. */
  readonly memory: {current?: ServersState};
};

/** The Servers tab: every Letta connection, its form, activation and the connection test. Renders only. */
export function ServersPanel({panel, shell, tests, servers, width, height, compact, isActive, memory}: Props) {
  const [state, dispatch] = useReducer(serversReducer, memory.current ?? initialServersState);
  memory.current = {...state, mode: {kind: 'browse'}, revealed: undefined};
  useHideRevealed(state.revealed, () => state.revealed !== undefined && dispatch({type: 'toggleReveal', id: state.revealed}));
  const page = listPage(height);
  const rows = useMemo(() => filterRows(servers, state.filter, (s) => [String(s.id), s.name, s.address]), [servers, state.filter]);
  const window = listWindow(state, rows, page, idOf);
  useSettledSelection(window, dispatch);
  const {current} = window;
  const spinner = useSpinner(tests.testing !== undefined);
  const form = state.mode.kind === 'form' ? state.mode.form : undefined;
  // The base is the row as listed: checking the form reads nothing from the database.
  const problem = useMemo(
    () =>
      form
        ? formProblem(
            form,
            servers.find((s) => s.id === form.id),
          )
        : undefined,
    [form, servers],
  );
  const table = serversKeysFor(state);
  const ctx = useListKeys({
    table,
    extra: {tests, formProblem: problem, rows},
    panel,
    shell,
    state: {...state, selected: window.selected},
    dispatch,
    rows,
    idOf,
    current,
    page,
    isActive,
    remove: (id: number) => deleteServer(panel.store, id),
  });
  const moved = form
    ? movedFields(
        form,
        servers.find((s) => s.id === form.id),
      )
    : [];
  const gone = form?.id !== undefined && !servers.some((s) => s.id === form.id);
  // What another program did to this server meanwhile, said at once (not on save).
  const notice = gone
    ? `! server ${form!.id} was deleted by another program`
    : moved.length && !form?.conflict
      ? `! changed by another program: ${moved.join(', ')}`
      : '';
  const footer = footerText(table, ctx, panel.readOnly, width, notice);
  const {mode} = state;

  if (state.mode.kind === 'history') {
    return (
      <HistoryView
        panel={panel}
        target={{serverId: state.mode.id}}
        revision={servers}
        width={width}
        height={height}
        isActive={isActive}
        onClose={() => dispatch({type: 'browse'})}
      />
    );
  }

  if (form) {
    return (
      <Box height={height} flexDirection="column">
        <ServerForm
          form={form}
          problem={problem}
          width={width}
          isActive={isActive && !form.conflict && !form.askingDiscard}
          footer={footer}
          onChange={(value) => dispatch({type: 'changeField', value})}
        />
      </Box>
    );
  }

  const detail = (() => {
    if (mode.kind === 'confirm-delete') {
      const row = servers.find((s) => s.id === mode.id);
      const what = row ? [row.name ? printable(row.name) : '', describeServerUrl(row), row.active ? 'the active one' : ''].filter(Boolean).join(', ') : '';
      return <Text bold>{clip(`Delete server ${mode.id}${what ? ` (${what})` : ''}? y / n`, width)}</Text>;
    }
    if (mode.kind === 'filter')
      return <FilterLine filter={state.filter} focus={isActive} width={width} onChange={(filter) => dispatch({type: 'changeFilter', filter})} />;
    if (!current) return <Text dimColor>{clip(state.filter ? `nothing matches "${state.filter}" (Esc clears it)` : ' ', width) || ' '}</Text>;
    const result = currentResult(current, tests.results);
    const facts = [
      describeServerUrl(current),
      current.active ? 'active' : 'inactive (Space activates)',
      `last connected ${current.lastConnectedAt ?? 'never'}`,
      result ? `test: ${outcomeWord(result)}, ${result.detail}` : undefined,
    ].filter(Boolean);
    if (state.filter) facts.unshift(`filter "${state.filter}": ${rows.length} of ${servers.length}`);
    return <Text dimColor>{clip(facts.join(' · '), width)}</Text>;
  })();

  const tableProps = listTableProps(state, window, {width, compact, page});
  const elapsed = tests.startedAt === undefined ? 0 : Math.floor((Date.now() - tests.startedAt) / 1000);
  const table_ = <ServersTable {...tableProps} results={tests.results} testing={tests.testing} spinner={`${spinner} ${elapsed}s`} />;
  return <ListLayout {...{height, width, footer, detail}} table={table_} />;
}
