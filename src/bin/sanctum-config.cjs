#!/usr/bin/env node
'use strict';
// The command: runs the commands bundle (commands.cjs, built from src/cli/main.ts)
// with V8's code cache beside it, so Node does not compile the bundle on every
// run: a command is mostly start-up. The cache is built with the bundle and
// made again here, once, where it is missing or this Node rejects it.
const {readFileSync, renameSync, writeFileSync} = require('node:fs');
const {createRequire} = require('node:module');
const {join} = require('node:path');
const vm = require('node:vm');

const file = join(__dirname, 'commands.cjs');
const cacheFile = `${file}.cache`;

function readCache() {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

// Code compiled by vm cannot import() (not from a cache, not on every Node 20):
// the app's ESM chunk is imported from here, for the bundle (src/cli/terminal.ts).
globalThis[Symbol.for('sanctum-config.import-app')] = () => import('./app.mjs');

{
  const cachedData = readCache();
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, {
    filename: file,
    cachedData,
  });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        const temp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
      } catch {
        // A directory we may not write to (a system-wide install): run without the cache.
      }
    });
  }
  const bundleRequire = createRequire(file);
  const bundleModule = {exports: {}, filename: file, id: file, loaded: false, require: bundleRequire};
  script.runInThisContext()(bundleModule.exports, bundleRequire, bundleModule, file, __dirname);
}
