import {randomBytes} from 'node:crypto';
import type {ConfigStore} from './config-store.js';
import {printable, quoted} from './value-codec.js';

/** The Sanctum panel ships its API keys with these values, published in its source: anyone reaching its API could write this file. */
const publishedValues = new Set(['ObeyG1ant', 'FreeUkra1ne']);
const panelKeyNames = ['api_key', 'admin_key'];

/** The panel's API keys that still hold a published default. */
export function publishedPanelKeys(store: ConfigStore): string[] {
  return panelKeyNames.filter((key) => {
    const value = store.settings.get(key)?.value;
    return value !== undefined && value !== null && publishedValues.has(String(value).trim());
  });
}

/** A new key for the panel's API: 48 hex digits, which its Bearer header carries as they are. */
export const newPanelKey = () => randomBytes(24).toString('hex');

/** The header's warning while a panel API key holds a published default. */
export const publishedKeysHeadline = 'panel API key published';

export type PanelAdvice = {
  readonly check: string;
  /** A few words for a screen's header, where the warning stays while it holds. */
  readonly headline: string;
  readonly message: string;
  readonly fix: string;
};

/** What a box running the Sanctum panel beside us should fix: its published API keys, and a panel address we cannot use. */
function panelAdvice(store: ConfigStore): PanelAdvice[] {
  const advice: PanelAdvice[] = [];
  for (const key of publishedPanelKeys(store)) {
    advice.push({
      check: 'panel API key',
      headline: publishedKeysHeadline,
      message: `${key} still holds the panel's published default: anyone who reaches the panel's API can write this file`,
      fix: `printf %s "$(openssl rand -hex 24)" | sanctum-config set ${key} --stdin`,
    });
  }
  const address = store.servers.unusablePanelAddress();
  if (address !== undefined) {
    const active = store.servers.active();
    advice.push({
      check: 'panel address',
      headline: "panel's address unusable",
      message: `the panel's letta_server_address ${quoted(printable(address), 60)} cannot be used (not http(s)://host[:port]); ${active ? `server ${active.id} keeps ${printable(active.address)}` : 'the server keeps its last good address'}`,
      fix: 'set the address in the panel as http://host:port, or with sanctum-config server set',
    });
  }
  return advice;
}

/** The header's warning while the first-run setup has not finished. */
export const setupHeadline = 'setup not finished';

/** What this box should finish or fix: its first-run setup first, then what the panel beside us leaves open. */
export function boxAdvice(store: ConfigStore): PanelAdvice[] {
  const setup: PanelAdvice[] = store.setup.state().finished
    ? []
    : [
        {
          check: 'setup',
          headline: setupHeadline,
          message: 'the first-run setup has not finished',
          fix: 'sanctum-config init (the app offers it again at its next start)',
        },
      ];
  return [...setup, ...panelAdvice(store)];
}
