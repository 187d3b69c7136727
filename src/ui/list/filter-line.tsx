import {Box, Text} from 'ink';
import {LineInput} from '../components/line-input.js';

type Props = {readonly filter: string; readonly focus: boolean; readonly width: number; readonly onChange: (filter: string) => void};

/** The line a list's filter is typed on. */
export function FilterLine({filter, focus, width, onChange}: Props) {
  return (
    <Box height={1} overflow="hidden">
      <Text>/</Text>
      <LineInput value={filter} focus={focus} room={width - 1} onChange={onChange} />
    </Box>
  );
}
