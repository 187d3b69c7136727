/** Same width whatever the secret, so a glance never tells its length. */
export const secretMask = '********';
export const notSet = '(not set)';

/** How a secret shows anywhere it is displayed without being revealed. */
export function maskSecret(value: string | null | undefined): string {
  return value ? secretMask : notSet;
}

/**
 * The one rule for hiding a value: it is secret, it holds something, and the
 * person did not ask to see it. An empty secret reveals nothing, so it shows
 * as "(not set)". Every output (terminal, JSON, export, history) asks this.
 */
export function hidesValue(secret: boolean, value: unknown, reveal: boolean): boolean {
  return secret && !reveal && value !== null && value !== undefined && value !== '';
}
