/**
 * The commands a Markdown page shows, as `npm run docs:check` runs them. The convention:
 *
 * - A fenced block whose info string's first word is `sh`, `bash` or `shell` is a command block.
 *   Every command block of `README.md` and `docs/**\/*.md` is run, unless the line just before its
 *   fence (the nearest non-blank line above it) is `<!-- docs-check: skip: <reason> -->`; a skip
 *   without a reason, a directive docs:check does not know, or one that is not directly before a
 *   command block is an error.
 * - Blocks in other languages (`ts`, `json`, `text`, ...) are not commands. An unlabelled block
 *   (or one labelled `console`, `zsh`, ...) that looks like commands (its first line starts with
 *   `$ ` or a known command such as curl, npm, npx, swaks or aws) is an error asking for a label,
 *   so no command slips past the check.
 * - A comment line `# -> NNN ...` directly after a command that runs curl asserts that status
 *   exactly (otherwise curl fails the check on a status of 400 or more).
 * - The commands use the local runtime's default ports (localhost:3000, :2525, :9324, :8005,
 *   :8000); docs:check rewrites them to the ports of the runtime it starts for the file.
 * - A block that is run may not show a command docs:check cannot run (`npm start`, `npm install`,
 *   `npm test`, `npm run bench`, `cdk deploy`, `aws` without a local --endpoint-url ...): that is an error asking for a skip.
 */

/** Info-string words that make a fenced block a command block. */
export const COMMAND_LANGUAGES: readonly string[] = ['sh', 'bash', 'shell'];

/** Shell-ish labels that are no command block: such a block that holds commands is an error. */
const SHELL_LIKE_LANGUAGES: readonly string[] = ['console', 'shell-session', 'sh-session', 'bash-session', 'terminal', 'zsh', 'shellsession'];

/** First words that make an unlabelled block look like commands. */
export const KNOWN_COMMANDS: readonly string[] = ['curl', 'npm', 'npx', 'swaks', 'aws', 'node', 'tsx', 'cdk', 'git', 'sudo', 'apt-get', 'java'];

/** The local runtime's default ports (local/start.ts), by the variable that moves each. */
export const DEFAULT_PORTS = { PORT: 3000, SMTP_PORT: 2525, INTAKE_PORT: 9324, SES_PORT: 8005, DYNAMODB_PORT: 8000 } as const;

export type PortVariable = keyof typeof DEFAULT_PORTS;

export interface DocCommand {
  /** The command's lines as the page shows them. */
  text: string;
  /** 1-based lines in the Markdown file, first and last. */
  startLine: number;
  endLine: number;
  /** From a `# -> NNN` line directly after the command: the status every curl of it must get. */
  expectStatus?: number;
}

export interface CommandBlock {
  file: string;
  /** The line of the opening fence. */
  line: number;
  /** The block's lines, fence indentation removed. */
  lines: string[];
  /** The file line of `lines[0]`. */
  firstContentLine: number;
  commands: DocCommand[];
  /** Set when a `<!-- docs-check: skip: <reason> -->` comes before the block. */
  skip?: string;
}

export interface DocProblem {
  file: string;
  line: number;
  message: string;
}

export interface ParsedDoc {
  file: string;
  /** Every command block, run or skipped, in the order of the page. */
  blocks: CommandBlock[];
  problems: DocProblem[];
}

const SKIP_DIRECTIVE = /^\s*<!--\s*docs-check:\s*skip\s*(?::(.*?))?\s*-->\s*$/;
const ANY_DIRECTIVE = /^\s*<!--\s*docs-check\b/;
const EXPECTATION = /^\s*#\s*->\s*(\S*)/;

interface Fence {
  indent: number;
  marker: string;
  info: string;
  line: number;
}

/** Finds the command blocks of a Markdown page and what is wrong with how they are marked. */
export function parseDocCommands(markdown: string, file: string): ParsedDoc {
  const lines = markdown.split(/\r?\n/);
  const blocks: CommandBlock[] = [];
  const problems: DocProblem[] = [];
  const problem = (line: number, message: string) => problems.push({ file, line, message });
  /** A directive waiting for the next non-blank line, which must open a command block. */
  let pendingSkip: { line: number; reason: string } | undefined;

  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!;
    const lineNumber = index + 1;
    const fence = openingFence(text, lineNumber);
    if (!fence) {
      if (text.trim() === '') continue;
      if (pendingSkip) {
        problem(pendingSkip.line, 'a docs-check skip must be the line just before the fence of a sh, bash or shell block');
        pendingSkip = undefined;
      }
      if (ANY_DIRECTIVE.test(text)) {
        const skip = SKIP_DIRECTIVE.exec(text);
        if (!skip) problem(lineNumber, `unknown docs-check directive; the one there is: <!-- docs-check: skip: <reason> -->`);
        else if (!skip[1]?.trim()) problem(lineNumber, 'a docs-check skip needs a reason: <!-- docs-check: skip: <reason> -->');
        else pendingSkip = { line: lineNumber, reason: skip[1].trim() };
      }
      continue;
    }

    const content: string[] = [];
    let closed = false;
    for (index++; index < lines.length; index++) {
      const inner = lines[index]!;
      if (closesFence(inner, fence)) {
        closed = true;
        break;
      }
      content.push(stripIndent(inner, fence.indent));
    }
    if (!closed) problem(fence.line, `this fence (${fence.marker}) is never closed`);
    const language = fence.info.split(/\s+/)[0]!.toLowerCase();
    if (COMMAND_LANGUAGES.includes(language)) {
      const split = splitCommands(content, fence.line + 1);
      for (const message of split.problems) problem(message.line, message.message);
      if (!pendingSkip) {
        for (const command of split.commands) {
          const refused = refusedCommand(command.text);
          if (refused) problem(command.startLine, `docs:check does not run \`${refused.command}\`: ${refused.why}; mark the block <!-- docs-check: skip: <reason> -->`);
        }
      }
      blocks.push({
        file,
        line: fence.line,
        lines: content,
        firstContentLine: fence.line + 1,
        commands: split.commands,
        ...(pendingSkip ? { skip: pendingSkip.reason } : {}),
      });
    } else {
      if (pendingSkip) problem(pendingSkip.line, `a docs-check skip must be the line just before the fence of a sh, bash or shell block, not of ${language ? `a ${language}` : 'an unlabelled'} block`);
      if ((language === '' || SHELL_LIKE_LANGUAGES.includes(language)) && looksLikeCommands(content)) {
        problem(
          fence.line,
          `this ${language ? `${language} ` : 'unlabelled '}block holds commands: label it sh (commands without a "$ " prompt), so docs:check runs it, ` +
            `or give it a skip with a reason (<!-- docs-check: skip: <reason> -->)`,
        );
      }
    }
    pendingSkip = undefined;
  }
  if (pendingSkip) problem(pendingSkip.line, 'a docs-check skip must be the line just before the fence of a sh, bash or shell block');
  return { file, blocks, problems };
}

function openingFence(text: string, line: number): Fence | undefined {
  const match = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(text);
  if (!match) return undefined;
  const [, indent, marker, info] = match as unknown as [string, string, string, string];
  // A backtick fence's info string holds no backtick (that is inline code).
  if (marker.startsWith('`') && info.includes('`')) return undefined;
  return { indent: indent.length, marker, info: info.trim(), line };
}

function closesFence(text: string, fence: Fence): boolean {
  const match = /^\s*(`{3,}|~{3,})\s*$/.exec(text);
  return !!match && match[1]![0] === fence.marker[0] && match[1]!.length >= fence.marker.length;
}

function stripIndent(text: string, indent: number): string {
  let removed = 0;
  while (removed < indent && text[removed] === ' ') removed++;
  return text.slice(removed);
}

/** A block that reads as commands: its first line (comments aside) starts with `$ ` or a known command. */
export function looksLikeCommands(lines: readonly string[]): boolean {
  const first = lines.map((line) => line.trim()).find((line) => line !== '' && !line.startsWith('#'));
  if (first === undefined) return false;
  if (first.startsWith('$ ') || first === '$') return true;
  // Leading assignments do not hide the command: `PORT=3001 npm start`, `AGENT=$(npm run token)`.
  for (const word of first.split(/\s+/)) {
    const assignment = /^[A-Za-z_][A-Za-z0-9_]*=(.*)$/.exec(word);
    if (!assignment) return KNOWN_COMMANDS.includes(word);
    const substituted = /^["']?\$\((.+)$/.exec(assignment[1]!);
    if (substituted) return KNOWN_COMMANDS.includes(substituted[1]!);
  }
  return false;
}

type Context = 'single' | 'double' | 'ansi' | 'backtick' | 'paren' | 'brace';

/**
 * Splits a block into its commands the way bash reads them: a command ends at a line end that is
 * outside quotes, `$(...)`, `${...}` and here-documents and not continued by `\`, `|`, `&&` or
 * `||`. Whole-line comments and blank lines belong to no command. A `# -> NNN` line directly after
 * a command sets its expected status.
 */
export function splitCommands(lines: readonly string[], firstLine: number): { commands: DocCommand[]; problems: { line: number; message: string }[] } {
  const commands: DocCommand[] = [];
  const problems: { line: number; message: string }[] = [];
  const stack: Context[] = [];
  let start: number | undefined;
  let continued = false;
  const heredocs: { delimiter: string; stripTabs: boolean }[] = [];

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    let hasContent = false;
    let escaped = false;
    for (let at = 0; at < line.length; at++) {
      const char = line[at]!;
      const top = stack[stack.length - 1];
      if (escaped) {
        escaped = false;
        continue;
      }
      if (top === 'single') {
        if (char === "'") stack.pop();
        continue;
      }
      if (top === 'ansi') {
        if (char === '\\') escaped = true;
        else if (char === "'") stack.pop();
        continue;
      }
      if (char === '\\') {
        escaped = true;
        hasContent = true;
        continued = false;
        continue;
      }
      if (top === 'backtick') {
        if (char === '`') stack.pop();
        continue;
      }
      if (char === '$' && line[at + 1] === '(') {
        stack.push('paren');
        at++;
        hasContent = true;
        continued = false;
        continue;
      }
      if (char === '$' && line[at + 1] === '{') {
        stack.push('brace');
        at++;
        hasContent = true;
        continued = false;
        continue;
      }
      if (char === '`') {
        stack.push('backtick');
        hasContent = true;
        continued = false;
        continue;
      }
      if (top === 'double') {
        if (char === '"') stack.pop();
        continue;
      }
      // Outside quotes: at the top, or inside $(...), (...) or ${...}.
      if (/\s/.test(char)) continue;
      if (char === '#' && (at === 0 || /[\s;&|()<>]/.test(line[at - 1]!))) break;
      if (top === 'brace' && char === '}') {
        stack.pop();
        continue;
      }
      if (top === 'paren' && char === ')') {
        stack.pop();
        continue;
      }
      hasContent = true;
      continued = false;
      if (char === "'") stack.push('single');
      else if (char === '"') stack.push('double');
      else if (char === '$' && line[at + 1] === "'") {
        stack.push('ansi');
        at++;
      } else if (char === '(') stack.push('paren');
      else if (char === '|' || (char === '&' && line[at + 1] === '&')) {
        continued = true;
        if (line[at + 1] === char) at++;
      } else if (char === '<' && line[at + 1] === '<' && line[at + 2] !== '<') {
        const heredoc = /^<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(line.slice(at));
        if (heredoc) {
          heredocs.push({ delimiter: heredoc[3]!, stripTabs: heredoc[1] === '-' });
          at += heredoc[0].length - 1;
        }
      }
    }
    if (hasContent && start === undefined) start = index;
    // A here-document's lines belong to its command, whatever they hold.
    while (heredocs.length > 0 && index + 1 < lines.length) {
      const { delimiter, stripTabs } = heredocs.shift()!;
      for (index++; index < lines.length; index++) {
        const body = stripTabs ? lines[index]!.replace(/^\t+/, '') : lines[index]!;
        if (body === delimiter) break;
      }
      if (index >= lines.length) {
        problems.push({ line: firstLine + lines.length - 1, message: `the here-document ${delimiter} is never closed` });
        index = lines.length - 1;
      }
    }
    const open = stack.length > 0 || escaped || continued;
    if (start !== undefined && !open) {
      commands.push({ text: lines.slice(start, index + 1).join('\n'), startLine: firstLine + start, endLine: firstLine + index });
      start = undefined;
    }
  }
  if (start !== undefined) {
    problems.push({ line: firstLine + start, message: 'this command is never finished (an open quote, parenthesis or continuation)' });
    commands.push({ text: lines.slice(start).join('\n'), startLine: firstLine + start, endLine: firstLine + lines.length - 1 });
  }

  for (let index = 0; index < lines.length; index++) {
    const expectation = EXPECTATION.exec(lines[index]!);
    const lineNumber = firstLine + index;
    if (!expectation || commands.some((command) => command.startLine <= lineNumber && lineNumber <= command.endLine)) continue;
    const command = commands.find((candidate) => candidate.endLine === lineNumber - 1);
    if (!command) {
      problems.push({ line: lineNumber, message: 'a "# -> NNN" expectation must be the line directly after its command' });
    } else if (!/^[1-5]\d\d$/.test(expectation[1]!)) {
      problems.push({ line: lineNumber, message: `"# -> ${expectation[1]}": an expectation starts with the HTTP status curl must get, e.g. # -> 201` });
    } else if (!runsCurl(command.text)) {
      problems.push({ line: lineNumber, message: 'a "# -> NNN" expectation asserts the HTTP status of curl; this command runs no curl' });
    } else {
      command.expectStatus = Number(expectation[1]);
    }
  }
  for (const command of commands) {
    if (runsCurl(command.text) && /(^|\s)(-[a-zA-Z]*D|--dump-header)(\s|=|$)/.test(command.text)) {
      problems.push({ line: command.startLine, message: "docs:check reads curl's status through its own --dump-header: show headers with -i instead of -D" });
    }
  }
  return { commands, problems };
}

/**
 * Commands that cannot run inside the check, so a block showing one needs a skip: they start or
 * change what docs:check itself uses, run the check inside itself, take minutes or need AWS.
 */
const REFUSED: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /\bnpm\s+start\b/, why: 'it starts the local runtime, which docs:check starts itself for each page' },
  { pattern: /\bnpm\s+(install|i|ci|update|uninstall)\b/, why: 'it changes node_modules' },
  { pattern: /\bnpm\s+(test|t)\b|\bnpm\s+run\s+(test\S*|docs:check)\b|\bvitest\b/, why: 'it would run the tests, and docs:check with them, inside docs:check' },
  { pattern: /\bnpm\s+run\s+(bench\S*|soak)\b/, why: 'it runs for minutes' },
  { pattern: /\bcdk\s+(deploy|bootstrap|destroy)\b/, why: 'it needs an AWS account' },
];

/** The first command of REFUSED that a command runs, comments aside. */
export function refusedCommand(text: string): { command: string; why: string } | undefined {
  const code = text.replace(/(^|\s)#[^\n]*/g, '$1');
  for (const { pattern, why } of REFUSED) {
    const match = pattern.exec(code);
    if (match) return { command: match[0], why };
  }
  // The AWS CLI reaches the local runtime only through --endpoint-url; without it, it calls AWS.
  const aws = /(^|[\s;&|(`])aws\s+([a-z0-9-]+)/.exec(code);
  if (aws && !/--endpoint-url[\s=]+['"]?https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(code)) {
    return { command: `aws ${aws[2]}`, why: 'without an --endpoint-url of the local runtime it needs an AWS account' };
  }
  return undefined;
}

/** Whether a command runs curl (as a command word, not in a string or comment as far as a glance can tell). */
export function runsCurl(text: string): boolean {
  return /(^|[\s;&|(`])curl(\s|$)/.test(text.replace(/(^|\s)#[^\n]*/g, '$1'));
}

/**
 * Moves the default ports in a command to the ones the check's runtime listens on:
 * `localhost:3000` and `http://localhost:3000` (and 127.0.0.1) become the chosen port.
 */
export function rewritePorts(text: string, ports: Partial<Record<PortVariable, number>>): string {
  const byDefault = new Map<number, number>();
  for (const [variable, port] of Object.entries(ports) as [PortVariable, number][]) byDefault.set(DEFAULT_PORTS[variable], port);
  return text.replace(/\b(localhost|127\.0\.0\.1):(\d+)\b/g, (whole, host: string, port: string) => {
    const moved = byDefault.get(Number(port));
    return moved === undefined ? whole : `${host}:${moved}`;
  });
}
