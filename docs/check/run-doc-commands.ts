import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandBlock, DocCommand, DocProblem, ParsedDoc, PortVariable } from './doc-command-blocks.ts';
import { docScript, MARK, type ScriptCommand } from './doc-script.ts';

/** What the commands of a page run against: the ports to move the defaults to, and the variables to set. */
export interface DocRuntime {
  ports: Partial<Record<PortVariable, number>>;
  env: Record<string, string>;
  stop(): Promise<void>;
  /** The end of what the runtime printed, for a failure's report. */
  output?(): string;
}

/** Starts a fresh runtime for one page, keeping its state under stateDir. */
export type StartRuntime = (stateDir: string) => Promise<DocRuntime>;

export interface DocFailure {
  block: CommandBlock;
  /** The command that failed; none when the runtime did not start or the script failed before its first command. */
  command?: DocCommand;
  message: string;
  /** What the command printed (stdout and stderr), with the check's own message. */
  output: string;
  /** The end of what the runtime printed meanwhile (handler errors show there). */
  runtimeOutput?: string;
}

export interface FileResult {
  file: string;
  problems: DocProblem[];
  /** Blocks that ran to their end. */
  ran: CommandBlock[];
  skipped: CommandBlock[];
  /** Blocks after a failure, which did not run. */
  notRun: CommandBlock[];
  failure?: DocFailure;
  /** Everything the page's commands printed. */
  output: string;
  durationMs: number;
}

export interface RunDocFileOptions {
  /** The commands' working directory: the repository root. */
  cwd: string;
  startRuntime: StartRuntime;
  /** For the whole page, runtime start excluded. */
  timeoutMs?: number;
  /** Each chunk of output as it comes, for --verbose. */
  onOutput?: (chunk: string) => void;
}

/** Variables that would make a page's commands depend on this machine or on the test runner. */
const UNSET = [/^AWS_(?!CA_BUNDLE$)/, /^VITEST/, /^TEST$/];

/** This process's environment without AWS settings and the test runner's markers. */
export function plainEnvironment(base: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) if (value !== undefined && !UNSET.some((pattern) => pattern.test(name))) env[name] = value;
  return env;
}

/**
 * The commands' environment: this process's, without AWS credentials, profiles and regions (the
 * docs must work on a machine with none) and the test runner's markers, plus the runtime's.
 */
export function commandEnvironment(base: NodeJS.ProcessEnv, workDir: string, runtime: Record<string, string>): Record<string, string> {
  return {
    ...plainEnvironment(base),
    AWS_CONFIG_FILE: join(workDir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(workDir, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    ...runtime,
  };
}

/**
 * Runs a page's runnable blocks in order in one bash process against a runtime started for the
 * page alone, and says which command failed, if one did. A page with problems is not run.
 */
export async function runDocFile(doc: ParsedDoc, options: RunDocFileOptions): Promise<FileResult> {
  const started = Date.now();
  const skipped = doc.blocks.filter((block) => block.skip !== undefined);
  const runnable = doc.blocks.filter((block) => block.skip === undefined && block.commands.length > 0);
  const result = (rest: Partial<FileResult>): FileResult => ({
    file: doc.file,
    problems: doc.problems,
    ran: [],
    skipped,
    notRun: [],
    output: '',
    durationMs: Date.now() - started,
    ...rest,
  });
  if (doc.problems.length > 0) return result({ notRun: runnable });
  if (runnable.length === 0) return result({});

  const workDir = mkdtempSync(join(tmpdir(), 'servicedesk-docs-check-'));
  const stateDir = join(workDir, 'state');
  mkdirSync(stateDir);
  try {
    let runtime: DocRuntime;
    try {
      runtime = await options.startRuntime(stateDir);
    } catch (error) {
      const message = `the local runtime did not start: ${error instanceof Error ? error.message : String(error)}`;
      return result({ notRun: runnable, failure: { block: runnable[0]!, message, output: '' } });
    }
    try {
      const script = docScript(runnable, runtime.ports);
      const scriptFile = join(workDir, 'commands.sh');
      const failuresFile = join(workDir, 'failures');
      writeFileSync(scriptFile, script.text);
      writeFileSync(failuresFile, '');
      const env = commandEnvironment(process.env, workDir, { ...runtime.env, DOCS_CHECK_FAILURES: failuresFile });
      const run = await runScript(scriptFile, { cwd: options.cwd, env, timeoutMs: options.timeoutMs ?? 300_000, ...(options.onOutput ? { onOutput: options.onOutput } : {}) });
      const judged = judge(run, script.commands, runnable, readFileSync(failuresFile, 'utf8'));
      if (judged.failure && runtime.output) judged.failure.runtimeOutput = runtime.output();
      return result({ output: withoutMarks(run.output), ...judged });
    } finally {
      await runtime.stop();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

interface ScriptRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  timedOut: boolean;
}

/** bash in a process group of its own, so that whatever a command leaves running is stopped with it. */
function runScript(file: string, options: { cwd: string; env: Record<string, string>; timeoutMs: number; onOutput?: (chunk: string) => void }): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [file], { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    const take = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      options.onOutput?.(withoutMarks(text));
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // The group is gone already.
      }
    };
    const killOnExit = () => killGroup('SIGKILL');
    process.once('exit', killOnExit);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup('SIGTERM');
      setTimeout(() => killGroup('SIGKILL'), 3_000).unref();
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      process.removeListener('exit', killOnExit);
      reject(error);
    });
    child.once('close', (exitCode, signal) => {
      clearTimeout(timer);
      process.removeListener('exit', killOnExit);
      // Anything a command started in the background goes with the script.
      killGroup('SIGKILL');
      resolve({ exitCode, signal, output, timedOut });
    });
  });
}

const MARKS = new RegExp(`${MARK}[^${MARK}]*${MARK}`, 'g');

function withoutMarks(text: string): string {
  return text.replace(MARKS, '');
}

/** Splits the output at the marks: the text before the first mark, then each command's. */
export function outputByCommand(output: string): { before: string; commands: Map<number, string>; done: boolean; last?: number } {
  const parts = output.split(new RegExp(`${MARK}([^${MARK}]*)${MARK}`));
  const commands = new Map<number, string>();
  let done = false;
  let last: number | undefined;
  for (let at = 1; at < parts.length; at += 2) {
    const mark = parts[at]!;
    if (mark === 'done') {
      done = true;
      continue;
    }
    last = Number(mark);
    commands.set(last, (commands.get(last) ?? '') + (parts[at + 1] ?? ''));
  }
  return { before: parts[0] ?? '', commands, done, ...(last !== undefined ? { last } : {}) };
}

function judge(run: ScriptRun, commands: readonly ScriptCommand[], runnable: readonly CommandBlock[], failures: string): Pick<FileResult, 'ran' | 'notRun' | 'failure'> {
  const split = outputByCommand(run.output);
  if (run.exitCode === 0 && split.done && failures === '') return { ran: [...runnable], notRun: [] };

  const recorded = /^(-?\d+)\t(.*)$/m.exec(failures);
  const index = recorded && Number(recorded[1]) >= 0 ? Number(recorded[1]) : split.last;
  const failed = index !== undefined ? commands[index] : undefined;
  const block = failed?.block ?? runnable[0]!;
  const message = run.timedOut
    ? `timed out: still running after the page's time limit`
    : recorded
      ? recorded[2]!
      : run.exitCode === 0
        ? 'the script stopped before its last command'
        : run.exitCode === 127
          ? 'exited with status 127: a command was not found (is it installed? .ci/run installs what the docs use)'
          : `exited with status ${run.exitCode ?? run.signal}`;
  const output = failed ? (split.commands.get(index!) ?? '') : split.before;
  const at = runnable.indexOf(block);
  return {
    ran: runnable.slice(0, at),
    notRun: runnable.slice(at + 1),
    failure: { block, ...(failed ? { command: failed.command } : {}), message, output },
  };
}
