// Preloaded with --import: reports every package under node_modules that gets
// loaded, by require or by import, and the app's bundle (dist/app.cjs, which
// the command's entry loads through a global it sets), so a test can prove that
// headless commands never load Ink, React or the app.
import Module, {register} from 'node:module';
import {trapAppLoader} from './app-loader-trap.mjs';

trapAppLoader((load) => () => {
  process.stderr.write('loaded-app-chunk\n');
  return load();
});

const report = `
function report(path) {
  const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(path);
  if (m) process.stderr.write('loaded-package: ' + m[1] + '\\n');
}`;
const reportHere = new Function(`${report}; return report;`)();

const load = Module._load;
Module._load = function (request, parent, isMain, ...rest) {
  try {
    reportHere(Module._resolveFilename(request, parent, isMain));
  } catch {
    // Not resolvable here: Module._load will say so itself.
  }
  return load.call(this, request, parent, isMain, ...rest);
};

register(
  'data:text/javascript,' +
    encodeURIComponent(`${report}
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  report(result.url);
  return result;
}`),
);
