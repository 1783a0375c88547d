import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HttpRoute } from '../../functions/http/routes.ts';
import type { HttpHandler } from '../../local/http-server.ts';
import { publicRoute } from '../../shared/http/http-handler.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { eventually } from './polling.ts';

let app: TestApp;
const lines: string[] = [];

/** The slow function fails only after `release`, once the quick one has run meanwhile. */
let entered: () => void;
let release: () => void;
const slowEntered = new Promise<void>((resolve) => (entered = resolve));
const gate = new Promise<void>((resolve) => (release = resolve));

const handlers: Record<string, HttpHandler> = {
  'slow-failure': publicRoute(async () => {
    entered();
    await gate;
    throw new Error('the slow function broke');
  }) as HttpHandler,
  quick: publicRoute(async () => ({ statusCode: 200, body: 'ok' })) as HttpHandler,
};
const routes: HttpRoute[] = [
  { method: 'GET', path: '/slow', handler: 'slow-failure', auth: false, table: 'none', publicBecause: 'test' },
  { method: 'GET', path: '/quick', handler: 'quick', auth: false, table: 'none', publicBecause: 'test' },
];

/** The structured log lines the functions wrote (Powertools writes JSON to stdout and stderr). */
function logsWith(message: string): { function_name?: string; message: string }[] {
  return lines
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { function_name?: string; message: string })
    .filter((entry) => entry.message === message);
}

beforeAll(async () => {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation((...args: Parameters<typeof write>) => {
      lines.push(String(args[0]));
      return write(...args);
    });
  }
  app = await startTestApp({ routes, loadHandler: async (name) => ({ handler: handlers[name]! }), sideEffects: true });
});

afterAll(async () => {
  await app?.close();
  vi.restoreAllMocks();
});

describe('local function logs', () => {
  it("label an API function's error with that function's name while another function runs meanwhile", async () => {
    const slow = app.request('GET', '/slow');
    await slowEntered;
    expect((await app.request('GET', '/quick')).status).toBe(200);
    release();
    expect((await slow).status).toBe(500);
    expect(logsWith('Request failed').map((entry) => entry.function_name)).toEqual(['servicedesk-local-slow-failure']);
  });

  it("label a queue consumer's error with the consumer's own function name, not the last API function's", async () => {
    expect((await app.request('GET', '/quick')).status).toBe(200);
    app.sideEffects!.intake.queue.send('this is not an intake message');
    const [failure] = await eventually(() => {
      const found = logsWith('Intake message failed');
      return found.length > 0 ? found : undefined;
    }, 'the intake function never logged its failure');
    expect(failure!.function_name).toBe('servicedesk-local-intake');
  });
});
