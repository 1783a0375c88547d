import { createHash, randomUUID } from 'node:crypto';
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
 * The SendMessage action of SQS, in front of local queues, so that another system sends to
 * `npm start` exactly as it sends to the queue on AWS: with the AWS SDK or CLI, only the endpoint
 * changed. Both of SQS's protocols are spoken: the JSON protocol of today's SDKs and CLIs, and the
 * Query protocol (form-encoded, answered in XML) of CLIs and SDKs from before the end of 2023,
 * such as Debian's awscli. Other actions are refused as unsupported.
 */
export async function startLocalSqsEndpoint(options: { host: string; port: number; queues: Record<string, LocalQueue> }): Promise<LocalSqsEndpoint> {
  const server = createServer((request, response) => {
    handle(request, options.queues).then(
      (answer) => reply(response, answer),
      (error: unknown) => reply(response, { protocol: 'json', ...failure(500, 'InternalError', error instanceof Error ? error.message : String(error)) }),
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

type Protocol = 'json' | 'query';
type Outcome = { status: number; sent?: { messageId: string; md5: string }; error?: { code: string; message: string } };
type Answer = Outcome & { protocol: Protocol };

const failure = (status: number, code: string, message: string): Outcome => ({ status, error: { code, message } });

/** The Query protocol's codes for the errors the JSON protocol names by their shape. */
const QUERY_ERROR_CODES: Record<string, string> = { QueueDoesNotExist: 'AWS.SimpleQueueService.NonExistentQueue' };

async function handle(request: IncomingMessage, queues: Record<string, LocalQueue>): Promise<Answer> {
  const target = String(request.headers['x-amz-target'] ?? '');
  const contentType = String(request.headers['content-type'] ?? '');
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');

  if (request.method === 'POST' && target.startsWith('AmazonSQS.')) return { protocol: 'json', ...jsonRequest(target, body, queues) };
  if (request.method === 'POST' && contentType.startsWith('application/x-www-form-urlencoded')) {
    return { protocol: 'query', ...queryRequest(new URLSearchParams(body), request.url ?? '/', queues) };
  }
  return { protocol: 'json', ...failure(400, 'InvalidAction', 'Send SQS JSON-protocol requests (X-Amz-Target: AmazonSQS.<Action>) or Query-protocol ones (a form-encoded POST with Action=SendMessage)') };
}

function jsonRequest(target: string, body: string, queues: Record<string, LocalQueue>): Outcome {
  if (target !== 'AmazonSQS.SendMessage') return failure(400, 'UnsupportedOperation', `${target.slice('AmazonSQS.'.length)} is not supported locally; only SendMessage is`);
  let input: { QueueUrl?: unknown; MessageBody?: unknown };
  try {
    input = JSON.parse(body);
  } catch {
    return failure(400, 'InvalidParameterValue', 'The request body is not JSON');
  }
  return sendMessage(input.QueueUrl, input.MessageBody, queues);
}

function queryRequest(params: URLSearchParams, path: string, queues: Record<string, LocalQueue>): Outcome {
  const action = params.get('Action') ?? '';
  if (action !== 'SendMessage') return failure(400, action ? 'UnsupportedOperation' : 'MissingAction', `${action || 'A request without Action'} is not supported locally; only SendMessage is`);
  // The queue is named by QueueUrl, or, in the older form, by the path the request was posted to.
  const queueUrl = params.get('QueueUrl') ?? (path.split('?')[0] !== '/' ? path.split('?')[0] : undefined);
  return sendMessage(queueUrl, params.get('MessageBody') ?? undefined, queues);
}

function sendMessage(queueUrl: unknown, messageBody: unknown, queues: Record<string, LocalQueue>): Outcome {
  if (typeof queueUrl !== 'string') return failure(400, 'MissingParameter', 'QueueUrl is required');
  if (typeof messageBody !== 'string' || messageBody === '') return failure(400, 'MissingParameter', 'MessageBody is required');
  if (Buffer.byteLength(messageBody) > MAX_MESSAGE_BYTES) return failure(400, 'InvalidParameterValue', `MessageBody is over ${MAX_MESSAGE_BYTES} bytes`);
  const name = queueUrl.split('/').pop() ?? '';
  const queue = queues[name];
  if (!queue) return failure(400, 'QueueDoesNotExist', `No local queue named ${JSON.stringify(name)}; local queues: ${Object.keys(queues).join(', ')}`);

  const messageId = queue.send(messageBody);
  // The SDK checks this digest of the body it sent.
  return { status: 200, sent: { messageId, md5: createHash('md5').update(messageBody).digest('hex') } };
}

function reply(response: ServerResponse, answer: Answer): void {
  if (answer.protocol === 'json') {
    response.writeHead(answer.status, { 'Content-Type': 'application/x-amz-json-1.0' });
    const body = answer.error ? { __type: `com.amazonaws.sqs#${answer.error.code}`, message: answer.error.message } : { MessageId: answer.sent?.messageId, MD5OfMessageBody: answer.sent?.md5 };
    response.end(JSON.stringify(body));
    return;
  }
  const requestId = randomUUID();
  const xml = answer.error
    ? `<ErrorResponse xmlns="${QUERY_NAMESPACE}"><Error><Type>${answer.status >= 500 ? 'Receiver' : 'Sender'}</Type>` +
      `<Code>${escapeXml(QUERY_ERROR_CODES[answer.error.code] ?? answer.error.code)}</Code><Message>${escapeXml(answer.error.message)}</Message><Detail/></Error>` +
      `<RequestId>${requestId}</RequestId></ErrorResponse>`
    : `<SendMessageResponse xmlns="${QUERY_NAMESPACE}"><SendMessageResult><MessageId>${answer.sent?.messageId}</MessageId>` +
      `<MD5OfMessageBody>${answer.sent?.md5}</MD5OfMessageBody></SendMessageResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></SendMessageResponse>`;
  response.writeHead(answer.status, { 'Content-Type': 'text/xml' });
  response.end(`<?xml version="1.0"?>${xml}`);
}

const QUERY_NAMESPACE = 'http://queue.amazonaws.com/doc/2012-11-05/';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
