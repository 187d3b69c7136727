import {describe, expect, it} from 'vitest';
import {openApp, openStore} from '../helpers/open-app.js';

/** Whole frames, every tab, at the operator's usual size and a small one: any change to the layout shows here. */
describe('golden frames', () => {
  for (const size of [
    {columns: 80, rows: 24},
    {columns: 50, rows: 15},
  ]) {
    it(`every tab at ${size.columns}x${size.rows}`, async () => {
      const store = openStore((s) => {
        s.servers.add({address: 'https://letta.example.com', port: 8284, name: 'lab', token: 'tok-1'});
      });
      const app = await openApp(store, {}, size);
      const tabs = store.settings.categories().length + 1;
      for (let tab = 1; tab <= tabs; tab++) {
        await app.press(String(tab));
        // The database lives in a new temp dir each run: its path is the one part that may differ.
        const frame = app.frame().replace(/^(.*?) · Letta/m, '<database> · Letta');
        expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
        expect(frame).toMatchSnapshot(`tab ${tab}`);
      }
    });
  }
});
