import {Box, Text} from 'ink';
import {type MutableRefObject, useEffect, useLayoutEffect, useReducer, useRef} from 'react';
import {checkServer} from '../../letta/check-server.js';
import type {ConnectionReport} from '../../letta/test-connection.js';
import {describeServerUrl, type Server} from '../../repo/index.js';
import {useSpinner} from '../hooks/use-spinner.js';
import {scrollOffset} from '../keys.js';
import {type PanelEnv, statusOf} from '../shell/panel-env.js';
import {clip} from '../text-fit.js';
import {ServerForm} from './server-form.js';
import {Footer} from '../components/footer.js';
import {globalBindings} from '../shell/global-keymap.js';
import {serversBindings} from './servers-keymap.js';
import {formProblem, saveServer} from './servers-commands.js';
import {initialServersState, serversReducer} from './servers-state.js';
import {ServersTable} from './servers-table.js';
import {useServersInput} from './use-servers-input.js';

type Props = {
  readonly env: PanelEnv;
  readonly servers: readonly Server[];
  readonly width: number;
  readonly height: number;
  readonly compact: boolean;
  readonly isActive: boolean;
  readonly captureRef: MutableRefObject<boolean>;
};

/** One line for the status bar about a finished test. */
export function describeReport(id: number, report: ConnectionReport): string {
  const facts = [
    report.detail,
    report.httpStatus === undefined ? undefined : `HTTP ${report.httpStatus}`,
    report.ms === undefined ? undefined : `${report.ms} ms`,
  ].filter(Boolean);
  return `server ${id}: ${report.outcome} · ${facts.join(' · ')}`;
}

/** The Servers tab: every Letta connection, its form, activation and the connection test. */
export function ServersPanel({env, servers, width, height, compact, isActive, captureRef}: Props) {
  const [rawState, dispatch] = useReducer(serversReducer, initialServersState);
  const page = Math.max(1, height - 3);
  const selected = Math.max(0, Math.min(rawState.selected, servers.length - 1));
  const state = {...rawState, selected};
  const offset = scrollOffset(state.offset, selected, page, servers.length);
  const spinner = useSpinner(state.testing !== undefined);
  const running = useRef<AbortController | undefined>(undefined);
  const {mode} = state;

  useLayoutEffect(() => {
    captureRef.current = mode.kind !== 'browse';
  }, [mode.kind, captureRef]);
  // Leaving the tab or quitting ends a running test.
  useEffect(() => () => running.current?.abort(new Error('closed')), []);

  const startTest = (server: Server) => {
    if (server.problem) return env.setStatus({tone: 'error', text: `server ${server.id} cannot be tested: ${server.problem}`});
    const controller = new AbortController();
    running.current = controller;
    dispatch({type: 'testStarted', id: server.id});
    env.setStatus({tone: 'busy', text: `testing ${describeServerUrl(server)} (Esc cancels)`});
    checkServer(env.store, server, controller.signal).then(
      (report) => {
        if (controller.signal.aborted) return;
        running.current = undefined;
        dispatch({type: 'testFinished', id: server.id, report});
        env.setStatus({tone: report.outcome === 'ok' ? 'info' : 'error', text: describeReport(server.id, report)});
        env.refresh();
      },
      (error: unknown) => {
        running.current = undefined;
        dispatch({type: 'testFinished', id: server.id});
        const cancelled = controller.signal.aborted;
        env.setStatus({tone: cancelled ? 'info' : 'error', text: cancelled ? 'test cancelled' : `test failed: ${(error as Error).message}`});
      },
    );
  };
  const cancelTest = () => running.current?.abort(new Error('cancelled'));

  useServersInput({env, state, dispatch, rows: servers, page, isActive, startTest, cancelTest});

  if (mode.kind === 'form') {
    const problem = formProblem(env.store, mode.form);
    const submit = () => {
      if (problem) return env.setStatus({tone: 'error', text: `cannot save: ${problem}`});
      const outcome = saveServer(env.store, mode.form);
      env.setStatus(statusOf(outcome));
      if (outcome.ok) {
        dispatch({type: 'browse'});
        env.refresh();
      }
    };
    return (
      <Box height={height} flexDirection="column">
        <ServerForm
          form={mode.form}
          problem={problem}
          width={width}
          isActive={isActive}
          onChange={(value) => dispatch({type: 'changeField', value})}
          onSubmit={submit}
        />
      </Box>
    );
  }

  const current = servers[selected];
  const detail = (() => {
    if (mode.kind === 'confirm-delete') return <Text bold>{clip(`Delete server ${mode.id}? y / n`, width)}</Text>;
    if (!current) return <Text dimColor> </Text>;
    const result = state.results[current.id];
    const facts = [
      describeServerUrl(current),
      current.active ? 'active' : 'inactive (Space activates)',
      `last connected ${current.lastConnectedAt ?? 'never'}`,
      result ? `test: ${result.outcome}, ${result.detail}` : undefined,
    ].filter(Boolean);
    return <Text dimColor>{clip(facts.join(' · '), width)}</Text>;
  })();

  return (
    <Box height={height} flexDirection="column">
      <ServersTable
        rows={servers.slice(offset, offset + page)}
        selected={selected - offset}
        revealed={state.revealed}
        results={state.results}
        testing={state.testing}
        spinner={spinner}
        width={width}
        compact={compact}
        height={page}
      />
      <Box flexGrow={1} />
      {detail}
      <Footer
        bindings={[...serversBindings, ...globalBindings]}
        readOnly={env.readOnly}
        width={width}
        hint={mode.kind === 'confirm-delete' ? 'y delete · n keep' : state.testing !== undefined ? 'Esc cancel the test' : undefined}
      />
    </Box>
  );
}
