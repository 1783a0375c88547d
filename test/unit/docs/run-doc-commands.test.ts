import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocCommands } from '../../../docs/check/doc-command-blocks.ts';
import { formatFileResult } from '../../../docs/check/docs-check.ts';
import { commandEnvironment, outputByCommand, runDocFile, type DocRuntime } from '../../../docs/check/run-doc-commands.ts';

const fence = '```';
let server: Server;
let port: number;
const started: string[] = [];
let stopped = 0;

/** Stands in for the local runtime: a tiny HTTP server the docs' localhost:3000 is moved to. */
const startRuntime = async (stateDir: string): Promise<DocRuntime> => {
  started.push(stateDir);
  return { ports: { PORT: port }, env: { SERVICEDESK_LOCAL_DIR: stateDir }, stop: async () => void stopped++ };
};

beforeAll(async () => {
  server = createServer((request, response) => {
    const status = request.url === '/created' ? 201 : request.url === '/conflict' ? 412 : request.url?.startsWith('/ok') ? 200 : 404;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(status === 404 ? { message: 'Not Found' } : { status, path: request.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const run = (...lines: string[]) => runDocFile(parseDocCommands(lines.join('\n'), 'page.md'), { cwd: process.cwd(), startRuntime, timeoutMs: 30_000 });

describe('running the commands of a page', () => {
  it('fails on a curl that gets 404, naming the file, the line, the command and its output, and runs nothing after it', async () => {
    const result = await run(
      '# A page',
      '',
      `${fence}sh`,
      'curl -s localhost:3000/ok',
      'curl -s -X POST localhost:3000/missing \\',
      "  -d '{}'",
      'echo after the failure',
      fence,
      '',
      `${fence}sh`,
      'echo next block',
      fence,
    );
    expect(result.failure).toMatchObject({ block: { line: 3 }, command: { startLine: 5, endLine: 6 }, message: expect.stringContaining('curl got HTTP 404') });
    expect(result.failure!.output).toContain('{"message":"Not Found"}');
    expect(result.output).not.toContain('after the failure');
    expect(result.ran).toEqual([]);
    expect(result.notRun.map((block) => block.line)).toEqual([10]);
    const report = formatFileResult(result);
    expect(report).toContain('FAIL page.md');
    expect(report).toContain('page.md:5 (the block at line 3): curl got HTTP 404');
    expect(report).toContain("    curl -s -X POST localhost:3000/missing \\\n      -d '{}'");
    expect(report).toContain('{"message":"Not Found"}');
  });

  it('passes a status the docs assert with "# -> NNN", 4xx included, and fails one they do not get', async () => {
    const passing = await run(
      `${fence}sh`,
      'curl -s localhost:3000/created',
      '# -> 201 {"status":201,...}',
      'curl -s -X PATCH localhost:3000/conflict',
      '# -> 412',
      'curl -s localhost:3000/missing',
      '# -> 404',
      fence,
    );
    expect(passing.failure).toBeUndefined();
    expect(passing.ran).toHaveLength(1);
    const wrong = await run(`${fence}sh`, 'curl -s localhost:3000/ok', '# -> 201', fence);
    expect(wrong.failure?.message).toBe('curl got HTTP 200, the docs say # -> 201');
  });

  it('runs the blocks in order in one shell, so later blocks see earlier variables, in the given directory with the runtime env', async () => {
    const result = await run(
      `${fence}sh`,
      'GREETING=$(echo hello | tr h j)',
      fence,
      'Text between.',
      `${fence}bash`,
      'echo "$GREETING from $PWD"',
      'test -n "$SERVICEDESK_LOCAL_DIR"',
      'BODY=$(curl -s "http://localhost:3000/ok?x=1")',
      'echo "got $BODY"',
      fence,
    );
    expect(result.failure).toBeUndefined();
    expect(result.ran).toHaveLength(2);
    expect(result.output).toContain(`jello from ${process.cwd()}`);
    expect(result.output).toContain('got {"status":200,"path":"/ok?x=1"}');
    expect(started.at(-1)).toMatch(/servicedesk-docs-check-/);
  });

  it('does not run skipped blocks, and fails a curl inside if or && too', async () => {
    const skipped = await run('<!-- docs-check: skip: fails on purpose -->', `${fence}sh`, 'exit 3', fence, `${fence}sh`, 'echo ran', fence);
    expect(skipped.failure).toBeUndefined();
    expect(skipped.skipped.map((block) => block.skip)).toEqual(['fails on purpose']);
    for (const command of ['if curl -s localhost:3000/missing; then echo fine; fi', 'curl -s localhost:3000/missing && echo fine || echo rescued']) {
      const result = await run(`${fence}sh`, command, 'echo not reached', fence);
      expect(result.failure?.message, command).toMatch(/HTTP 404/);
      expect(result.output).not.toContain('not reached');
    }
  });

  it('fails any other command that fails, and a curl that cannot connect', async () => {
    const failing = await run(`${fence}sh`, 'echo before', 'ls /no/such/dir', 'echo after', fence);
    expect(failing.failure).toMatchObject({ command: { text: 'ls /no/such/dir' }, message: expect.stringMatching(/^exited with status \d+$/) });
    expect(failing.failure!.output).toMatch(/No such file or directory/);
    const unreachable = await runDocFile(parseDocCommands([`${fence}sh`, 'curl -s localhost:1/x', fence].join('\n'), 'page.md'), {
      cwd: process.cwd(),
      startRuntime,
    });
    expect(unreachable.failure?.message).toBe('curl exited 7: could not connect (is the server listening?)');
  });

  it('keeps a curl whose reader stops early (| head) passing, and starts the next output on a line of its own', async () => {
    const result = await run(`${fence}sh`, 'curl -s localhost:3000/ok | head -c 5', 'curl -s localhost:3000/ok', 'echo next', fence);
    expect(result.failure).toBeUndefined();
    expect(result.output).toContain('"path":"/ok"}\nnext');
  });

  it('runs nothing of a page with problems, and starts no runtime for a page with nothing to run', async () => {
    const before = started.length;
    const problems = await run(fence, 'curl -s localhost:3000/ok', fence);
    expect(problems.problems).toHaveLength(1);
    const nothing = await run('Just text.', `${fence}ts`, 'run()', fence);
    expect(nothing.failure).toBeUndefined();
    expect(started.length).toBe(before);
    expect(formatFileResult(problems)).toContain('page.md:1: this unlabelled block holds commands');
  });

  it('stops the runtime after the page, whatever happened', async () => {
    const before = stopped;
    await run(`${fence}sh`, 'exit 1', fence);
    await run(`${fence}sh`, 'true', fence);
    expect(stopped).toBe(before + 2);
  });
});

describe("the commands' environment", () => {
  it('holds no AWS profile, credentials or region of this machine, nor the test runner markers, and adds the runtime variables', () => {
    const env = commandEnvironment({ PATH: '/usr/bin', AWS_PROFILE: 'prod', AWS_ACCESS_KEY_ID: 'AKIA', AWS_REGION: 'eu-west-1', AWS_CA_BUNDLE: '/etc/ca.pem', VITEST_POOL_ID: '1', TEST: 'true' }, '/tmp/work', {
      PORT: '41000',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      AWS_CA_BUNDLE: '/etc/ca.pem',
      AWS_CONFIG_FILE: '/tmp/work/no-aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/tmp/work/no-aws-credentials',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
      PORT: '41000',
    });
  });
});

describe('the output marks', () => {
  it("splits the output by the command that printed it, and sees the script's end", () => {
    expect(outputByCommand('pre\x1e0\x1eone\n\x1e1\x1etwo\x1e0\x1e again\x1edone\x1e')).toEqual({
      before: 'pre',
      commands: new Map([
        [0, 'one\n again'],
        [1, 'two'],
      ]),
      done: true,
      last: 0,
    });
  });
});
