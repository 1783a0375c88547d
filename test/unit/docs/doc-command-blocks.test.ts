import { describe, expect, it } from 'vitest';
import { looksLikeCommands, parseDocCommands, refusedCommand, rewritePorts, splitCommands } from '../../../docs/check/doc-command-blocks.ts';

const doc = (...lines: string[]) => parseDocCommands(lines.join('\n'), 'page.md');
const fence = '```';

describe('command blocks of a Markdown page', () => {
  it('takes sh, bash and shell blocks, by the first word of the info string, and ignores other languages', () => {
    const parsed = doc(
      `${fence}sh`,
      'echo one',
      fence,
      `${fence}bash title="two"`,
      'echo two',
      fence,
      `~~~Shell`,
      'echo three',
      '~~~',
      `${fence}ts`,
      'const x = 1;',
      fence,
      `${fence}json`,
      '{"curl": 1}',
      fence,
      `${fence}text`,
      'curl output',
      fence,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.blocks.map((block) => [block.line, block.commands.map((command) => command.text)])).toEqual([
      [1, ['echo one']],
      [4, ['echo two']],
      [7, ['echo three']],
    ]);
  });

  it('skips a block whose fence follows a skip with a reason, blank lines between allowed', () => {
    const parsed = doc('<!-- docs-check: skip: needs an AWS account -->', '', `${fence}sh`, 'aws s3 ls', fence, `${fence}sh`, 'echo runs', fence);
    expect(parsed.problems).toEqual([]);
    expect(parsed.blocks.map((block) => block.skip)).toEqual(['needs an AWS account', undefined]);
  });

  it('refuses a skip without a reason', () => {
    for (const directive of ['<!-- docs-check: skip -->', '<!-- docs-check: skip: -->', '<!--docs-check:skip:   -->']) {
      const parsed = doc(directive, `${fence}sh`, 'echo x', fence);
      expect(parsed.problems, directive).toEqual([{ file: 'page.md', line: 1, message: expect.stringContaining('needs a reason') }]);
      expect(parsed.blocks[0]!.skip).toBeUndefined();
    }
  });

  it('refuses an unknown directive and a skip that is not directly before a command block', () => {
    expect(doc('<!-- docs-check: only-on-linux -->').problems[0]!.message).toMatch(/unknown docs-check directive/);
    expect(doc('<!-- docs-check: skip: why -->', 'A paragraph.', `${fence}sh`, 'echo x', fence).problems).toEqual([{ file: 'page.md', line: 1, message: expect.stringContaining('just before the fence') }]);
    expect(doc('<!-- docs-check: skip: why -->', `${fence}ts`, 'x()', fence).problems[0]!.message).toMatch(/not of a ts block/);
    expect(doc('Text.', '<!-- docs-check: skip: why -->').problems).toHaveLength(1);
  });

  it('refuses an unlabelled block that holds commands, asking for a label', () => {
    for (const first of [
      '$ npm start',
      'curl -s localhost:3000/health',
      '# a comment first',
      'AGENT=$(npm run --silent token -- --role agent | tail -n 1)',
      'PORT=3001 npx tsx local/start.ts',
      'swaks --to x',
      'aws sqs send-message',
    ]) {
      const lines = first.startsWith('#') ? [first, 'npm test'] : [first];
      const parsed = doc('Run:', '', fence, ...lines, fence);
      expect(parsed.problems, first).toEqual([{ file: 'page.md', line: 3, message: expect.stringContaining('label it sh') }]);
    }
    expect(doc('~~~console', '$ npm run token', '~~~').problems[0]!.message).toMatch(/this console block holds commands/);
  });

  it('leaves unlabelled blocks of output or prose alone', () => {
    expect(doc(fence, 'Web app  http://localhost:3000/', '', 'Service desk API   http://127.0.0.1:3000', fence).problems).toEqual([]);
    expect(looksLikeCommands(['{"ticket":{"key":"SD-1"}}'])).toBe(false);
    expect(looksLikeCommands(['npmrc is a file'])).toBe(false);
    expect(looksLikeCommands([])).toBe(false);
  });

  it('finds no command blocks inside a longer fence that shows Markdown', () => {
    const parsed = doc('````md', `${fence}sh`, 'curl -s localhost:3000/nope', fence, '````');
    expect(parsed).toEqual({ file: 'page.md', blocks: [], problems: [] });
  });

  it('reports a fence that is never closed', () => {
    expect(doc(`${fence}sh`, 'echo x').problems).toEqual([{ file: 'page.md', line: 1, message: expect.stringContaining('never closed') }]);
  });

  it('removes the fence indentation of a block in a list item', () => {
    const parsed = doc('1. Start it:', '', `   ${fence}sh`, '   echo indented', `   ${fence}`);
    expect(parsed.blocks[0]!.lines).toEqual(['echo indented']);
  });

  it('refuses commands the check cannot run in a block that is not skipped', () => {
    expect(doc(`${fence}sh`, 'npm install && npm start   # the whole system', fence).problems[0]!.message).toMatch(/does not run `npm start`: it starts the local runtime/);
    expect(refusedCommand('npm test')?.command).toBe('npm test');
    expect(refusedCommand('npm run bench -- --only=web')?.why).toBe('it runs for minutes');
    expect(refusedCommand('npx cdk deploy --all')?.why).toBe('it needs an AWS account');
    expect(refusedCommand('TABLE=$(aws cloudformation describe-stacks --stack-name X)')?.command).toBe('aws cloudformation');
    expect(refusedCommand("aws sqs send-message --endpoint-url http://localhost:9324 --queue-url x --message-body '{}'")).toBeUndefined();
    expect(refusedCommand('npm run --silent token -- --role agent')).toBeUndefined();
    expect(refusedCommand('curl -s localhost:3000/health   # not npm start')).toBeUndefined();
    expect(doc('<!-- docs-check: skip: the command under test itself -->', `${fence}sh`, 'npm start', fence).problems).toEqual([]);
  });
});

describe('commands of a block', () => {
  const split = (...lines: string[]) => splitCommands(lines, 10);
  const spans = (...lines: string[]) => split(...lines).commands.map((command) => [command.startLine, command.endLine]);

  it('ends a command at a line end, not after a continuation, inside quotes or $(...), or after a pipe or &&', () => {
    expect(
      spans(
        '# Tokens first; the token is the last line printed.',
        'AGENT=$(npm run --silent token -- --role agent | tail -n 1)   # alice',
        '',
        'curl -s -X POST localhost:3000/tickets \\',
        '  -d \'{"subject":"Printer',
        '  jams"}\'',
        'aws sqs send-message --message-body \'{"source":"monitoring",',
        '  "externalId":"cpu-db1"}\'',
        'X=$(',
        '  echo nested "$(echo "deeper )")"',
        ')',
        'echo one |',
        '  # a comment inside the pipeline',
        '  tr a b &&',
        '  echo done',
        'echo "Jane\'s ticket"  # and Mark\'s',
      ),
    ).toEqual([
      [11, 11],
      [13, 15],
      [16, 17],
      [18, 20],
      [21, 24],
      [25, 25],
    ]);
  });

  it('keeps a here-document with its command', () => {
    expect(spans('cat <<EOF', "it's $(not) a 'quote", 'EOF', "cat <<-'END'", '\tx', '\tEND', 'echo after')).toEqual([
      [10, 12],
      [13, 15],
      [16, 16],
    ]);
  });

  it('reports a command that never ends', () => {
    expect(split("echo 'open").problems).toEqual([{ line: 10, message: expect.stringContaining('never finished') }]);
  });

  it('takes "# -> NNN" directly after a curl as the status it must get', () => {
    const { commands, problems } = split(
      'curl -s -X POST localhost:3000/tickets -H "Authorization: Bearer $JANE" \\',
      '  -d \'{"subject":"x"}\'',
      '# -> 201 {"ticket":{"key":"SD-1","status":"new",...}}, ETag: "1"',
      'curl -s -X PATCH localhost:3000/tickets/SD-1 -H \'If-Match: "1"\'',
      '#   ->   412',
      'curl -s localhost:3000/health',
    );
    expect(problems).toEqual([]);
    expect(commands.map((command) => command.expectStatus)).toEqual([201, 412, undefined]);
  });

  it('refuses an expectation that is not directly after its command, is no status, or follows no curl', () => {
    expect(split('curl -s localhost:3000/x', '', '# -> 404').problems).toEqual([{ line: 12, message: expect.stringContaining('directly after its command') }]);
    expect(split('curl -s localhost:3000/x', '# a comment', '# -> 404').problems).toHaveLength(1);
    expect(split('curl -s localhost:3000/x', '# -> ok').problems[0]!.message).toMatch(/starts with the HTTP status/);
    expect(split('swaks --to x', '# -> 250').problems[0]!.message).toMatch(/runs no curl/);
  });

  it("refuses curl's --dump-header, which the check uses itself", () => {
    expect(split('curl -sD - localhost:3000/x').problems[0]!.message).toMatch(/own --dump-header/);
    expect(split('curl --dump-header h.txt localhost:3000/x').problems).toHaveLength(1);
    expect(split('curl -s -H "X-D: 1" localhost:3000/x').problems).toEqual([]);
  });
});

describe('port rewriting', () => {
  const ports = { PORT: 41000, SMTP_PORT: 41001, INTAKE_PORT: 41002, SES_PORT: 41003, DYNAMODB_PORT: 41004 };

  it("moves each default port of the local runtime to the check's, with or without http://", () => {
    expect(rewritePorts('curl -s localhost:3000/tickets "http://localhost:3000/tickets?desk=it"', ports)).toBe('curl -s localhost:41000/tickets "http://localhost:41000/tickets?desk=it"');
    expect(rewritePorts('swaks --server localhost:2525', ports)).toBe('swaks --server localhost:41001');
    expect(rewritePorts('--endpoint-url http://localhost:9324 --queue-url http://localhost:9324/000000000000/intake', ports)).toBe(
      '--endpoint-url http://localhost:41002 --queue-url http://localhost:41002/000000000000/intake',
    );
    expect(rewritePorts('open http://127.0.0.1:8005 and localhost:8000', ports)).toBe('open http://127.0.0.1:41003 and localhost:41004');
  });

  it('leaves other ports and hosts alone', () => {
    expect(rewritePorts('localhost:30000 localhost:3001 example.org:3000 localhost:2525x', ports)).toBe('localhost:30000 localhost:3001 example.org:3000 localhost:2525x');
    expect(rewritePorts('localhost:3000', {})).toBe('localhost:3000');
  });
});
