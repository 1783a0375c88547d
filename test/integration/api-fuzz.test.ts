import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signApprovalLink } from '../../shared/auth/approval-link-token.ts';
import { SCOPES } from '../../shared/auth/scopes.ts';
import { startTestApp, type TestApp, type TestResponse } from './harness.ts';

/**
 * Hostile input against every body, query string, path parameter and header the API reads: any
 * JSON, valid bodies with one field broken, huge and odd strings, deep nesting, forged cursors.
 * The contract: never a 5xx; a refusal is `{ error: { code, message, details } }` naming the field.
 */

// Each run is an HTTP request or two; fast-check's own random seed, printed with any counterexample.
const RUNS = { numRuns: 20 };

let app: TestApp;
let agent: string; // alice: IT level 1
let admin: string; // also a software approver
let rita: string;
let readClient: string;

/** Tickets opened ahead, so that a run that changes one does not change what the next run finds. */
const spareTickets: string[] = [];
const spareApprovalRequests: string[] = [];

async function open(body: Record<string, unknown>, token = rita): Promise<string> {
  const response = await app.request('POST', '/tickets', { token, body });
  expect(response.status, response.text).toBe(201);
  return response.json.ticket.key;
}
const openTicket = () => open({ subject: 'Printer jams' });
const openApprovalRequest = () => open({ catalogItem: 'it-software-install', subject: 'Graph tool', customFields: { software: 'Plotter 2' } });
const spareTicket = async () => spareTickets.pop() ?? openTicket();
const spareApprovalRequest = async () => spareApprovalRequests.pop() ?? openApprovalRequest();

type Detail = { path: string; message: string };

const namesOne = (detail: Detail, name: string) => detail.path === name || detail.path.startsWith(`${name}.`) || detail.path.startsWith(`${name}[`);

/**
 * The contract of every answer: below 500, and a refusal is the API's error body whose details name
 * one of `names`, or (for a path parameter, which has no field) whose message quotes one of `values`.
 */
function expectContract(response: TestResponse, names: readonly string[], values: readonly string[] = []): void {
  expect(response.status, response.text).toBeLessThan(500);
  if (response.status < 400) return;
  const error = response.json?.error;
  expect(error, response.text).toMatchObject({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
  const details = error.details as Detail[];
  for (const detail of details) expect(detail, response.text).toMatchObject({ path: expect.stringMatching(/./), message: expect.stringMatching(/./) });
  const named = details.some((detail) => names.some((name) => namesOne(detail, name))) || values.some((value) => error.message.includes(value));
  expect(named, `${response.status} ${response.text} should name one of ${JSON.stringify([...names, ...values])}`).toBe(true);
}

// Values no field expects, or expects only by chance.
const nested = (depth: number, inner: unknown, wrap: (value: unknown) => unknown) => {
  let value = inner;
  for (let level = 0; level < depth; level++) value = wrap(value);
  return value;
};
const oddStrings = fc.constantFrom('', ' \t ', '\u0000', 'a\ud800b', '\u202eevil', '\u200b', '𝕏', 'ﷺ', 'null', '{}', '<script>alert(1)</script>', '../../etc/passwd', "' OR 1=1 --");
const hugeStrings = fc.constantFrom('x'.repeat(5_000), 'é'.repeat(60_000), '😀'.repeat(20_000));
const deepNesting = fc.integer({ min: 50, max: 3_000 }).chain((depth) =>
  fc.constantFrom(
    nested(depth, 1, (value) => [value]),
    nested(depth, 'x', (value) => ({ a: value })),
  ),
);
// Keys every JavaScript object already has, beside arbitrary ones.
const objectKey = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  oddStrings,
  hugeStrings,
  deepNesting,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(objectKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
);

type Mutation = { body: unknown; names: string[] };
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sends any JSON value as a JSON body (the harness would send a bare string as text). */
const asJson = (body: unknown) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

/** A valid body with one field broken, removed, or one unknown field added; `names` is what a refusal must name. */
function mutations(valid: Record<string, unknown>, fields: readonly string[]): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ field: fc.constantFrom(...fields), value: hostileValue }).map(({ field, value }) => ({ body: { ...valid, [field]: value }, names: [field] })),
    fc.constantFrom(...Object.keys(valid)).map((field) => ({ body: Object.fromEntries(Object.entries(valid).filter(([key]) => key !== field)), names: [field] })),
    fc
      .record({ field: objectKey.filter((key) => key !== '' && !fields.includes(key)), value: fc.jsonValue({ maxDepth: 2 }) })
      .map(({ field, value }) => ({ body: { ...valid, [field]: value }, names: [field] })),
    // Not an object at all, or any JSON: the refusal names the body, a field or one of its keys.
    fc.jsonValue({ maxDepth: 3 }).map((body) => ({ body, names: ['body', ...fields, ...(isObject(body) ? Object.keys(body) : [])] })),
  );
}

/** A valid body whose custom fields are any names with any values: the one free-form part of a ticket. */
function customFieldMutations(valid: Record<string, unknown>): fc.Arbitrary<Mutation> {
  return fc
    .dictionary(objectKey, fc.oneof(hostileValue, fc.string({ maxLength: 20 }), fc.integer()), { minKeys: 1, maxKeys: 4 })
    .map((customFields) => ({ body: { ...valid, customFields }, names: ['customFields'] }));
}

// Header values a client can send: visible ASCII and Latin-1, spaces and tabs inside.
const headerChar = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }), fc.constant(0x09)).map((code) => String.fromCharCode(code));
const headerValue = fc.oneof(fc.string({ unit: headerChar, maxLength: 200 }), fc.constantFrom('', '*', '"1"', 'W/"1"', '1', '"999999999999999999"', 'x'.repeat(129)));

// Path segments a URL can carry (no lone surrogates) that stay one segment ('.' and '..' would not).
const encodable = (value: string) => {
  try {
    return encodeURIComponent(value) !== '';
  } catch {
    return false;
  }
};
const pathSegment = fc
  .oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), oddStrings)
  .filter((value) => encodable(value) && !/^\.{1,2}$/.test(value));

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value) ?? '').toString('base64url');

/** Cursors made from a real one: truncated, re-encoded, with one position key emptied, stretched, dropped or added. */
function forgedCursors(valid: string): fc.Arbitrary<string> {
  const decoded = JSON.parse(Buffer.from(valid, 'base64url').toString('utf8')) as { v: number; p: (Record<string, string> | null | 'done')[] };
  const position = decoded.p.find((entry): entry is Record<string, string> => typeof entry === 'object' && entry !== null) ?? {};
  const keyValue = fc.oneof(fc.constant(''), fc.string({ maxLength: 20 }), fc.constant('x'.repeat(2_000)), fc.constant('é'.repeat(600)), fc.integer(), fc.constant(null));
  const withPosition = (change: (entry: Record<string, unknown>) => void) => {
    const copy = structuredClone(decoded) as { v: unknown; p: unknown[] };
    const index = copy.p.findIndex((entry) => typeof entry === 'object' && entry !== null);
    const entry = { ...(copy.p[index] as Record<string, unknown>) };
    change(entry);
    copy.p[index === -1 ? 0 : index] = entry;
    return b64(copy);
  };
  return fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.nat({ max: valid.length - 1 }).map((length) => valid.slice(0, length)),
    fc.jsonValue({ maxDepth: 3 }).map(b64),
    fc.record({ key: fc.constantFrom(...Object.keys(position), 'extra'), value: keyValue }).map(({ key, value }) => withPosition((entry) => (entry[key] = value))),
    fc.constantFrom(...Object.keys(position)).map((key) => withPosition((entry) => delete entry[key])),
    fc.constantFrom({ ...decoded, v: 2 }, { ...decoded, p: [] }, { ...decoded, p: [...decoded.p, ...decoded.p] }, { ...decoded, p: 'done' }).map(b64),
  );
}

/** Query strings of known and unknown parameters with any values; repeated names join with commas as in API Gateway. */
function queries(known: readonly string[], values: fc.Arbitrary<string> = fc.oneof(fc.string({ maxLength: 30 }), oddStrings)): fc.Arbitrary<[string, string][]> {
  return fc.array(fc.tuple(fc.oneof(fc.constantFrom(...known), fc.string({ minLength: 1, maxLength: 12 })), values), { maxLength: 4 });
}
const queryString = (entries: [string, string][]) => new URLSearchParams(entries).toString();

let pagedTicket: string;
const cursors: Record<'desk' | 'requester' | 'queue' | 'history', string> = { desk: '', requester: '', queue: '', history: '' };

beforeAll(async () => {
  app = await startTestApp();
  agent = await app.token({ email: 'alice.agent@example.com' });
  admin = await app.token({ email: 'admin@example.com' });
  rita = await app.token({ email: 'rita@example.org' });
  readClient = await app.token({ client: 'reporting', scopes: [SCOPES.ticketsRead] });
  spareTickets.push(...(await Promise.all(Array.from({ length: 2 * RUNS.numRuns }, openTicket))));
  spareApprovalRequests.push(...(await Promise.all(Array.from({ length: 2 * RUNS.numRuns }, openApprovalRequest))));

  pagedTicket = await openTicket();
  for (const priority of ['P1', 'P2', 'P4'] as const) await app.request('PATCH', `/tickets/${pagedTicket}`, { token: agent, body: { priority } });
  const nextCursor = async (path: string, token = agent) => {
    const response = await app.request('GET', path, { token });
    expect(response.json.nextCursor, `${path}: ${response.text}`).toEqual(expect.any(String));
    return response.json.nextCursor as string;
  };
  cursors.desk = await nextCursor('/tickets?desk=it&status=new,open&limit=1');
  cursors.requester = await nextCursor('/tickets?limit=1', rita);
  cursors.queue = await nextCursor('/desks/it/queue?limit=1');
  cursors.history = await nextCursor(`/tickets/${pagedTicket}/history?limit=2`);
});

afterAll(() => app?.close());

describe('POST /tickets', () => {
  const valid = {
    subject: 'Laptop does not boot',
    description: 'Black screen after the update.',
    requester: { email: 'rita@example.org', name: 'Rita Requester' },
    impact: 'medium',
    urgency: 'high',
    category: ['Hardware'],
    tags: ['laptop'],
    customFields: { assetTag: 'LAP-42' },
  };
  const fields = ['catalogItem', 'type', 'subject', 'description', 'requester', 'priority', 'impact', 'urgency', 'category', 'desk', 'tags', 'customFields'];

  it('answers any body with a ticket or a refusal that names the field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutations(valid, fields), customFieldMutations(valid)), async ({ body, names }) => {
        expectContract(await app.request('POST', '/tickets', { token: agent, ...asJson(body) }), names);
      }),
      RUNS,
    );
  });

  it('names the header or the body when the Idempotency-Key, the media type or the bytes are wrong', async () => {
    const rawBodies = fc.oneof(
      fc.string({ maxLength: 100 }).map((text) => Buffer.from(text)),
      fc.uint8Array({ maxLength: 100 }).map((bytes) => Buffer.from(bytes)),
      fc.constant(Buffer.from(JSON.stringify({ ...valid, description: 'x'.repeat(300_000) }))),
    );
    const contentTypes = fc.oneof(
      fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/vnd.api+json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'),
      headerValue,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          headerValue.map((key) => ({ headers: { 'idempotency-key': key }, body: valid as unknown, names: ['Idempotency-Key'] })),
          contentTypes.map((type) => ({ headers: { 'content-type': type }, body: JSON.stringify(valid) as unknown, names: ['Content-Type', 'body'] })),
          rawBodies.map((bytes) => ({ headers: { 'content-type': 'application/json' }, body: bytes as unknown, names: ['body', ...fields] })),
        ),
        async ({ headers, body, names }) => {
          expectContract(await app.request('POST', '/tickets', { token: agent, body, headers }), names);
        },
      ),
      RUNS,
    );
  });

  it('names the Idempotency-Key of a comment when it is wrong, and adds nothing for it', async () => {
    const ticket = await openTicket();
    let added = 0;
    await fc.assert(
      fc.asyncProperty(headerValue, async (key) => {
        const response = await app.request('POST', `/tickets/${ticket}/comments`, { token: agent, body: { body: 'fuzzed key', public: false }, headers: { 'idempotency-key': key } });
        expectContract(response, ['Idempotency-Key']);
        if (response.status === 201) added++;
      }),
      RUNS,
    );
    // A refused key added nothing, a repeated one nothing more.
    expect((await app.request('GET', `/tickets/${ticket}`, { token: agent })).json.comments).toHaveLength(added);
  });
});

describe('PATCH /tickets/{key}', () => {
  const valid = { subject: 'Laptop black screen', priority: 'P2', tags: ['hardware'], customFields: { floor: 3 } };
  const fields = ['subject', 'status', 'priority', 'impact', 'urgency', 'category', 'catalogItem', 'desk', 'level', 'assignee', 'tags', 'customFields'];

  it('answers any update with the ticket or a refusal that names the field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutations(valid, fields), customFieldMutations(valid)), async ({ body, names }) => {
        expectContract(await app.request('PATCH', `/tickets/${await spareTicket()}`, { token: agent, ...asJson(body) }), names);
      }),
      RUNS,
    );
  });

  it('names If-Match whatever it holds', async () => {
    // The same change every time: after the first it changes nothing, so the version stays 1 or 2.
    const key = await openTicket();
    await fc.assert(
      fc.asyncProperty(headerValue, async (ifMatch) => {
        expectContract(await app.request('PATCH', `/tickets/${key}`, { token: agent, body: valid, headers: { 'if-match': ifMatch } }), ['If-Match']);
      }),
      RUNS,
    );
  });

  it("keeps a ticket's custom fields within what one item holds, naming them (not a 500)", async () => {
    const key = await openTicket();
    const fieldsOf = (prefix: string) => Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`${prefix}${index}`, 'x'.repeat(2_000)]));
    expect((await app.request('PATCH', `/tickets/${key}`, { token: agent, body: { customFields: fieldsOf('first') } })).status).toBe(200);
    const growing = await app.request('PATCH', `/tickets/${key}`, { token: agent, body: { customFields: fieldsOf('second') } });
    expect(growing.status, growing.text).toBe(400);
    expect(growing.json.error.details).toEqual([{ path: 'customFields', message: 'take at most 64 KB in all' }]);
    const named = await app.request('PATCH', `/tickets/${key}`, { token: agent, body: { customFields: { constructor: 'x' } } });
    expect(named.json.error.details).toEqual([{ path: 'customFields.constructor', message: 'is a reserved name' }]);
  });
});

describe('numbers in custom fields', () => {
  // JSON number text as a client writes it: beyond 2^53, beyond what a double or DynamoDB holds, tiny, negative zero.
  // JSON allows no leading zero: a whole part is 0 or starts with another digit.
  const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
  const wholePart = (maxLength: number) =>
    fc.oneof(
      fc.constant('0'),
      fc.tuple(fc.constantFrom(...'123456789'), digits(0, maxLength - 1)).map(([first, rest]) => first + rest),
    );
  const numberText = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => JSON.stringify(value)),
    fc.integer().map(String),
    fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
    fc.tuple(fc.constantFrom('', '-'), wholePart(3), fc.integer({ min: -400, max: 400 })).map(([sign, mantissa, exponent]) => `${sign}${mantissa}e${exponent}`),
    fc.tuple(wholePart(20), digits(1, 40)).map(([whole, fraction]) => `${whole}.${fraction}`),
    fc.constantFrom('1e308', '9007199254740993', '1e-200', '-0', '1e400', '-9007199254740992', '0.1e-129', '1e-130', '9007199254740991'),
  );

  it('stores a number and gives it back as it was read, or refuses it with 400 naming the field', async () => {
    const key = await openTicket();
    await fc.assert(
      fc.asyncProperty(numberText, fc.boolean(), async (text, onCreate) => {
        const customFields = `{"reading":${text}}`;
        const response = onCreate
          ? await app.request('POST', '/tickets', {
              token: agent,
              body: `{"subject":"Meter","requester":{"email":"rita@example.org"},"customFields":${customFields}}`,
              headers: { 'content-type': 'application/json' },
            })
          : await app.request('PATCH', `/tickets/${key}`, { token: agent, body: `{"customFields":${customFields}}`, headers: { 'content-type': 'application/json' } });
        expectContract(response, ['customFields.reading']);
        if (response.status >= 400) {
          expect(response.status, response.text).toBe(400);
          return;
        }
        const stored = await app.request('GET', `/tickets/${response.json.ticket.key}`, { token: agent });
        expect(stored.json.ticket.customFields.reading, text).toBe(JSON.parse(text) === 0 ? 0 : JSON.parse(text));
      }),
      { numRuns: 60 },
    );
  });
});

describe('POST /tickets/{key}/comments, /escalate and /approval', () => {
  let commented: string;
  beforeAll(async () => {
    commented = await openTicket();
  });

  it('answers any comment with the comment or a refusal that names the field', async () => {
    const valid = { body: 'We are on it.', public: true, html: '<p>We are <b>on it</b>.</p>' };
    await fc.assert(
      fc.asyncProperty(mutations(valid, ['body', 'public', 'html']), async ({ body, names }) => {
        expectContract(await app.request('POST', `/tickets/${commented}/comments`, { token: agent, ...asJson(body) }), names);
      }),
      RUNS,
    );
  });

  it('answers any escalation with the ticket or a refusal that names the field', async () => {
    await fc.assert(
      fc.asyncProperty(mutations({ reason: 'Needs a second line' }, ['reason']), async ({ body, names }) => {
        expectContract(await app.request('POST', `/tickets/${await spareTicket()}/escalate`, { token: agent, ...asJson(body) }), names);
      }),
      RUNS,
    );
  });

  it('answers any approval decision with the ticket or a refusal that names the field', async () => {
    await fc.assert(
      fc.asyncProperty(mutations({ decision: 'approve', comment: 'Budgeted' }, ['decision', 'comment']), async ({ body, names }) => {
        expectContract(await app.request('POST', `/tickets/${await spareApprovalRequest()}/approval`, { token: admin, ...asJson(body) }), names);
      }),
      RUNS,
    );
  });
});

describe('POST /approvals/decide', () => {
  it('answers any decision by link with the outcome or a refusal that names the field', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constant(undefined),
          fc.string({ minLength: 20, maxLength: 400 }),
          fc.nat({ max: 30 }).map((cut) => ({ cut })),
        ),
        fc.constantFrom('decision', 'comment', 'extra'),
        hostileValue,
        async (tokenChange, field, value) => {
          const ticketKey = await spareApprovalRequest();
          const link = await signApprovalLink(app.approvalLinkKey, { ticketKey, step: 0, approver: 'admin@example.com' }, new Date());
          const token = tokenChange === undefined ? link : typeof tokenChange === 'string' ? tokenChange : link.slice(0, link.length - 1 - tokenChange.cut);
          // The token is broken, or a field is: either is what the refusal must name.
          const body = tokenChange === undefined ? { token, decision: 'approve', [field]: value } : { token, decision: 'approve' };
          const names = tokenChange === undefined ? [field] : ['token'];
          expectContract(await app.request('POST', '/approvals/decide', asJson(body)), names);
        },
      ),
      RUNS,
    );
  });
});

describe('PUT /agents/{email}/availability', () => {
  it('answers any availability body or agent with the availability or a refusal that names it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutations({ available: true }, ['available']).map(({ body, names }) => ({ agent: 'alice.agent@example.com', body, names })),
          pathSegment.map((value) => ({ agent: value, body: { available: true } as unknown, names: ['email'] })),
        ),
        async ({ agent: agentEmail, body, names }) => {
          const response = await app.request('PUT', `/agents/${encodeURIComponent(agentEmail)}/availability`, { token: admin, ...asJson(body) });
          expectContract(response, names, [agentEmail.toLowerCase()]);
        },
      ),
      RUNS,
    );
  });
});

describe('query strings, cursors and path parameters', () => {
  const listParameters = ['desk', 'status', 'assignee', 'requester', 'sla', 'cursor', 'limit'];

  it('answers any ticket list filter with a page or a refusal that names the parameter', async () => {
    await fc.assert(
      fc.asyncProperty(queries(listParameters), fc.constantFrom('agent', 'rita', 'readClient'), async (entries, who) => {
        const token = { agent, rita, readClient }[who];
        expectContract(await app.request('GET', `/tickets?${queryString(entries)}`, { token }), [...listParameters, ...entries.map(([name]) => name)]);
      }),
      RUNS,
    );
  });

  it('answers a forged cursor of any list with a page or a refusal that names the cursor', async () => {
    const lists = [
      { path: '/tickets?desk=it&status=new,open&limit=1', token: () => agent, cursor: () => cursors.desk },
      { path: '/tickets?limit=1', token: () => rita, cursor: () => cursors.requester },
      { path: '/desks/it/queue?limit=1', token: () => agent, cursor: () => cursors.queue },
      { path: () => `/tickets/${pagedTicket}/history?limit=2`, token: () => agent, cursor: () => cursors.history },
    ];
    for (const list of lists) {
      await fc.assert(
        fc.asyncProperty(forgedCursors(list.cursor()), async (cursor) => {
          const path = typeof list.path === 'function' ? list.path() : list.path;
          expectContract(await app.request('GET', `${path}&cursor=${encodeURIComponent(cursor)}`, { token: list.token() }), ['cursor']);
        }),
        { numRuns: 12 },
      );
    }
  });

  it('answers any desk queue query or desk with a page or a refusal that names it', async () => {
    const parameters = ['level', 'status', 'cursor', 'limit'];
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant('it'), pathSegment), queries(parameters), async (desk, entries) => {
        const response = await app.request('GET', `/desks/${encodeURIComponent(desk)}/queue?${queryString(entries)}`, { token: agent });
        expectContract(response, [...parameters, ...entries.map(([name]) => name)], [desk]);
      }),
      RUNS,
    );
  });

  it('answers any history query or ticket key with a page or a refusal that names it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(pagedTicket), pathSegment), queries(['cursor', 'limit']), async (key, entries) => {
        const response = await app.request('GET', `/tickets/${encodeURIComponent(key)}/history?${queryString(entries)}`, { token: agent });
        expectContract(response, ['key', 'cursor', 'limit', ...entries.map(([name]) => name)], [key.toUpperCase()]);
      }),
      RUNS,
    );
  });

  it("answers any quarantine day with the day's mail or a refusal that names the parameter", async () => {
    await fc.assert(
      fc.asyncProperty(
        queries(
          ['day'],
          fc.oneof(
            fc.string({ maxLength: 12 }),
            fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
          ),
        ),
        async (entries) => {
          expectContract(await app.request('GET', `/mail/quarantine?${queryString(entries)}`, { token: admin }), ['day', ...entries.map(([name]) => name)]);
        },
      ),
      RUNS,
    );
  });
});

describe('control and bidi characters in text fields', () => {
  // C0/C1 controls, bidi embeddings, overrides and isolates, zero-width characters, line and paragraph separators.
  const unsafeCharacter = fc.constantFrom(...'\u0000\u0007\u0008\u000b\u000c\u001b\u007f\u0085\u009b\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u2060\ufeff\u2028\u2029\r');
  const hostileText = fc.array(fc.oneof(unsafeCharacter, fc.string({ unit: 'grapheme', maxLength: 4 }), fc.constantFrom('\n', '\t', 'exe.txt')), { maxLength: 30 }).map((parts) => parts.join(''));
  // eslint-disable-next-line no-control-regex -- these find the characters that must not come back raw
  const RAW_IN_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\u2028\u2029]/;
  // eslint-disable-next-line no-control-regex -- as above
  const RAW_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\u2028\u2029]/;

  it('never gives them back raw in a subject, a requester name, a description or a comment', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, hostileText, hostileText, async (subject, name, description, body) => {
        const created = await app.request('POST', '/tickets', {
          token: agent,
          body: { subject: `Case ${subject}`, description, requester: { email: 'rita@example.org', name: `Rita ${name}` } },
        });
        expect(created.status, created.text).toBe(201);
        const key = created.json.ticket.key as string;
        const commented = await app.request('POST', `/tickets/${key}/comments`, { token: agent, body: { body: `Note ${body}`, public: false } });
        expect(commented.status, commented.text).toBe(201);
        const { ticket, comments } = (await app.request('GET', `/tickets/${key}`, { token: agent })).json;
        for (const value of [ticket.subject, ticket.requester.name]) expect(value).not.toMatch(RAW_IN_ONE_LINE);
        for (const value of [ticket.description, comments[0].body]) expect(value).not.toMatch(RAW_IN_TEXT);
        expect(ticket.subject).toMatch(/^Case/);
        expect(ticket.requester.name).toMatch(/^Rita/);
        expect(comments[0].body).toMatch(/^Note/);
      }),
      RUNS,
    );
  });
});
