import {Text} from 'ink';
import {useSpinner} from '../hooks/use-spinner.js';
import type {Status} from '../shell/panel-context.js';
import {statusText} from '../screen/status-text.js';

/** Results and errors of the last action, in red and bold when an error. */
export function StatusLine({status, width}: {readonly status: Status; readonly width: number}) {
  const spinner = useSpinner(status.tone === 'busy');
  return (
    <Text color={status.tone === 'error' ? 'red' : undefined} bold={status.tone === 'error'}>
      {statusText(status, width, spinner)}
    </Text>
  );
}
