import {describe, expect, it} from 'vitest';
import {cliFor, expectOneLine} from '../helpers/run-cli.js';
import {snapshot, tempDbPath} from '../helpers/temp-db.js';

function freshCli() {
  const db = tempDbPath();
  const cli = cliFor(db);
  cli(['list']);
  return {db, cli};
}

const servers = (cli: ReturnType<typeof cliFor>) => JSON.parse(cli(['server', 'list', '--json', '--reveal']).stdout);

describe('server commands', () => {
  it('adds, changes, activates and removes servers, keeping exactly one active', () => {
    const {cli} = freshCli();
    expect(cli(['server', 'add', '--address', '10.0.0.5', '--port', '8284', '--name', 'lab']).stdout).toBe('added server 2\n');
    expect(cli(['server', 'add', '--address', 'letta.local', '--activate']).stdout).toBe('added server 3 (active)\n');
    expect(servers(cli).map((s: {active: boolean}) => s.active)).toEqual([false, false, true]);
    expect(cli(['server', 'activate', '2']).status).toBe(0);
    expect(servers(cli).map((s: {active: boolean}) => s.active)).toEqual([false, true, false]);
    expect(cli(['server', 'set', '2', '--timeout', '5', '--name', 'lab box']).status).toBe(0);
    expect(servers(cli)[1]).toMatchObject({timeout: 5, name: 'lab box', port: 8284, url: 'http://10.0.0.5:8284'});
    const removed = cli(['server', 'remove', '2']);
    expect(removed.status).toBe(0);
    expect(removed.stderr).toMatch(/removed the active server; none is active now/);
    expect(servers(cli).some((s: {active: boolean}) => s.active)).toBe(false);
  });

  it('takes secrets from stdin, masks them in lists, and clears them', () => {
    const {cli} = freshCli();
    expect(cli(['server', 'set', '1', '--token-stdin'], {input: 'tok-123\n'}).status).toBe(0);
    const table = cli(['server', 'list']).stdout;
    expect(table).not.toContain('tok-123');
    expect(table).toMatch(/1\s+\*\s+localhost\s+8080\s+\(not set\)\s+\*{8}/);
    expect(cli(['server', 'list', '--json']).stdout).not.toContain('tok-123');
    expect(cli(['server', 'list', '--reveal']).stdout).toContain('tok-123');
    expect(cli(['server', 'set', '1', '--clear-token']).status).toBe(0);
    expect(servers(cli)[0].token).toBeNull();
  });

  it.each([
    [['server', 'activate', '9'], /no server with id 9/],
    [['server', 'remove', '9'], /no server with id 9/],
    [['server', 'set', '9', '--port', '1'], /no server with id 9/],
    [['server', 'set', 'one', '--port', '1'], /no server named 'one'/],
    [['server', 'set', '1', '--port', '70000'], /server_port: 70000 is out of range/],
    [['server', 'set', '1', '--timeout', '0'], /connection_timeout: must be a whole number of seconds from 1 to 3600/],
    [['server', 'add', '--address', 'bad host'], /must not contain spaces/],
    [['server', 'add', '--address', 'host:8283'], /must not include a port/],
    [['server', 'add', '--port', '8283'], /needs --address/],
    [['server', 'add', '--address', 'h', '--password-stdin', '--token-stdin'], /not both/],
    [['server', 'frob'], /unknown command 'frob'/],
  ])('%j exits 2 with one line and changes nothing', (args, message) => {
    const {db, cli} = freshCli();
    const before = snapshot(db);
    const result = cli(args);
    expect(result.status).toBe(2);
    expect(expectOneLine(result.stderr)).toMatch(message);
    expect(snapshot(db)).toBe(before);
  });
});

describe('server secrets', () => {
  it('refuses a password with a line break inside, which no HTTP header can carry', () => {
    const db = tempDbPath();
    const cli = cliFor(db);
    cli(['list']);
    const before = snapshot(db);
    const result = cli(['server', 'set', '1', '--password-stdin'], {input: 'line-one\nline-two\n'});
    expect(result.status).toBe(2);
    expect(expectOneLine(result.stderr)).toMatch(/server_password: must not contain control characters or line breaks/);
    expect(result.stderr).not.toContain('line-one');
    expect(snapshot(db)).toBe(before);
  });
});
