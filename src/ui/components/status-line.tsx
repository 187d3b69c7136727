import {Text} from 'ink';
import {useSpinner} from '../hooks/use-spinner.js';
import type {Status} from '../shell/panel-context.js';
import {clip} from '../text-fit.js';

/** Results and errors of the last action; errors start with "!" so they read without colour. */
export function StatusLine({status, width}: {readonly status: Status; readonly width: number}) {
  const spinner = useSpinner(status.tone === 'busy');
  const prefix = status.tone === 'error' ? '! ' : status.tone === 'busy' ? `${spinner} ` : '';
  return (
    <Text color={status.tone === 'error' ? 'red' : undefined} bold={status.tone === 'error'}>
      {clip(status.text ? `${prefix}${status.text}` : ' ', width) || ' '}
    </Text>
  );
}
