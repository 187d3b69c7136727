/** Whether the input being handled right now was pasted: set by keypressStdin before it delivers each one. */
let pasting = false;

export const inputIsPaste = () => pasting;

export function markInput(paste: boolean): void {
  pasting = paste;
}

/** Closed while the screen is too small to draw: keys then reach nothing hidden, except Ctrl-C. */
let gateOpen = true;

export function setInputGate(open: boolean): void {
  gateOpen = open;
}

export const passesGate = (key: string) => gateOpen || key === '\u0003';
