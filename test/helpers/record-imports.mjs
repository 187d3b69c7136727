// Preloaded with --import: reports every package under node_modules that gets loaded,
// so a test can prove that headless commands never load Ink or React.
import {register} from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(result.url);
  if (m) process.stderr.write('loaded-package: ' + m[1] + '\\n');
  return result;
}`),
);
