import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { LocalRuntimeError } from './local-runtime-error.ts';
import { assertPortFree } from './port-check.ts';

/** The local SES: its base URL (SES endpoint and web viewer) and how to stop it. */
export interface LocalSes {
  url: string;
  close(): Promise<void>;
}

export interface LocalSesOptions {
  /** 8005 by default, the port aws-ses-v2-local documents; `SES_PORT` in `npm start`. */
  port?: number;
  /** 127.0.0.1 by default: the viewer shows every mail sent, so it stays on this machine. */
  host?: string;
}

type StartServer = (config?: { host?: string; port?: number }) => Promise<Server>;

/**
 * aws-ses-v2-local is CommonJS with its server on `exports.default`; loading it with require
 * avoids depending on how tsx and vitest each interpret a default import of such a module.
 */
function loadServer(): StartServer {
  const module = createRequire(import.meta.url)('aws-ses-v2-local') as { default?: StartServer } | StartServer;
  return typeof module === 'function' ? module : (module.default as StartServer);
}

/**
 * Starts aws-ses-v2-local: the SES v1 API (SendRawEmail) at POST / and a viewer of the sent mail
 * at GET /. Its mail store lives in the module, so every instance in one process shares it.
 */
export async function startLocalSes(options: LocalSesOptions = {}): Promise<LocalSes> {
  const port = options.port ?? 8005;
  const host = options.host ?? '127.0.0.1';
  // The library resolves its promise even when listening fails (Express 5 hands the error to the
  // listen callback, which it ignores), so the port is checked first for a useful message.
  await assertPortFree(port, 'the local SES', 'SES_PORT');
  const server = await loadServer()({ host, port });
  if (!server.listening) {
    server.close();
    throw new LocalRuntimeError(`The local SES could not listen on ${host}:${port}; choose another port with SES_PORT=<port>.`);
  }

  // Port 0 lets the system choose: report the port it chose.
  const listening = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${listening}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; without this, close waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
