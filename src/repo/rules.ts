import {ValidationError} from '../errors.js';
import {type ConfigType, configTypes} from './setting-types.js';
import {parseWholeNumber, quoted} from './value-codec.js';

const keyPattern = /^[a-z][a-z0-9_]*$/;

const ipv4Pattern = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * 4 or 6 for an IP address, else 0, as node:net's isIP says; without loading
 * node:net (its stream stack costs every command a few ms). IPv6 by the URL
 * parser, which knows every form (::, embedded IPv4).
 */
export function isIP(host: string): 0 | 4 | 6 {
  if (ipv4Pattern.test(host)) return 4;
  if (!host.includes(':') || /[[\]/%@]/.test(host)) return 0;
  try {
    return new URL(`http://[${host}]/`).hostname.startsWith('[') ? 6 : 0;
  } catch {
    return 0;
  }
}

export function checkKey(key: string): void {
  if (!keyPattern.test(key)) {
    throw new ValidationError('key', `${quoted(key)} must start with a-z and use only a-z, 0-9 and _`);
  }
  if (key.length > 100) throw new ValidationError('key', 'must be at most 100 characters');
}

export function checkCategory(category: string): void {
  if (!keyPattern.test(category)) {
    throw new ValidationError('category', `${quoted(category)} must start with a-z and use only a-z, 0-9 and _`);
  }
  if (category.length > 50) throw new ValidationError('category', 'must be at most 50 characters');
}

/** The types a new setting in a category may have: ports are integers. */
export function typesForCategory(category: string): readonly ConfigType[] {
  return category === 'ports' ? ['integer'] : configTypes;
}

/** Ports: the `ports` category, and any key ending in `_port` (the panel's `letta_server_port`). */
export function isPortSetting(key: string, category: string | null): boolean {
  return category === 'ports' || key === 'server_port' || key.endsWith('_port');
}

function checkPort(field: string, value: number): void {
  if (value < 1 || value > 65535) throw new ValidationError(field, `${value} is out of range (1-65535)`);
}

export function parsePort(field: string, input: string | number): number {
  const value = typeof input === 'number' ? input : parseWholeNumber(field, input);
  if (!Number.isInteger(value)) throw new ValidationError(field, `${value} is not a whole number`);
  checkPort(field, value);
  return value;
}

/** A connection timeout's range in seconds; the connection test's deadline is its only clock. */
export const timeoutRange = {min: 1, max: 3600} as const;

export function parseTimeout(field: string, input: string | number): number {
  const value = typeof input === 'number' ? input : parseWholeNumber(field, input);
  if (!Number.isInteger(value) || value < timeoutRange.min || value > timeoutRange.max) {
    throw new ValidationError(field, `must be a whole number of seconds from ${timeoutRange.min} to ${timeoutRange.max}`);
  }
  return value;
}

/** Labels of 1 to 63 characters (RFC 1035), letters, digits and inner hyphens. */
const hostnamePattern = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

/** An address split into what a URL is built from. */
export type AddressParts = {readonly protocol: 'http' | 'https'; readonly host: string};

/**
 * The one rule for what a server address is: a host name, an IPv4 address or
 * an IPv6 address (bare or in brackets), optionally after http:// or https://.
 * No user info, port, path, spaces or control characters. `host` comes back
 * ready for a URL (IPv6 in brackets), and the URL built from it is checked to
 * name exactly that host, so validation, the URL builder and the connection
 * test cannot disagree.
 */
export function addressParts(input: string, field = 'server_address'): AddressParts {
  const address = input.trim();
  if (address === '') throw new ValidationError(field, 'must not be empty');
  if (address.length > 255) throw new ValidationError(field, 'must be at most 255 characters');
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(address)) throw new ValidationError(field, 'must not contain spaces or control characters');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(address);
  if (scheme && !/^https?$/i.test(scheme[1]!)) {
    throw new ValidationError(field, 'only http:// and https:// schemes are allowed');
  }
  let host = scheme ? address.slice(scheme[0].length) : address;
  if (host.endsWith('/')) host = host.slice(0, -1);
  if (host.includes('@')) throw new ValidationError(field, 'must not contain a user name or password (use the password or token field)');
  if (/[/?#]/.test(host)) throw new ValidationError(field, 'must be a host without a path');
  const bracketed = /^\[(.+)\]$/.exec(host);
  if (bracketed) {
    if (isIP(bracketed[1]!) !== 6) throw new ValidationError(field, `${quoted(host)} is not an IPv6 address`);
  } else if (isIP(host) === 6) {
    host = `[${host}]`;
  } else if (isIP(host) === 0) {
    if (host.includes(':')) throw new ValidationError(field, 'must not include a port; set the port on its own');
    if (!hostnamePattern.test(host)) throw new ValidationError(field, `${quoted(host)} is not a valid host name`);
  }
  const protocol = scheme ? (scheme[1]!.toLowerCase() as 'http' | 'https') : 'http';
  let url: URL;
  try {
    url = new URL(`${protocol}://${host}:1/`);
  } catch {
    throw new ValidationError(field, `${quoted(host)} cannot be used in a URL`);
  }
  const expected = host.toLowerCase().replace(/\.$/, '');
  if (url.hostname.replace(/\.$/, '') !== expected && !bracketed && isIP(host) === 0) {
    throw new ValidationError(field, `${quoted(host)} cannot be used in a URL as it is`);
  }
  return {protocol, host};
}

/** Check an address as it will be stored: trimmed, without a trailing slash. */
export function checkServerAddress(input: string): string {
  addressParts(input);
  const address = input.trim();
  return address.endsWith('/') ? address.slice(0, -1) : address;
}
