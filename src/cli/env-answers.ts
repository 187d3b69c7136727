import {ValidationError} from '../errors.js';
import type {FirstRunAnswers} from '../repo/first-run.js';
import type {EnvBinding} from '../repo/env-names.js';
import type {Setting} from '../repo/index.js';

function serverFromUrl(name: string, text: string): {address: string; port: number} {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError(name, 'is not a URL like http://127.0.0.1:8284');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ValidationError(name, 'must be an http:// or https:// URL');
  // Nothing may be dropped silently: credentials go in LETTA_SERVER_PASSWORD, and Letta serves at the root.
  if (url.username || url.password) throw new ValidationError(name, 'must not hold a user name or password; use LETTA_SERVER_PASSWORD');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new ValidationError(name, "must be the server's base URL, without a path or query");
  }
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const address = url.protocol === 'https:' ? `https://${url.hostname}` : url.hostname.replace(/^\[|\]$/g, '');
  return {address, port};
}

/**
 * What `init --from-env` takes from the environment: each setting from its
 * env name (the one the box's programs read and every export writes, so the
 * two round-trip: MCP_PORT, LETTA_DIR, OPENAI_BASE_URL, ...), else from its
 * upper-cased key (the names earlier releases wrote: SMCP_PORT,
 * LETTA_DATA_PATH, ...), and the active server from the variables Letta and
 * SMCP read.
 */
export function answersFromEnv(settings: readonly Setting[], bindings: readonly EnvBinding[], env: NodeJS.ProcessEnv): FirstRunAnswers {
  const values: Record<string, string> = {};
  for (const setting of settings) {
    const value = env[setting.key.toUpperCase()];
    if (value !== undefined && value !== '') values[setting.key] = value;
  }
  for (const binding of bindings) {
    const value = env[binding.name];
    if (value !== undefined && value !== '') values[binding.key] = value;
  }
  const server: {address?: string; port?: number; password?: string; token?: string} = {};
  const urlName = env.LETTA_SERVER_URL ? 'LETTA_SERVER_URL' : env.LETTA_BASE_URL ? 'LETTA_BASE_URL' : undefined;
  if (urlName) Object.assign(server, serverFromUrl(urlName, env[urlName]!));
  if (env.LETTA_SERVER_PASSWORD) server.password = env.LETTA_SERVER_PASSWORD;
  // export writes one secret under both names; store it once.
  if (env.LETTA_API_KEY && env.LETTA_API_KEY !== env.LETTA_SERVER_PASSWORD) server.token = env.LETTA_API_KEY;
  return {settings: values, server};
}
