// The code cache of the built command (src/bin/sanctum-config.cjs): used only
// for the exact bundle it was made from, only when it is ours and nobody else
// can write it, written whole and 0644 at most, and never a reason to fail.
import {spawnSync} from 'node:child_process';
import {chmodSync, chownSync, cpSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {root} from '../../scripts/bundle-options.mjs';

const copies: string[] = [];
afterEach(() => {
  while (copies.length) rmSync(copies.pop()!, {recursive: true, force: true});
});

/** A copy of dist/ inside the repository (so it finds better-sqlite3), without its caches. */
function distCopy(): string {
  const dir = join(root, 'node_modules', '.cache', 'sanctum-config-test', `dist-${process.pid}-${copies.length}`);
  rmSync(dir, {recursive: true, force: true});
  cpSync(join(root, 'dist'), dir, {recursive: true, filter: (source) => !source.endsWith('.cache')});
  copies.push(dir);
  return dir;
}

function run(dir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(dir, 'sanctum-config.cjs'), ...args], {
    encoding: 'utf8',
    env: {...process.env, SANCTUM_CONFIG_PLAIN: undefined, NO_COLOR: '1'},
  });
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

const cacheOf = (dir: string) => join(dir, 'commands.cjs.cache');
/** The inode and time of the cache: a rewrite (by rename) changes the inode. */
const identity = (path: string) => {
  const s = statSync(path);
  return `${s.ino}:${s.mtimeMs}`;
};

describe('the code cache', () => {
  it('is made on the first run, 0644 at most, with nothing left beside it, and used as it is afterwards', () => {
    const dir = distCopy();
    expect(run(dir, '--version').status).toBe(0);
    const cache = cacheOf(dir);
    expect(statSync(cache).mode & 0o777 & ~0o644).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const made = identity(cache);
    expect(run(dir, '--version').stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(identity(cache)).toBe(made);
  });

  it('never runs stale code: a bundle edited to the same length runs as edited', () => {
    const dir = distCopy();
    const version = run(dir, '--version').stdout.trim();
    const bundle = join(dir, 'commands.cjs');
    const source = readFileSync(bundle, 'utf8');
    const edited = version.replace(/\d/g, '9') === version ? version.replace(/\d/g, '8') : version.replace(/\d/g, '9');
    expect(edited).toHaveLength(version.length);
    expect(source.split(JSON.stringify(version)).length).toBeGreaterThan(1);
    writeFileSync(bundle, source.replaceAll(JSON.stringify(version), JSON.stringify(edited)));
    expect(readFileSync(bundle).length).toBe(Buffer.byteLength(source));
    expect(run(dir, '--version').stdout).toBe(`${edited}\n`);
    expect(run(dir, '--version').stdout).toBe(`${edited}\n`);
  });

  const unusable: [string, (cache: string) => void][] = [
    ['truncated', (cache) => truncateSync(cache, 20)],
    ['of another program', (cache) => writeFileSync(cache, Buffer.alloc(4096, 7))],
    [
      'damaged after its header',
      (cache) => {
        const data = readFileSync(cache);
        data.fill(0x5a, 64);
        writeFileSync(cache, data);
      },
    ],
    ['writable by others', (cache) => chmodSync(cache, 0o666)],
    ['owned by another user', (cache) => chownSync(cache, 4321, 4321)],
  ];
  for (const [what, spoil] of unusable) {
    it(`ignores a cache ${what}, runs correctly, and replaces it`, () => {
      const dir = distCopy();
      expect(run(dir, '--version').status).toBe(0);
      const cache = cacheOf(dir);
      spoil(cache);
      const spoiled = identity(cache);
      const result = run(dir, '--version');
      expect(result).toEqual({status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/), stderr: ''});
      expect(identity(cache)).not.toBe(spoiled);
      const fresh = statSync(cache);
      expect(fresh.mode & 0o022).toBe(0);
      expect(fresh.uid).toBe(process.getuid!());
    });
  }

  it('SANCTUM_CONFIG_PLAIN=1 neither reads nor makes one', () => {
    const dir = distCopy();
    const plain = spawnSync(process.execPath, [join(dir, 'sanctum-config.cjs'), '--version'], {
      encoding: 'utf8',
      env: {...process.env, SANCTUM_CONFIG_PLAIN: '1'},
    });
    expect(plain.status).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.cache'))).toEqual([]);
  });

  it('runs without a cache where the directory cannot be written', () => {
    const dir = distCopy();
    chmodSync(dir, 0o555);
    try {
      // Root writes anyway; as another user it could not. Either way the command runs.
      const result = spawnSync(process.execPath, [join(dir, 'sanctum-config.cjs'), '--version'], {encoding: 'utf8', uid: 65534, gid: 65534});
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});
