import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {cliPath} from '../helpers/run-cli.js';
import {snapshot, tempDir} from '../helpers/temp-db.js';

/** The README's Ansible tasks, as written there. */
function readmeTasks(): string {
  const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
  const start = readme.indexOf('```yaml\n- name: Letta server and ports of this box');
  expect(start).toBeGreaterThan(-1);
  const body = readme.slice(start + '```yaml\n'.length);
  return body.slice(0, body.indexOf('```'));
}

/** A playbook for localhost around those tasks, and `sanctum-config` on PATH for them (the built CLI, on its own file). */
function box() {
  const dir = tempDir();
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const db = join(dir, 'config.db');
  writeFileSync(join(bin, 'sanctum-config'), `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" "$@"\n`);
  chmodSync(join(bin, 'sanctum-config'), 0o755);
  const tasks = readmeTasks()
    .split('\n')
    .map((line) => (line ? `    ${line}` : line))
    .join('\n');
  const playbook = join(dir, 'site.yml');
  writeFileSync(playbook, `- hosts: localhost\n  connection: local\n  gather_facts: false\n  tasks:\n${tasks}\n`);
  const run = (...args: string[]) =>
    spawnSync('ansible-playbook', ['-i', 'localhost,', playbook, ...args], {
      encoding: 'utf8',
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        HOME: dir,
        LANG: 'C.UTF-8',
        SANCTUM_CONFIG_DB: db,
        ANSIBLE_LOCAL_TEMP: join(dir, 'ansible-tmp'),
        ANSIBLE_NOCOLOR: '1',
        ANSIBLE_PYTHON_INTERPRETER: '/usr/bin/python3',
      },
      timeout: 120_000,
    });
  return {db, run};
}

const recap = (stdout: string) => /localhost\s*: ok=(\d+)\s+changed=(\d+)\s+unreachable=\d+\s+failed=(\d+)/.exec(stdout)?.slice(1).map(Number);
const vars = (flask: string, lab: string) => ['-e', `flask_port=${flask}`, '-e', `lab_port=${lab}`, '-e', 'openai_api_key=sk-from-vault'];

describe("the README's Ansible example, run by ansible-playbook against localhost", () => {
  it('changes on the first run, is ok on the second, changes nothing under --check, and fails its task on a bad value', () => {
    const {db, run} = box();
    const first = run(...vars('5050', '8284'));
    expect(first.status, first.stdout + first.stderr).toBe(0);
    expect(recap(first.stdout)).toEqual([3, 3, 0]);

    const second = run(...vars('5050', '8284'));
    expect(second.status, second.stdout).toBe(0);
    expect(recap(second.stdout)).toEqual([3, 0, 0]);

    // Check mode: what would change is reported, and nothing is written.
    const before = snapshot(db);
    const check = run('--check', ...vars('5051', '8290'));
    expect(check.status, check.stdout).toBe(0);
    expect(recap(check.stdout)).toEqual([3, 2, 0]);
    expect(snapshot(db)).toBe(before);

    // A bad value: the task fails (its JSON says why), and nothing is written.
    const bad = run(...vars('abc', '8284'));
    expect(bad.status).not.toBe(0);
    expect(recap(bad.stdout)).toEqual([0, 0, 1]);
    expect(bad.stdout).toContain('flask_port');
    expect(snapshot(db)).toBe(before);
    // The secret never reaches the output.
    for (const out of [first, second, check, bad]) expect(out.stdout + out.stderr).not.toContain('sk-from-vault');
  }, 240_000);
});
