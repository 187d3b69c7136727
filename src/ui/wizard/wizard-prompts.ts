import type {WizardStepId} from './wizard-state.js';

/** Each step's question and its hint, for the drawn wizard and the screen reader's alike. */
export const wizardPrompts: Record<WizardStepId, {title: string; help: string; secret?: boolean}> = {
  address: {title: 'Letta server address', help: 'host name or IP, optionally with http:// or https://'},
  port: {title: 'Letta server port', help: 'Sanctum publishes Letta on 8284; a stock Letta server uses 8283'},
  auth: {title: 'How does the server check who you are?', help: 'letta server --secure uses a password'},
  secret: {title: 'Password or token', help: 'sent as Authorization: Bearer', secret: true},
  openai: {title: 'OpenAI API key', help: 'for OpenAI models; leave empty to skip', secret: true},
  anthropic: {title: 'Anthropic API key', help: 'for Claude; leave empty to skip', secret: true},
  panelKeys: {
    title: "The Sanctum panel's API keys are its published defaults",
    help: 'anyone who reaches its API can write this file; its API clients then need the new ones (get api_key)',
  },
  review: {title: 'Save this setup?', help: 'written in one transaction'},
};
