// Preloaded with --import: holds the app's chunk (dist/app.mjs) back for a
// while before it loads, so a test can act in the time between the first frame
// (painted before Ink) and the app, which is otherwise a few tens of ms. When it
// lets the chunk go it creates the file named by SLOW_APP_CHUNK_RELEASED, so
// the test knows what was on screen before.
import {register} from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
import {writeFileSync} from 'node:fs';
export async function load(url, context, next) {
  if (url.endsWith('/dist/app.mjs')) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    if (process.env.SLOW_APP_CHUNK_RELEASED) writeFileSync(process.env.SLOW_APP_CHUNK_RELEASED, '');
  }
  return next(url, context);
}`),
);
