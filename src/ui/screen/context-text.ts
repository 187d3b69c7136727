import {homedir} from 'node:os';
import type {ConnectionReport} from '../../letta/test-connection.js';
import {describeServerUrl, type Server} from '../../repo/index.js';
import {clip} from '../text-fit.js';
import {outcomeWord} from '../servers/test-results.js';

/** The database path for a header: the home directory as ~, and the front cut when it is long. */
function shortPath(path: string, room: number): string {
  const home = homedir();
  const short = home && path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
  return short.length <= room ? short : `…${short.slice(short.length - room + 1)}`;
}

export type ContextProps = {
  readonly path: string;
  readonly active: Server | undefined;
  readonly result?: ConnectionReport;
  readonly testing: boolean;
  readonly readOnly: boolean;
  readonly width: number;
  /** What the panel beside us leaves open (its published API keys): said in the header while it holds. */
  readonly warning?: string;
};

/** Where you are: the file, the active Letta server and what its last test found, read-only or not. */
export function contextLineText({path, active, result, testing, readOnly, width, warning}: ContextProps): string {
  const server = !active
    ? 'no active Letta server'
    : `Letta ${describeServerUrl(active)} (${testing ? 'testing...' : result ? outcomeWord(result) : active.lastConnectedAt ? `ok ${active.lastConnectedAt.slice(0, 16)}` : 'not tested'})`;
  const tail = `${server}${readOnly ? ' · read-only' : ''}${warning ? ` · ! ${warning}` : ''}`;
  const room = Math.max(8, width - tail.length - 3);
  return clip(`${shortPath(path, Math.min(room, 40))} · ${tail}`, width);
}
