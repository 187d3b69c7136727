/** Whether the input being handled right now was pasted: set by keypressStdin before it delivers each one. */
let pasting = false;

export const inputIsPaste = () => pasting;

export function markInput(paste: boolean): void {
  pasting = paste;
}

/** Closed while the screen is too small to draw: keys then reach nothing hidden (Ctrl-C and Ctrl-Z act before the gate). */
let gateOpen = true;

export function setInputGate(open: boolean): void {
  gateOpen = open;
}

export const inputGateOpen = () => gateOpen;

/** The app's whole-screen redraw, for a resume after Ctrl-Z (the screen it drew on is gone). */
let redrawListener: (() => void) | undefined;

export function onRedrawRequest(listener: (() => void) | undefined): void {
  redrawListener = listener;
}

export const requestRedraw = () => redrawListener?.();

/** Held while a write waits for another writer: keys typed meanwhile wait too, then act in order. */
let held = false;
let release: (() => void) | undefined;

export const inputHeld = () => held;

export function holdInput(hold: boolean): void {
  held = hold;
  if (!hold) release?.();
}

export function onInputRelease(listener: () => void): void {
  release = listener;
}
