import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalQueue } from './local-queue.ts';

/** SQS's own limit on a message body. */
const MAX_MESSAGE_BYTES = 256 * 1024;

export interface LocalSqsEndpoint {
  /** The endpoint to give an SQS client (`endpoint` in the SDK, `--endpoint-url` in the CLI). */
  url: string;
  port: number;
  /** What to pass as QueueUrl for a queue. */
  queueUrl(name: string): string;
  close(): Promise<void>;
}

/**
 * The SendMessage action of SQS's JSON protocol, in front of local queues, so that another system
 * sends to `npm start` exactly as it sends to the queue on AWS: with the AWS SDK or CLI, only the
 * endpoint changed. Other actions are refused as unsupported.
 */
export async function startLocalSqsEndpoint(options: { host: string; port: number; queues: Record<string, LocalQueue> }): Promise<LocalSqsEndpoint> {
  const server = createServer((request, response) => {
    handle(request, options.queues).then(
      ({ status, body }) => reply(response, status, body),
      (error: unknown) => reply(response, 500, { __type: 'com.amazonaws.sqs#InternalError', message: error instanceof Error ? error.message : String(error) }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  return {
    url,
    port,
    queueUrl: (name) => `${url}/000000000000/${name}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Reply = { status: number; body: Record<string, unknown> };

const error = (status: number, code: string, message: string): Reply => ({ status, body: { __type: `com.amazonaws.sqs#${code}`, message } });

async function handle(request: IncomingMessage, queues: Record<string, LocalQueue>): Promise<Reply> {
  const target = String(request.headers['x-amz-target'] ?? '');
  if (request.method !== 'POST' || !target.startsWith('AmazonSQS.')) return error(400, 'InvalidAction', 'Send SQS JSON-protocol requests (X-Amz-Target: AmazonSQS.<Action>)');
  if (target !== 'AmazonSQS.SendMessage') return error(400, 'UnsupportedOperation', `${target.slice('AmazonSQS.'.length)} is not supported locally; only SendMessage is`);

  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  let input: { QueueUrl?: unknown; MessageBody?: unknown };
  try {
    input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return error(400, 'InvalidParameterValue', 'The request body is not JSON');
  }
  if (typeof input.QueueUrl !== 'string') return error(400, 'MissingParameter', 'QueueUrl is required');
  if (typeof input.MessageBody !== 'string' || input.MessageBody === '') return error(400, 'MissingParameter', 'MessageBody is required');
  if (Buffer.byteLength(input.MessageBody) > MAX_MESSAGE_BYTES) return error(400, 'InvalidParameterValue', `MessageBody is over ${MAX_MESSAGE_BYTES} bytes`);
  const name = input.QueueUrl.split('/').pop() ?? '';
  const queue = queues[name];
  if (!queue) return error(400, 'QueueDoesNotExist', `No local queue named ${JSON.stringify(name)}; local queues: ${Object.keys(queues).join(', ')}`);

  const messageId = queue.send(input.MessageBody);
  // The SDK checks this digest of the body it sent.
  return { status: 200, body: { MessageId: messageId, MD5OfMessageBody: createHash('md5').update(input.MessageBody).digest('hex') } };
}

function reply(response: ServerResponse, status: number, body: Record<string, unknown>): void {
  response.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.0' });
  response.end(JSON.stringify(body));
}
