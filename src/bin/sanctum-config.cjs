#!/usr/bin/env node
'use strict';
// The command. It runs the two bundles beside it, commands.cjs (src/cli/main.ts)
// and, for the interactive app, app.cjs (src/ui/launch.tsx), each with V8's code
// cache, so Node does not compile them again on every run: start-up is most of
// what a command costs. A cache is made at the exit of a run where it is missing
// or this Node rejects it, and then holds what that run compiled: the build runs
// a `get` for the commands; the app's first run makes the app's. Where the
// directory is not writable, the bundles run without one.
const {readFileSync, renameSync, writeFileSync} = require('node:fs');
const {createRequire} = require('node:module');
const {join} = require('node:path');
const vm = require('node:vm');

function readCache(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function writeCache(path, script) {
  try {
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, path);
  } catch {
    // A directory we may not write to (a system-wide install): run without the cache.
  }
}

/** Run a bundle as CommonJS, compiled from its cache when there is one; its exports. */
function runBundle(name) {
  const file = join(__dirname, name);
  const cacheFile = `${file}.cache`;
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, {
    filename: file,
    cachedData,
  });
  if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => writeCache(cacheFile, script));
  const bundleRequire = createRequire(file);
  const bundleModule = {exports: {}, filename: file, id: file, loaded: false, require: bundleRequire};
  script.runInThisContext()(bundleModule.exports, bundleRequire, bundleModule, file, __dirname);
  return bundleModule.exports;
}

// The commands bundle asks for the app here (src/cli/terminal.ts), only when it opens.
globalThis[Symbol.for('sanctum-config.load-app')] = () => runBundle('app.cjs');
runBundle('commands.cjs');
