/** Both ends on a terminal: the only case where the app may wait for keys. */
export function hasTerminal(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY);
}
