import { createServer } from 'node:net';
import { LocalRuntimeError } from './local-runtime-error.ts';

/**
 * Fails with a readable message when something already listens on the port. Listening on all
 * interfaces catches both IPv4 and IPv6 listeners.
 */
export async function assertPortFree(port: number, what: string, envVar: string): Promise<void> {
  const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => resolve(err));
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve(undefined)));
  });
  if (!error) return;
  if (error.code === 'EADDRINUSE') {
    throw new LocalRuntimeError(
      `Port ${port} is already in use, so ${what} cannot listen on it. Stop whatever uses it ` + `(for example an earlier \`npm start\`), or choose another port: ${envVar}=<port> npm start`,
    );
  }
  if (error.code === 'EACCES') {
    throw new LocalRuntimeError(`Port ${port} needs privileges that ${what} does not have; choose a port above 1024 with ${envVar}=<port>.`);
  }
  throw new LocalRuntimeError(`Cannot check port ${port} for ${what}: ${error.message}`, { cause: error });
}

/** A port that was free a moment ago; for tests, which start one service per run. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
