import type {Status} from '../shell/panel-context.js';
import {clip} from '../text-fit.js';

/** What the status line says when the app opens. */
/** What the app says first; `readOnlyWhy` says why it is read-only when the file itself is the reason. */
export const openingStatus = (readOnly: boolean, readOnlyWhy?: string): Status => ({
  tone: readOnly ? 'error' : 'info',
  text: readOnly ? `read-only: ${readOnlyWhy ?? 'browsing only; editing keys are off'}` : 'press ? for help',
});

/** Results and errors of the last action; errors start with "!" so they read without colour. */
export function statusText(status: Status, width: number, spinner: string): string {
  const prefix = status.tone === 'error' ? '! ' : status.tone === 'busy' ? `${spinner} ` : '';
  return clip(status.text ? `${prefix}${status.text}` : ' ', width) || ' ';
}
