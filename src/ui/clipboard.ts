/**
 * The OSC 52 sequence that asks the terminal to put `text` on the clipboard;
 * it travels over SSH. Inside tmux it is also wrapped for passthrough, in case
 * tmux's set-clipboard is off.
 */
export function clipboardSequence(text: string, env: NodeJS.ProcessEnv = process.env): string {
  const osc = `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
  if (!env.TMUX) return osc;
  return `${osc}\u001bPtmux;${osc.replace(/\u001b/g, '\u001b\u001b')}\u001b\\`;
}

/**
 * What copying did, said as it is: the app can only ask the terminal (OSC 52),
 * and tmux by default (set-clipboard external) drops the request.
 */
export function copiedMessage(what: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.TMUX) return `sent ${what} via OSC 52; tmux passes it on only with set-clipboard on or allow-passthrough on`;
  return `sent ${what} to the terminal's clipboard (OSC 52; some terminals ignore it)`;
}
