// Preloaded with --import: holds the app's chunk (dist/app.mjs) back for a
// while before it loads, so a test can act in the time between the first frame
// (painted before Ink) and the app, which is otherwise a few tens of ms.
import {register} from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function load(url, context, next) {
  if (url.endsWith('/dist/app.mjs')) await new Promise((resolve) => setTimeout(resolve, 1200));
  return next(url, context);
}`),
);
