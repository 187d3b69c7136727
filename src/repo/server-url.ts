import {addressParts} from './rules.js';

/**
 * The base URL of a server: its scheme when the address has one (else http),
 * host (IPv6 in brackets), and always the stored port. Throws a
 * ValidationError for an address that is not one (another program wrote it).
 */
export function serverBaseUrl(server: {readonly address: string; readonly port: number}): string {
  const {protocol, host} = addressParts(server.address);
  return `${protocol}://${host}:${server.port}`;
}

/** The URL for a person to read: the base URL, or why the stored address cannot make one. */
export function describeServerUrl(server: {readonly address: string; readonly port: number; readonly problem?: string}): string {
  if (server.problem) return `invalid: ${server.problem}`;
  try {
    return serverBaseUrl(server);
  } catch (error) {
    return `invalid: ${(error as Error).message}`;
  }
}
