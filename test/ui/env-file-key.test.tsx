import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {openApp as open, openStore as storeWith} from '../helpers/open-app.js';
import {tempDir} from '../helpers/temp-db.js';

const realHome = process.env.HOME;
afterEach(() => {
  process.env.HOME = realHome;
});

/** A home with a ~/.letta/.env the bootstrap left (a key set there, and one commented out). */
function homeWithEnvFile(): string {
  const home = tempDir();
  mkdirSync(join(home, '.letta'));
  writeFileSync(join(home, '.letta', '.env'), '# bootstrap\nOPENAI_API_KEY=old\n# ANTHROPIC_API_KEY=\n');
  process.env.HOME = home;
  return join(home, '.letta', '.env');
}

describe('the app and ~/.letta/.env', () => {
  it('says when the file lags behind the settings, and E writes it (secrets never on screen)', async () => {
    const file = homeWithEnvFile();
    const app = await open(storeWith((s) => s.settings.set('openai_api_key', 'sk-in-the-app')));
    expect(app.frame()).toMatch(/~\/\.letta\/\.env is out of date: E writes it/);
    await app.press('E');
    expect(app.frame()).toMatch(/wrote ~\/\.letta\/\.env \(export lines\): OPENAI_API_KEY/);
    expect(app.frame()).not.toMatch(/sk-in-the-app/);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# bootstrap$/m);
    expect(text).toMatch(/^export OPENAI_API_KEY='sk-in-the-app'$/m);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await app.press('E');
    expect(app.frame()).toMatch(/~\/\.letta\/\.env is up to date/);
  });

  it('says nothing on a box without the file, and E creates it only when asked', async () => {
    process.env.HOME = tempDir();
    const app = await open(storeWith(() => {}));
    expect(app.frame()).not.toMatch(/\.letta\/\.env/);
  });
});
