import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseDocCommands } from './doc-command-blocks.ts';
import { startLocalRuntimeProcess } from './local-runtime-process.ts';
import { runDocFile, type FileResult, type StartRuntime } from './run-doc-commands.ts';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The pages docs:check runs: README.md and every Markdown file under docs/, relative to the root. */
export function docFiles(root: string = REPO_ROOT): string[] {
  if (!existsSync(join(root, 'docs'))) return ['README.md'];
  const pages = readdirSync(join(root, 'docs'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
  return ['README.md', ...pages];
}

export interface CheckDocOptions {
  root?: string;
  startRuntime?: StartRuntime;
  onOutput?: (chunk: string) => void;
}

/** Parses and runs one page against a fresh local runtime. */
export function checkDocFile(file: string, options: CheckDocOptions = {}): Promise<FileResult> {
  const root = options.root ?? REPO_ROOT;
  const doc = parseDocCommands(readFileSync(join(root, file), 'utf8'), file);
  return runDocFile(doc, {
    cwd: root,
    startRuntime: options.startRuntime ?? ((stateDir) => startLocalRuntimeProcess(stateDir, { root })),
    ...(options.onOutput ? { onOutput: options.onOutput } : {}),
  });
}

export function failed(result: FileResult): boolean {
  return result.problems.length > 0 || result.failure !== undefined;
}

const indent = (text: string, by = '    ') =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');

/** One page's outcome as docs:check prints it. */
export function formatFileResult(result: FileResult): string {
  const lines: string[] = [];
  const total = result.ran.length + result.notRun.length + (result.failure ? 1 : 0);
  const seconds = (result.durationMs / 1000).toFixed(1);
  const ran = result.problems.length > 0 ? `none of ${total} blocks ran: ${result.problems.length} problems to fix first` : `${result.ran.length} of ${total} blocks ran`;
  lines.push(`${failed(result) ? 'FAIL' : 'ok  '} ${result.file}: ${ran}, ${result.skipped.length} skipped (${seconds} s)`);
  for (const block of result.skipped) lines.push(`       skipped ${result.file}:${block.line}: ${block.skip}`);
  for (const problem of result.problems) lines.push(`  ${problem.file}:${problem.line}: ${problem.message}`);
  const failure = result.failure;
  if (failure) {
    const where = failure.command ? `${result.file}:${failure.command.startLine} (the block at line ${failure.block.line})` : `${result.file}:${failure.block.line}`;
    lines.push(`  ${where}: ${failure.message}`);
    if (failure.command) lines.push('  the command:', indent(failure.command.text));
    if (failure.output.trim()) lines.push('  its output:', indent(failure.output));
    const runtimeLines = (failure.runtimeOutput ?? '').split('\n').filter((line) => line.trim() !== '' && !/^\{"level":"(INFO|DEBUG)"/.test(line));
    if (runtimeLines.length > 0) lines.push('  the local runtime meanwhile (requests, warnings and errors, the last 20):', indent(runtimeLines.slice(-20).join('\n')));
    if (result.notRun.length > 0) lines.push(`  not run after it: the blocks at lines ${result.notRun.map((block) => block.line).join(', ')}`);
  }
  return lines.join('\n');
}

/** The closing summary: pages, blocks run and skipped (with their reasons), failures. */
export function formatSummary(results: readonly FileResult[]): string {
  const ran = results.reduce((sum, result) => sum + result.ran.length, 0);
  const skipped = results.flatMap((result) => result.skipped.map((block) => `  ${result.file}:${block.line}: ${block.skip}`));
  const failures = results.filter(failed);
  return [
    `docs:check: ${results.length} files, ${ran} blocks ran, ${skipped.length} skipped, ${failures.length} files failed` + (failures.length > 0 ? ` (${failures.map((result) => result.file).join(', ')})` : ''),
    ...(skipped.length > 0 ? ['skipped:', ...skipped] : []),
  ].join('\n');
}

const USAGE = `Usage: npm run docs:check [-- [--verbose] [--parse-only] [file.md ...]]
  Runs every sh/bash/shell block of README.md and docs/**/*.md against a fresh local runtime per file.
  --verbose     print what the commands print as they run
  --parse-only  check how the blocks are marked, run nothing`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { verbose: { type: 'boolean', default: false }, 'parse-only': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const files = positionals.length > 0 ? positionals.map((file) => relative(REPO_ROOT, resolve(process.env.INIT_CWD ?? process.cwd(), file))) : docFiles();
  const results: FileResult[] = [];
  for (const file of files) {
    if (values['parse-only']) {
      const doc = parseDocCommands(readFileSync(join(REPO_ROOT, file), 'utf8'), file);
      const run = doc.blocks.filter((block) => block.skip === undefined);
      results.push({ file, problems: doc.problems, ran: [], skipped: doc.blocks.filter((block) => block.skip !== undefined), notRun: run, output: '', durationMs: 0 });
      console.log(
        `${doc.problems.length > 0 ? 'FAIL' : 'ok  '} ${file}: ${run.length} blocks to run (${run.reduce((sum, block) => sum + block.commands.length, 0)} commands), ${results.at(-1)!.skipped.length} skipped`,
      );
      for (const problem of doc.problems) console.log(`  ${problem.file}:${problem.line}: ${problem.message}`);
      continue;
    }
    if (values.verbose) console.log(`--- ${file}`);
    const result = await checkDocFile(file, values.verbose ? { onOutput: (chunk) => process.stdout.write(chunk) } : {});
    results.push(result);
    console.log(formatFileResult(result));
  }
  console.log(`\n${formatSummary(results)}`);
  return results.some(failed) ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Ctrl+C: the runtimes and scripts die with this process (their exit handlers kill their groups).
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
