import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rawConfig from '../../servicedesk.config.ts';
import { startTestApp, type TestApp } from './harness.ts';

const MAX_FILE_BYTES = 2048;
const MAX_COUNT = 2;
const WEB_ORIGIN = 'http://localhost:5173';
const config = { ...structuredClone(rawConfig), uploads: { maxFileBytes: MAX_FILE_BYTES, maxCount: MAX_COUNT } };

let app: TestApp;
let rita: string;
let mallory: string;
let agent: string;
/** How far the stand-in's clock runs ahead of this one: an expired form without waiting. */
let clockAhead = 0;

interface Upload {
  uploadId: string;
  url: string;
  fields: Record<string, string>;
  maxBytes: number;
  expiresAt: string;
}

beforeAll(async () => {
  app = await startTestApp({ config, sideEffects: true, uploads: { webOrigins: [WEB_ORIGIN], now: () => new Date(Date.now() + clockAhead) } });
  rita = await app.token({ email: 'rita@example.org' });
  mallory = await app.token({ email: 'mallory@example.org' });
  agent = await app.token({ role: 'agent' });
});

afterAll(async () => {
  await app?.close();
});

async function signUpload(token: string, file: { fileName: string; contentType: string; size: number }): Promise<Upload> {
  const response = await app.request('POST', '/uploads', { token, body: file });
  expect(response.status, response.text).toBe(201);
  return response.json as Upload;
}

/** The browser's part: the signed fields, then the file, as multipart/form-data. */
function postForm(upload: Upload, bytes: Uint8Array, options: { contentType?: string; override?: Record<string, string>; origin?: string } = {}): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...upload.fields, ...options.override })) form.append(name, value);
  form.append('file', new Blob([bytes], { type: options.contentType ?? 'application/octet-stream' }), 'ignored-name.bin');
  return fetch(upload.url, { method: 'POST', body: form, headers: options.origin ? { origin: options.origin } : {} });
}

async function uploaded(token: string, fileName: string, bytes: Uint8Array, contentType = 'text/plain'): Promise<string> {
  const upload = await signUpload(token, { fileName, contentType, size: bytes.byteLength });
  const response = await postForm(upload, bytes);
  expect(response.status, await response.clone().text()).toBe(204);
  return upload.uploadId;
}

async function download(token: string, ticket: string, location: string): Promise<Buffer> {
  const link = await app.request('GET', `/tickets/${ticket}/attachments?location=${encodeURIComponent(location)}`, { token });
  expect(link.status).toBe(302);
  const file = await fetch(link.headers.location!);
  expect(file.status).toBe(200);
  return Buffer.from(await file.arrayBuffer());
}

const s3Code = (xml: string) => /<Code>([^<]+)<\/Code>/.exec(xml)?.[1];

describe('POST /uploads', () => {
  it('signs a form post to the upload bucket stand-in under a key of the caller, capped at the configured size', async () => {
    const upload = await signUpload(rita, { fileName: 'printer.log', contentType: 'text/plain', size: 12 });
    expect(upload.uploadId).toMatch(/^[0-9A-Z]{26}$/);
    expect(upload.url).toBe(`${app.url}/local-s3/servicedesk-local-uploads`);
    expect(upload.maxBytes).toBe(MAX_FILE_BYTES);
    expect(upload.fields.key).toMatch(new RegExp(`^uploads/[0-9a-f]{32}/${upload.uploadId}$`));
    expect(upload.fields['Content-Type']).toBe('text/plain');
    const policy = JSON.parse(Buffer.from(upload.fields.Policy!, 'base64').toString()) as { expiration: string; conditions: unknown[] };
    expect(policy.conditions).toContainEqual(['content-length-range', 1, MAX_FILE_BYTES]);
    expect(policy.expiration).toBe(upload.expiresAt.replace('.000Z', 'Z'));
    expect(Date.parse(upload.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
  });

  it('refuses a declared size over the limit, naming size', async () => {
    const response = await app.request('POST', '/uploads', { token: rita, body: { fileName: 'big.iso', contentType: 'application/octet-stream', size: MAX_FILE_BYTES + 1 } });
    expect(response.status).toBe(400);
    expect(response.json.error.details).toEqual([{ path: 'size', message: expect.stringContaining(String(MAX_FILE_BYTES)) }]);
  });

  it('refuses a body without a file name or with a media type that is not one, naming the field', async () => {
    const noName = await app.request('POST', '/uploads', { token: rita, body: { fileName: '', contentType: 'text/plain', size: 1 } });
    expect(noName.status).toBe(400);
    expect(noName.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(['fileName']);
    const badType = await app.request('POST', '/uploads', { token: rita, body: { fileName: 'a.txt', contentType: 'text plain', size: 1 } });
    expect(badType.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(['contentType']);
  });

  it('is for people: a machine client gets 403', async () => {
    const client = await app.token({ client: 'integration', scopes: ['servicedesk/tickets.write'] });
    const response = await app.request('POST', '/uploads', { token: client, body: { fileName: 'a.txt', contentType: 'text/plain', size: 1 } });
    expect(response.status).toBe(403);
  });
});

describe('the upload bucket stand-in', () => {
  it("refuses a file over the policy's size with EntityTooLarge, whatever size was declared", async () => {
    const upload = await signUpload(rita, { fileName: 'small.txt', contentType: 'text/plain', size: 10 });
    const response = await postForm(upload, randomBytes(MAX_FILE_BYTES + 1));
    expect(response.status).toBe(400);
    expect(s3Code(await response.text())).toBe('EntityTooLarge');
  });

  it('refuses a form whose policy has expired', async () => {
    const upload = await signUpload(rita, { fileName: 'late.txt', contentType: 'text/plain', size: 4 });
    clockAhead = 16 * 60 * 1000;
    try {
      const response = await postForm(upload, Buffer.from('late'));
      expect(response.status).toBe(403);
      const body = await response.text();
      expect(s3Code(body)).toBe('AccessDenied');
      expect(body).toContain('Policy expired');
    } finally {
      clockAhead = 0;
    }
  });

  it('refuses another Content-Type, another key and an altered signature', async () => {
    const upload = await signUpload(rita, { fileName: 'note.txt', contentType: 'text/plain', size: 4 });
    const otherType = await postForm(upload, Buffer.from('note'), { override: { 'Content-Type': 'text/html' } });
    expect(otherType.status).toBe(403);
    expect(await otherType.text()).toContain('Policy Condition failed');
    const otherKey = await postForm(upload, Buffer.from('note'), { override: { key: upload.fields.key!.replace(/.$/, 'X') } });
    expect(otherKey.status).toBe(403);
    const forged = await postForm(upload, Buffer.from('note'), { override: { 'X-Amz-Signature': '0'.repeat(64) } });
    expect(s3Code(await forged.text())).toBe('SignatureDoesNotMatch');
  });

  it('answers with the status the form asks for, and sends CORS headers to the web origin only', async () => {
    const upload = await signUpload(rita, { fileName: 'cors.txt', contentType: 'text/plain', size: 4 });
    const fromWeb = await postForm(upload, Buffer.from('cors'), { origin: WEB_ORIGIN, override: { success_action_status: '201' } });
    expect(fromWeb.status).toBe(201);
    expect(fromWeb.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    expect(await fromWeb.text()).toContain(`<Key>${upload.fields.key}</Key>`);
    const again = await postForm(upload, Buffer.from('cors'), { origin: 'https://elsewhere.example' });
    expect(again.status).toBe(204);
    expect(again.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('attaching uploads', () => {
  it('attaches a file to a new ticket, lists it like a mail attachment and downloads it', async () => {
    const bytes = Buffer.from('paper jam at tray 2\n');
    const uploadId = await uploaded(rita, 'printer log.txt', bytes);
    const created = await app.request('POST', '/tickets', { token: rita, body: { subject: 'Printer jams', attachments: [uploadId] } });
    expect(created.status, created.text).toBe(201);
    const [file] = created.json.ticket.attachments;
    expect(file).toEqual({ name: 'printer log.txt', contentType: 'text/plain', size: bytes.byteLength, location: expect.stringMatching(/^attachments\/[0-9a-f]{32}\/0\/printer_log\.txt$/) });
    const read = await app.request('GET', `/tickets/${created.json.ticket.key}`, { token: rita });
    expect(read.json.ticket.attachments).toEqual([file]);
    expect(await download(rita, created.json.ticket.key, file.location)).toEqual(bytes);
    expect(await download(agent, created.json.ticket.key, file.location)).toEqual(bytes);

    // Moved, not copied: the same upload cannot be attached again.
    const again = await app.request('POST', '/tickets', { token: rita, body: { subject: 'Printer jams again', attachments: [uploadId] } });
    expect(again.status).toBe(400);
    expect(again.json.error.details).toEqual([{ path: 'attachments[0]', message: expect.stringContaining('no upload of yours') }]);
  });

  it("attaches files to a requester's public reply and to an agent's internal note", async () => {
    const ticket = (await app.request('POST', '/tickets', { token: rita, body: { subject: 'Monitor flickers' } })).json.ticket.key as string;
    const photo = randomBytes(300);
    const reply = await app.request('POST', `/tickets/${ticket}/comments`, { token: rita, body: { body: 'A photo', attachments: [await uploaded(rita, 'monitor.jpg', photo, 'image/jpeg')] } });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.json.comment.attachments).toEqual([{ name: 'monitor.jpg', contentType: 'image/jpeg', size: 300, location: expect.stringMatching(/^attachments\//) }]);
    expect(await download(rita, ticket, reply.json.comment.attachments[0].location)).toEqual(photo);

    const note = await app.request('POST', `/tickets/${ticket}/comments`, { token: agent, body: { body: 'Driver notes', public: false, attachments: [await uploaded(agent, 'driver.txt', Buffer.from('v2'))] } });
    expect(note.status, note.text).toBe(201);
    const location = note.json.comment.attachments[0].location as string;
    expect(await download(agent, ticket, location)).toEqual(Buffer.from('v2'));
    // The note's file is the note's: its requester cannot fetch it.
    expect((await app.request('GET', `/tickets/${ticket}/attachments?location=${encodeURIComponent(location)}`, { token: rita })).status).toBe(404);
  });

  it("refuses a requester's internal note with files before it touches them, and the upload stays usable", async () => {
    const ticket = (await app.request('POST', '/tickets', { token: rita, body: { subject: 'Keyboard' } })).json.ticket.key as string;
    const uploadId = await uploaded(rita, 'keys.txt', Buffer.from('qwerty'));
    const note = await app.request('POST', `/tickets/${ticket}/comments`, { token: rita, body: { body: 'secret', public: false, attachments: [uploadId] } });
    expect(note.status).toBe(403);
    const reply = await app.request('POST', `/tickets/${ticket}/comments`, { token: rita, body: { body: 'public', attachments: [uploadId] } });
    expect(reply.status).toBe(201);
  });

  it("refuses someone else's upload, naming the attachment", async () => {
    const malloryUpload = await uploaded(mallory, 'mine.txt', Buffer.from('mallory'));
    const response = await app.request('POST', '/tickets', { token: rita, body: { subject: 'Not mine', attachments: [malloryUpload] } });
    expect(response.status).toBe(400);
    expect(response.json.error.details).toEqual([{ path: 'attachments[0]', message: expect.stringContaining('no upload of yours') }]);
    // Still Mallory's to attach.
    expect((await app.request('POST', '/tickets', { token: mallory, body: { subject: 'Mine', attachments: [malloryUpload] } })).status).toBe(201);
  });

  it('refuses more files than the configured count, naming attachments', async () => {
    const ids = [];
    for (let index = 0; index <= MAX_COUNT; index += 1) ids.push(await uploaded(rita, `f${index}.txt`, Buffer.from(`file ${index}`)));
    const response = await app.request('POST', '/tickets', { token: rita, body: { subject: 'Too many', attachments: ids } });
    expect(response.status).toBe(400);
    expect(response.json.error.details).toEqual([{ path: 'attachments', message: `lists ${MAX_COUNT + 1} uploads; at most ${MAX_COUNT} are allowed` }]);
  });

  it('refuses an upload that was signed but never sent, and an id that is not one', async () => {
    const signed = await signUpload(rita, { fileName: 'never.txt', contentType: 'text/plain', size: 5 });
    const response = await app.request('POST', '/tickets', { token: rita, body: { subject: 'Nothing sent', attachments: [signed.uploadId] } });
    expect(response.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(['attachments[0]']);
    const notAnId = await app.request('POST', '/tickets', { token: rita, body: { subject: 'Bad id', attachments: ['../../etc/passwd'] } });
    expect(notAnId.status).toBe(400);
    expect(notAnId.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(['attachments[0]']);
  });

  it('answers a retried create with the same Idempotency-Key with the first ticket and its file', async () => {
    const body = { subject: 'Retried with a file', attachments: [await uploaded(rita, 'retry.txt', Buffer.from('once'))] };
    const headers = { 'idempotency-key': `uploads-${randomBytes(6).toString('hex')}` };
    const first = await app.request('POST', '/tickets', { token: rita, body, headers });
    const second = await app.request('POST', '/tickets', { token: rita, body, headers });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.json.ticket.key).toBe(first.json.ticket.key);
    expect(second.json.ticket.attachments).toEqual(first.json.ticket.attachments);
  });
});
