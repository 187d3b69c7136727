import {useEffect, useState} from 'react';

const frames = ['|', '/', '-', '\\'];

/** A one-character spinner that turns only while `active`; plain ASCII for any terminal. */
export function useSpinner(active: boolean): string {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setFrame((f) => (f + 1) % frames.length), 120);
    return () => clearInterval(timer);
  }, [active]);
  return frames[frame]!;
}
