import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as it arrived: what a service would read of it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** An answer to give: a status, a body and headers; `chunked` sends the body without a Content-Length. */
export interface QueuedAnswer {
  status: number;
  body?: string | Buffer;
  headers?: Record<string, string>;
  chunked?: boolean;
}

/** A stand-in of a service endpoint on loopback that records each request and answers from a queue (200, empty, when empty). */
export interface RecordingServer {
  url: string;
  received: ReceivedRequest[];
  answers: QueuedAnswer[];
  reset(): void;
  close(): Promise<void>;
}

export async function startRecordingServer(path = ''): Promise<RecordingServer> {
  const received: ReceivedRequest[] = [];
  const answers: QueuedAnswer[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method!, url: request.url!, headers: request.headers, body: Buffer.concat(chunks) });
      const answer = answers.shift() ?? { status: 200 };
      const body = request.method === 'HEAD' || answer.body === undefined ? undefined : Buffer.from(answer.body);
      const typed = answer.body !== undefined && typeof answer.body === 'string' && answer.body.startsWith('<') ? { 'content-type': 'application/xml' } : {};
      response.writeHead(answer.status, { ...typed, ...(body && !answer.chunked ? { 'content-length': String(body.length) } : {}), ...answer.headers });
      if (body && answer.chunked) {
        for (let start = 0; start < body.length; start += 16) response.write(body.subarray(start, start + 16));
        response.end();
      } else response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    received,
    answers,
    reset() {
      received.length = 0;
      answers.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
