import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

export type TerminalSize = {readonly columns: number; readonly rows: number};

/** The terminal's size, following resizes; `fixed` pins it (tests). */
export function useTerminalSize(fixed?: TerminalSize): TerminalSize {
  const {stdout} = useStdout();
  const read = (): TerminalSize => fixed ?? {columns: stdout.columns || 80, rows: stdout.rows || 24};
  const [size, setSize] = useState(read);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read() only reads stdout and fixed, which are the dependencies
  useEffect(() => {
    if (fixed) return;
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, fixed]);
  return fixed ?? size;
}
