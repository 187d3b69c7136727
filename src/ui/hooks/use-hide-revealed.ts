import {useEffect} from 'react';

/** How long a revealed secret stays on screen: $SANCTUM_CONFIG_REVEAL_SECONDS (0: until the selection moves), else 30 s. */
function revealSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env.SANCTUM_CONFIG_REVEAL_SECONDS);
  return env.SANCTUM_CONFIG_REVEAL_SECONDS !== undefined && Number.isFinite(given) && given >= 0 ? given : 30;
}

/** A revealed secret is hidden again after a while: nobody leaves one on a screen on purpose. */
export function useHideRevealed(revealed: unknown, hide: () => void): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the timer starts again only when what is revealed changes
  useEffect(() => {
    const seconds = revealSeconds();
    if (revealed === undefined || seconds === 0) return;
    const timer = setTimeout(hide, seconds * 1000);
    return () => clearTimeout(timer);
  }, [revealed]);
}
