#!/usr/bin/env -S node --
'use strict';
// The command. It runs the two bundles beside it, commands.cjs (src/cli/main.ts)
// and, for the interactive app, app.cjs (src/ui/launch.tsx), each with V8's code
// cache, so Node does not compile them again on every run: start-up is most of
// what a command costs. A cache is made at the exit of a run where it is missing
// or does not fit, and then holds what that run compiled: the build runs a `get`
// for the commands; the app's first run makes the app's. Where the directory is
// not writable, the bundles run without one.
//
// The guard: V8 accepts a cache for any source of the same length, so a cache
// file holds a copy of the bundle it was made from and is used only when that
// copy is byte for byte the bundle here (a memory compare, where hashing with
// Node's crypto or zlib cost every command 2 to 5 ms to load them); only when
// it belongs to us or root and no one else can write it; and only when its
// length is the one its header states. A short or foreign file is ignored.
// SANCTUM_CONFIG_PLAIN=1 turns every start-up trick off (see docs/start-up-tricks.md).
//
// The `--` in the first line ends Node's own options: Node 20 otherwise reads
// `--env-file FILE` anywhere on its command line, ours included, and loads FILE
// (a NODE_OPTIONS line in it too) before this file runs.
const {closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, renameSync, unlinkSync, writeSync} = require('node:fs');
const {createRequire} = require('node:module');
const {basename, dirname, join} = require('node:path');
const vm = require('node:vm');

const plain = !['', '0', undefined].includes(process.env.SANCTUM_CONFIG_PLAIN);
// The header: a magic, the bundle's length, the V8 data's length; then the bundle, then the data.
const magic = Buffer.from('SCFGCC4\n');
const headerLength = magic.length + 8;

/** Whether a cache file may be trusted: a regular file of ours (or root's) that only its owner can write. */
function trustworthy(stat) {
  const me = typeof process.getuid === 'function' ? process.getuid() : 0;
  return stat.isFile() && (stat.uid === me || stat.uid === 0) && (stat.mode & 0o022) === 0;
}

/** The V8 data of a cache made from exactly `source`, or undefined. */
function readCache(path, source) {
  let fd;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (!trustworthy(stat) || stat.size <= headerLength + source.length) return undefined;
    const data = Buffer.alloc(stat.size);
    if (readSync(fd, data, 0, stat.size, 0) !== stat.size || !data.subarray(0, magic.length).equals(magic)) return undefined;
    const sourceLength = data.readUInt32BE(magic.length);
    const dataLength = data.readUInt32BE(magic.length + 4);
    if (sourceLength !== source.length || stat.size !== headerLength + sourceLength + dataLength) return undefined;
    if (!data.subarray(headerLength, headerLength + sourceLength).equals(source)) return undefined;
    return data.subarray(headerLength + sourceLength);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Remove the temp caches of runs that were killed while writing one (their process is gone). */
function removeDeadTemps(path) {
  const prefix = `${basename(path)}.`;
  for (const name of readdirSync(dirname(path))) {
    const pid = name.startsWith(prefix) ? /^(\d+)\.tmp$/.exec(name.slice(prefix.length))?.[1] : undefined;
    if (pid === undefined || Number(pid) === process.pid) continue;
    try {
      process.kill(Number(pid), 0);
    } catch (error) {
      if (error.code === 'ESRCH') unlinkSync(join(dirname(path), name));
    }
  }
}

/** Write the cache beside the bundle: a new file (0644 at most) renamed into place, never a half-written one. */
function writeCache(path, source, script) {
  const temp = `${path}.${process.pid}.tmp`;
  let fd;
  try {
    removeDeadTemps(path);
    fd = openSync(temp, 'wx', 0o644);
    const cached = script.createCachedData();
    const lengths = Buffer.alloc(8);
    lengths.writeUInt32BE(source.length, 0);
    lengths.writeUInt32BE(cached.length, 4);
    writeSync(fd, Buffer.concat([magic, lengths, source, cached]));
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch {
    // A directory we may not write to (a system-wide install): run without the cache.
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {}
  }
}

/** Run a bundle as CommonJS, compiled from its cache when there is one; its exports. */
function runBundle(name) {
  const file = join(__dirname, name);
  if (plain) return require(file);
  const source = readFileSync(file);
  const cacheFile = `${file}.cache`;
  const cachedData = readCache(cacheFile, source);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`, {
    filename: file,
    cachedData,
  });
  if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => writeCache(cacheFile, source, script));
  const bundleRequire = createRequire(file);
  const bundleModule = {exports: {}, filename: file, id: file, loaded: false, require: bundleRequire};
  script.runInThisContext()(bundleModule.exports, bundleRequire, bundleModule, file, __dirname);
  return bundleModule.exports;
}

// The commands bundle asks for the app here (src/cli/terminal.ts), only when it opens.
globalThis[Symbol.for('sanctum-config.load-app')] = () => runBundle('app.cjs');
runBundle('commands.cjs');
