import {isIP} from 'node:net';
import {ValidationError} from '../errors.js';
import {parseWholeNumber} from './value-codec.js';

const keyPattern = /^[a-z][a-z0-9_]*$/;

export function checkKey(key: string): void {
  if (!keyPattern.test(key)) {
    throw new ValidationError('key', `'${key}' must start with a-z and use only a-z, 0-9 and _`);
  }
  if (key.length > 100) throw new ValidationError('key', 'must be at most 100 characters');
}

export function checkCategory(category: string): void {
  if (!keyPattern.test(category)) {
    throw new ValidationError('category', `'${category}' must start with a-z and use only a-z, 0-9 and _`);
  }
  if (category.length > 50) throw new ValidationError('category', 'must be at most 50 characters');
}

/** Ports live in the `ports` category, plus the server's own port. */
export function isPortSetting(key: string, category: string | null): boolean {
  return category === 'ports' || key === 'server_port';
}

export function checkPort(field: string, value: number): void {
  if (value < 1 || value > 65535) throw new ValidationError(field, `${value} is out of range (1-65535)`);
}

export function parsePort(field: string, input: string | number): number {
  const value = typeof input === 'number' ? input : parseWholeNumber(field, input);
  if (!Number.isInteger(value)) throw new ValidationError(field, `${value} is not a whole number`);
  checkPort(field, value);
  return value;
}

export function parseTimeout(field: string, input: string | number): number {
  const value = typeof input === 'number' ? input : parseWholeNumber(field, input);
  if (!Number.isInteger(value) || value < 1) {
    throw new ValidationError(field, 'must be a positive whole number of seconds');
  }
  return value;
}

const hostnamePattern = /^[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.?$/;

/**
 * A host name or IP, optionally with an http(s) scheme. The port has its own
 * field, so `host:port` and paths are refused with that hint.
 */
export function checkServerAddress(input: string): string {
  const field = 'server_address';
  const address = input.trim();
  if (address === '') throw new ValidationError(field, 'must not be empty');
  if (/\s/.test(address)) throw new ValidationError(field, 'must not contain spaces');
  if (address.length > 255) throw new ValidationError(field, 'must be at most 255 characters');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(address);
  if (scheme && !/^https?$/i.test(scheme[1]!)) {
    throw new ValidationError(field, 'only http:// and https:// schemes are allowed');
  }
  let host = scheme ? address.slice(scheme[0].length) : address;
  if (host.endsWith('/')) host = host.slice(0, -1);
  if (host.includes('/')) throw new ValidationError(field, 'must be a host without a path');
  const bracketed = /^\[(.+)\]$/.exec(host);
  if (bracketed) {
    if (isIP(bracketed[1]!) !== 6) throw new ValidationError(field, `'${host}' is not an IPv6 address`);
  } else if (isIP(host) === 0) {
    if (host.includes(':')) throw new ValidationError(field, 'must not include a port; set the port on its own');
    if (!hostnamePattern.test(host)) throw new ValidationError(field, `'${host}' is not a valid host name`);
  }
  return address.endsWith('/') ? address.slice(0, -1) : address;
}
