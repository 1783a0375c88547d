import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { findFreePort } from '../../local/port-check.ts';
import { LOCAL_DIR_ENV } from '../../local/local-paths.ts';
import type { PortVariable } from './doc-command-blocks.ts';
import { plainEnvironment, type DocRuntime } from './run-doc-commands.ts';

/** The last line local/start.ts prints once every part answers. */
const READY_LINE = 'Stop with Ctrl+C.';

/** Output kept for the error message when the runtime does not start. */
const OUTPUT_TAIL_CHARS = 6_000;

export interface LocalRuntimeProcessOptions {
  /** The repository root. */
  root: string;
  readyTimeoutMs?: number;
  /** Starts again on fresh ports when another process took one of them meanwhile. */
  attempts?: number;
}

/**
 * `npm start` as the docs' reader runs it (tsx local/start.ts), on free ports, with its state in
 * stateDir and no web build (WEB_BUILD=none: web/dist is served as it is, never rewritten), in a
 * process group of its own so that stopping it stops DynamoDB Local's JVM too.
 */
export async function startLocalRuntimeProcess(stateDir: string, options: LocalRuntimeProcessOptions): Promise<DocRuntime> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    const ports = await distinctFreePorts(['PORT', 'SMTP_PORT', 'SES_PORT', 'INTAKE_PORT', 'DYNAMODB_PORT']);
    const env: Record<string, string> = { [LOCAL_DIR_ENV]: stateDir, WEB_BUILD: 'none' };
    for (const [name, port] of Object.entries(ports)) env[name] = String(port);
    try {
      const { stop, output } = await spawnRuntime(options.root, env, options.readyTimeoutMs ?? 120_000);
      return { ports, env, stop, output };
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt >= attempts) throw error;
    }
  }
}

class PortTakenError extends Error {}

async function distinctFreePorts<Name extends PortVariable>(names: readonly Name[]): Promise<Record<Name, number>> {
  const ports = {} as Record<Name, number>;
  const taken = new Set<number>();
  for (const name of names) {
    let port = await findFreePort();
    while (taken.has(port)) port = await findFreePort();
    taken.add(port);
    ports[name] = port;
  }
  return ports;
}

function spawnRuntime(root: string, env: Record<string, string>, readyTimeoutMs: number): Promise<{ stop: () => Promise<void>; output: () => string }> {
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['local/start.ts'], {
    cwd: root,
    env: { ...plainEnvironment(process.env), ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
    // DynamoDB Local's JVM shares the group; nothing of it may outlive the runtime.
    killGroup(child, 'SIGKILL');
    process.removeListener('exit', killOnExit);
  };

  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(timer);
      void stop().then(() => reject(error));
    };
    const timer = setTimeout(() => fail(new Error(`no "${READY_LINE}" within ${Math.round(readyTimeoutMs / 1000)} s. Its output:\n${output.trim()}`)), readyTimeoutMs);
    const ready = () => {
      if (!output.includes(READY_LINE)) return;
      child.stdout!.removeListener('data', ready);
      clearTimeout(timer);
      // From here on, only what the runtime prints while the commands run.
      let since = '';
      const keepSince = (chunk: Buffer) => {
        since = (since + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
      };
      child.stdout!.on('data', keepSince);
      child.stderr!.on('data', keepSince);
      resolve({ stop, output: () => since });
    };
    child.stdout!.on('data', ready);
    child.once('error', (error) => fail(error));
    child.once('exit', (code, signal) => {
      if (output.includes(READY_LINE)) return;
      const message = `it exited (${code ?? signal}) while starting. Its output:\n${output.trim()}`;
      fail(/already in use/.test(output) ? new PortTakenError(message) : new Error(message));
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // Gone already.
  }
}
