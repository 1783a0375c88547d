import { HttpRequest } from '@smithy/core/protocols';
import type { SignatureV4 } from '@smithy/signature-v4';

/** How long one try may take before it is given up (and tried again), unless the request says otherwise. */
const ATTEMPT_TIMEOUT_MS = 5_000;

export interface SignedRequest {
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** How long this try may take, reading the answer's body included; 5 s unless given. */
  timeoutMs?: number;
}

/**
 * Signs a request with the SDK's SigV4 signer and sends it with `fetch`, once. `fetch` sets the
 * host and the length itself, from the URL and the body the signature covers. A redirect (another
 * region's endpoint) is the service's answer, not a place to resend a request signed for this one.
 */
export async function signedFetch(signer: SignatureV4, url: URL, request: SignedRequest): Promise<Response> {
  const signed = await signer.sign(
    new HttpRequest({
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      headers: { host: url.host, ...request.headers },
      ...(request.body === undefined ? {} : { body: request.body }),
    }),
  );
  const { host: _host, 'content-length': _length, ...headers } = signed.headers;
  return fetch(url, { method: request.method, headers, body: request.body, redirect: 'manual', signal: AbortSignal.timeout(request.timeoutMs ?? ATTEMPT_TIMEOUT_MS) });
}
