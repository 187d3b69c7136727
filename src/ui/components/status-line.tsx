import {Text} from 'ink';
import {useSpinner} from '../hooks/use-spinner.js';
import type {Status} from '../shell/panel-context.js';
import {statusText} from '../screen/status-text.js';
import {usePalette} from '../theme.js';

/** Results and errors of the last action, in red and bold when an error. */
export function StatusLine({status, width}: {readonly status: Status; readonly width: number}) {
  const spinner = useSpinner(status.tone === 'busy');
  const palette = usePalette();
  return (
    <Text color={status.tone === 'error' ? palette.error : undefined} bold={status.tone === 'error'}>
      {statusText(status, width, spinner)}
    </Text>
  );
}
