import {useCallback, useEffect, useRef, useState} from 'react';
import {outcomeWord} from './test-results.js';
import {testAndRecord} from '../../letta/test-and-record.js';
import type {ConnectionReport} from '../../letta/test-connection.js';
import {describeServerUrl, type Server} from '../../repo/index.js';
import type {PanelContext} from '../shell/panel-context.js';

export type ConnectionTests = {
  /** The server whose test is running. */
  readonly testing?: number;
  /** The latest report per server this session. */
  readonly results: Readonly<Record<number, ConnectionReport>>;
  /** When the running test started (ms since the epoch), for its elapsed seconds. */
  readonly startedAt?: number;
  readonly start: (server: Server) => void;
  /** Test these one after the other. */
  readonly startAll: (servers: readonly Server[]) => void;
  readonly cancel: () => void;
  /** A test that ran elsewhere (the setup wizard's): its result is this session's too. */
  readonly remember: (serverId: number, report: ConnectionReport) => void;
};

/** One line for the status bar about a finished test. */
function describeReport(id: number, report: ConnectionReport): string {
  const facts = [
    report.detail,
    report.httpStatus === undefined ? undefined : `HTTP ${report.httpStatus}`,
    report.ms === undefined ? undefined : `${report.ms} ms`,
  ].filter(Boolean);
  return `server ${id}: ${outcomeWord(report)} · ${facts.join(' · ')}`;
}

/**
 * Connection tests, outside the view: this hook owns the AbortController and
 * the promise, and hands back state. Leaving the tab or quitting ends a test.
 */
export function useConnectionTest(panel: PanelContext): ConnectionTests {
  const [testing, setTesting] = useState<number | undefined>(undefined);
  const [startedAt, setStartedAt] = useState<number | undefined>(undefined);
  const queue = useRef<Server[]>([]);
  // The outcomes of a test-all so far; it ends with a summary of them, not with the last server's line.
  const batch = useRef<string[] | undefined>(undefined);
  const [results, setResults] = useState<Readonly<Record<number, ConnectionReport>>>({});
  const running = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => running.current?.abort(new Error('closed')), []);

  const start = useCallback(
    (server: Server) => {
      const controller = new AbortController();
      running.current = controller;
      setTesting(server.id);
      setStartedAt(Date.now());
      const next = () => {
        const following = queue.current.shift();
        if (following) return start(following);
        const outcomes = batch.current;
        batch.current = undefined;
        if (!outcomes || outcomes.length < 2) return;
        const counts = [...new Set(outcomes)].map((o) => `${outcomes.filter((x) => x === o).length} ${o}`);
        const bad = outcomes.some((o) => o !== 'ok' && o !== 'open');
        panel.setStatus({tone: bad ? 'error' : 'info', text: `tested ${outcomes.length} servers: ${counts.join(', ')}`});
      };
      panel.setStatus({tone: 'busy', text: `testing ${describeServerUrl(server)} (Esc cancels)`});
      testAndRecord(panel.store, server, controller.signal).then(
        (report) => {
          if (controller.signal.aborted) return;
          running.current = undefined;
          setTesting(undefined);
          setResults((all) => ({...all, [server.id]: report}));
          batch.current?.push(outcomeWord(report));
          panel.setStatus({tone: report.outcome === 'ok' ? 'info' : 'error', text: describeReport(server.id, report)});
          panel.refresh();
          next();
        },
        (error: unknown) => {
          running.current = undefined;
          setTesting(undefined);
          const cancelled = controller.signal.aborted;
          if (cancelled) {
            queue.current = [];
            batch.current = undefined;
          } else batch.current?.push('failed');
          panel.setStatus({tone: cancelled ? 'info' : 'error', text: cancelled ? 'test cancelled' : `test failed: ${(error as Error).message}`});
          if (!cancelled) next();
        },
      );
    },
    [panel],
  );
  const startAll = useCallback(
    (servers: readonly Server[]) => {
      const [first, ...rest] = servers.filter((s) => !s.problem);
      if (!first) return panel.setStatus({tone: 'info', text: 'no server to test'});
      queue.current = rest;
      batch.current = [];
      start(first);
    },
    [panel, start],
  );
  const cancel = useCallback(() => running.current?.abort(new Error('cancelled')), []);
  const remember = useCallback((serverId: number, report: ConnectionReport) => setResults((all) => ({...all, [serverId]: report})), []);
  return {testing, startedAt, results, start, startAll, cancel, remember};
}
