import {isIP} from 'node:net';

/**
 * The base URL of a server: its scheme when the address has one (else http),
 * host, and always the stored port; bare IPv6 literals get brackets.
 */
export function serverBaseUrl(server: {readonly address: string; readonly port: number}): string {
  const scheme = /^(https?):\/\//i.exec(server.address);
  let host = scheme ? server.address.slice(scheme[0].length) : server.address;
  host = host.replace(/\/+$/, '');
  if (isIP(host) === 6) host = `[${host}]`;
  const protocol = scheme ? scheme[1]!.toLowerCase() : 'http';
  return `${protocol}://${host}:${server.port}`;
}
