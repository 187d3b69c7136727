// Preloaded with --import: holds the app's bundle (dist/app.cjs) back for 2 s
// before it loads, so a test can act in the time between the first frame
// (painted before Ink) and the app, which is otherwise a few tens of ms. When it
// lets the bundle go it creates the file named by SLOW_APP_CHUNK_RELEASED, so
// the test knows what was on screen before. It wraps the loader the command's
// entry (src/bin) hands to the commands bundle.
import {writeFileSync} from 'node:fs';
import {trapAppLoader} from './app-loader-trap.mjs';

trapAppLoader(
  (load) => () =>
    new Promise((resolve) =>
      setTimeout(() => {
        if (process.env.SLOW_APP_CHUNK_RELEASED) writeFileSync(process.env.SLOW_APP_CHUNK_RELEASED, '');
        resolve(load());
      }, 2000),
    ),
);
