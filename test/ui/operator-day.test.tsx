import {describe, expect, it} from 'vitest';
import {openConfigStore} from '../../src/repo/index.js';
import {keys} from '../helpers/render-app.js';
import {openApp as open, openStore, selectedLine} from '../helpers/open-app.js';

/** Another program's write, through its own connection. */
function elsewhere(path: string, work: (store: ReturnType<typeof openConfigStore>) => void): void {
  const other = openConfigStore(path, {source: 'cli'});
  try {
    work(other);
  } finally {
    other.close();
  }
}

describe('a row removed while it was being edited', () => {
  it('a setting: says it is gone and adds it back with the value typed, or discards', async () => {
    const store = openStore((s) => s.settings.add({key: 'gpu_count', type: 'integer', value: '2', category: 'hardware', description: 'GPUs'}));
    const app = await open(store);
    await app.press('5', keys.enter, keys.backspace);
    await app.type('4');
    elsewhere(store.path, (other) => other.settings.remove('gpu_count'));
    await app.press(keys.enter);
    expect(app.frame()).toContain('! gpu_count was removed by another program: add it back, or discard?');
    expect(app.frame()).not.toContain('sanctum-config set');
    await app.press('a');
    expect(store.settings.require('gpu_count')).toMatchObject({value: '4', type: 'integer', description: 'GPUs'});
    expect(app.frame()).toContain('added gpu_count back, 4');
    expect(selectedLine(app.frame())).toMatch(/^> gpu_count/);

    await app.press(keys.enter, keys.backspace);
    await app.type('8');
    elsewhere(store.path, (other) => other.settings.remove('gpu_count'));
    await app.press(keys.enter, 'd');
    expect(app.frame()).toContain('discarded; gpu_count stays removed');
    expect(store.settings.get('gpu_count')).toBeUndefined();
  });

  it('a server: adds it back as it was (its hidden password too) with the fields changed', async () => {
    const store = openStore((s) => s.servers.add({address: '10.0.0.9', port: 8284, name: 'lab', password: 'lab-pw'}));
    const app = await open(store);
    await app.press('5', keys.down, keys.enter);
    await app.type('lab2');
    elsewhere(store.path, (other) => other.servers.remove(2));
    await app.press(keys.enter);
    expect(app.frame()).toContain('! server 2 was removed by another program: add it back, or discard?');
    expect(app.frame()).not.toContain('removed changed meanwhile');
    await app.press('a');
    expect(store.servers.require(2)).toMatchObject({name: 'lab2', address: '10.0.0.9', password: 'lab-pw'});
    expect(app.frame()).toContain('added server 2 back; name lab -> lab2');
  });
});

describe('the recent changes (c)', () => {
  it('lists every setting and server newest first with who, filters them, and restores one after saying what', async () => {
    const store = openStore((s) => {
      s.settings.set('flask_port', '5050');
      s.settings.set('debug_mode', 'false');
      s.servers.update(1, {port: 8284});
    });
    const app = await open(store);
    await app.press('c');
    const frame = app.frame();
    expect(frame).toContain('Recent changes (newest first, every setting and server)');
    const lines = frame.split('\n');
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(at('server 1 port')).toBeGreaterThan(0);
    expect(at('server 1 port')).toBeLessThan(at('debug_mode'));
    expect(at('debug_mode')).toBeLessThan(at('flask_port'));
    expect(lines[at('debug_mode')]).toMatch(/cli \S+\s+debug_mode\s+on -> off/);
    await app.press('/');
    await app.type('flask');
    expect(app.frame()).toContain('1 of ');
    expect(app.frame()).not.toContain('debug_mode');
    await app.press(keys.enter, keys.enter);
    expect(app.frame()).toContain('Put back flask_port 5000 (from before change');
    await app.press('y');
    expect(store.settings.require('flask_port').value).toBe('5000');
    expect(app.frame()).toContain('restored flask_port 5050 -> 5000');
    // The restore is a change too, listed at the top once the filter is cleared.
    await app.press(keys.escape);
    expect(
      app
        .frame()
        .split('\n')
        .find((l) => l.startsWith('> ')),
    ).toMatch(/flask_port\s+5050 -> 5000/);
    await app.press(keys.escape);
    expect(app.frame()).toContain('[1 API Keys]');
  });
});

describe('find anywhere (f)', () => {
  it('finds by key, description and value on any tab, and by server name, and goes to the row', async () => {
    const store = openStore((s) => {
      s.settings.add({key: 'gpu_count', type: 'integer', value: '2', category: 'hardware', description: 'How many GPUs'});
      s.servers.add({address: '10.0.0.9', port: 8284, name: 'backup-lab'});
    });
    const app = await open(store);
    await app.press('f');
    await app.type('gpus');
    expect(app.frame()).toContain('Hardware: gpu_count = 2');
    await app.press(keys.enter);
    expect(app.frame()).toContain('[5 Hardware]');
    expect(selectedLine(app.frame())).toMatch(/^> gpu_count/);

    await app.press('f');
    await app.type('backup');
    await app.press(keys.enter);
    expect(app.frame()).toContain('Servers]');
    expect(selectedLine(app.frame())).toMatch(/^>\s+2\s+backup-lab/);

    await app.press('f');
    await app.type('11434');
    await app.press(keys.enter);
    expect(selectedLine(app.frame())).toMatch(/^> ollama_base_url/);
  });

  it('never finds a secret by its value (a match would tell it), only by its key', async () => {
    const store = openStore((s) => s.settings.set('openai_api_key', 'sk-findme-123'));
    const app = await open(store);
    await app.press('f');
    await app.type('findme');
    expect(app.frame()).toContain('0 found');
    for (const frame of app.frames) expect(frame).not.toContain('sk-findme');
    await app.press(...Array(6).fill(keys.backspace));
    await app.type('openai_api');
    expect(app.frame()).toMatch(/API Keys: openai_api_key = \*+/);
    await app.press(keys.escape);
    expect(app.frame()).not.toContain('Find anywhere');
  });
});

describe('reading at any width', () => {
  it('keeps the changed marker apart from the value, under a VALUE header aligned with the values', async () => {
    const store = openStore((s) => s.settings.set('flask_port', '5050'));
    const app = await open(store);
    await app.press('3');
    const lines = app.frame().split('\n');
    const header = lines.find((l) => l.includes('VALUE'))!;
    const row = lines.find((l) => l.includes('flask_port'))!;
    const other = lines.find((l) => l.includes('smcp_port'))!;
    expect(row).toMatch(/^> flask_port\s+\* 5050\s/);
    expect(row.indexOf('5050')).toBe(header.indexOf('VALUE'));
    expect(other.indexOf('9000')).toBe(header.indexOf('VALUE'));
  });

  it('gives a wide terminal to the description, not only to the value', async () => {
    const store = openStore((s) =>
      s.settings.add({key: 'notes', type: 'string', value: 'short', category: 'general', description: `${'a long description '.repeat(3)}END`}),
    );
    const app = await open(store, {}, {columns: 160, rows: 30});
    await app.press('4');
    const row = app
      .frame()
      .split('\n')
      .find((l) => l.includes('notes'))!;
    expect(row).toContain('END');
    const header = app
      .frame()
      .split('\n')
      .find((l) => l.includes('VALUE'))!;
    expect(header.indexOf('TYPE') - header.indexOf('VALUE')).toBeLessThanOrEqual(41);
  });

  it('keeps d delete and / filter in the footer at 80 columns on every kind of row', async () => {
    const store = openStore((s) => {
      s.settings.set('flask_port', '5050');
      s.settings.set('openai_api_key', 'sk-1');
      s.servers.add({address: '10.0.0.9', port: 8284});
    });
    const app = await open(store);
    const footer = () => app.frame().split('\n').at(-2)!;
    for (const tab of ['1', '3']) {
      await app.press(tab);
      expect(footer()).toContain('d delete');
      expect(footer()).toContain('/ filter');
    }
    await app.press('5', keys.down);
    expect(footer()).toContain('Space activate');
    expect(footer()).toContain('d delete');
    expect(footer()).toContain('/ filter');
    expect(footer().length).toBeLessThanOrEqual(80);
  });

  it('does not ask for the type on a tab that allows one (Ports: integer)', async () => {
    const store = openStore();
    const app = await open(store);
    await app.press('3', 'a');
    await app.type('gpu_port');
    await app.press(keys.enter);
    expect(app.frame()).toContain('type        integer (the only type on Ports)');
    expect(app.frame()).toContain('no: shown in clear');
    await app.press(keys.enter);
    await app.type('7000');
    await app.press(keys.enter, keys.enter);
    expect(store.settings.require('gpu_port')).toMatchObject({type: 'integer', value: '7000', category: 'ports'});
  });
});
