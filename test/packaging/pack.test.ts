import {execFileSync, spawnSync} from 'node:child_process';
import {cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {tempDir} from '../helpers/temp-db.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, {cwd, encoding: 'utf8', env: {...process.env, npm_config_fund: 'false', npm_config_audit: 'false'}});

describe('the package users get', () => {
  it('packs from a clean checkout (prepack builds dist/ and the man page), installs, and runs', () => {
    // A checkout with no dist/: what git tracks (or would), and the installed dependencies.
    const checkout = join(tempDir(), 'checkout');
    mkdirSync(checkout);
    const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {cwd: repo, encoding: 'utf8'}).trim().split('\n');
    for (const file of tracked) if (existsSync(join(repo, file))) cpSync(join(repo, file), join(checkout, file));
    symlinkSync(join(repo, 'node_modules'), join(checkout, 'node_modules'));
    expect(existsSync(join(checkout, 'dist'))).toBe(false);

    const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', checkout], checkout)) as {filename: string; files: {path: string}[]}[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/sanctum-config.cjs',
        'dist/commands.cjs',
        'dist/commands.cjs.cache',
        'dist/app.cjs',
        'dist/man/sanctum-config.1',
        'migrations/001_init.sql',
        'migrations/adopt/panel.sql',
        'dist/validator.cjs',
        'dist/THIRD-PARTY-NOTICES.txt',
        'docs/export.schema.json',
        'package.json',
        'README.md',
        'LICENSE',
      ]),
    );
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('src/') || f.endsWith('.md.map'))).toEqual([]);

    // Installed as a user would, into a prefix; the compiled better-sqlite3 is reused rather than rebuilt.
    const prefix = join(tempDir(), 'prefix');
    npm(['install', '--prefix', prefix, '--prefer-offline', '--ignore-scripts', '--no-save', join(checkout, packed[0]!.filename)], checkout);
    const installed = join(prefix, 'node_modules');
    cpSync(join(repo, 'node_modules/better-sqlite3/build'), join(installed, 'better-sqlite3/build'), {recursive: true});
    const bin = join(installed, '.bin', 'sanctum-config');
    const version = spawnSync(bin, ['--version'], {encoding: 'utf8'});
    expect(version.stdout.trim()).toBe(JSON.parse(npm(['pkg', 'get', 'version'], repo)));
    const db = join(tempDir(), 'c.db');
    const list = spawnSync(bin, ['--db', db, 'list'], {encoding: 'utf8'});
    expect([list.status, list.stderr]).toEqual([0, '']);
    expect(list.stdout).toMatch(/^flask_port\s+5000\s+integer\s+ports$/m);
    expect(readdirSync(join(installed, 'sanctum-config', 'dist', 'man'))).toContain('sanctum-config.1');
    // Everything but the native addon is in the bundles: an install brings no Ink, React, commander or Ajv.
    expect(['ink', 'react', 'commander', 'ajv'].filter((name) => existsSync(join(installed, name)))).toEqual([]);
    // The bundled packages' notices travel with them: each one the bundles carry, with its licence.
    const notices = readFileSync(join(installed, 'sanctum-config', 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const name of ['ink', 'react', 'commander', 'ajv', 'chalk']) expect(notices).toMatch(new RegExp(`^${name} \\d+\\.\\d+\\.\\d+ \\(MIT\\)$`, 'm'));
    expect(readFileSync(join(installed, 'sanctum-config', 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    // Import's schema check runs from the installed package, and an export names the schema it ships.
    const badFile = join(tempDir(), 'bad.json');
    writeFileSync(badFile, '{"setings": []}');
    const refused = spawnSync(bin, ['--db', db, 'import', badFile], {encoding: 'utf8'});
    expect([refused.status, refused.stderr]).toEqual([2, 'sanctum-config: import refused, nothing changed (1 problem): /: unknown field "setings"\n']);
    const exported = JSON.parse(spawnSync(bin, ['--db', db, 'export'], {encoding: 'utf8'}).stdout);
    expect(existsSync(fileURLToPath(exported.$schema))).toBe(true);

    // A global install into a prefix, as npm install -g does it: the man page is linked where man finds it.
    const global = join(tempDir(), 'global');
    npm(['install', '--global', '--prefix', global, '--prefer-offline', '--ignore-scripts', join(checkout, packed[0]!.filename)], checkout);
    const where = execFileSync('man', ['-w', 'sanctum-config'], {encoding: 'utf8', env: {...process.env, MANPATH: join(global, 'share', 'man')}});
    expect(lstatSync(join(global, 'share', 'man', 'man1', 'sanctum-config.1')).isSymbolicLink()).toBe(true);
    expect(realpathSync(where.trim())).toBe(realpathSync(join(global, 'lib', 'node_modules', 'sanctum-config', 'dist', 'man', 'sanctum-config.1')));
  }, 240_000);
});
