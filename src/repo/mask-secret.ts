/** Same width whatever the secret, so a glance never tells its length. */
export const secretMask = '********';
export const notSet = '(not set)';

/** How a secret shows anywhere it is displayed without being revealed. */
export function maskSecret(value: string | null | undefined): string {
  return value ? secretMask : notSet;
}
