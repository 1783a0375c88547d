/**
 * The agent console's budgets: the JavaScript it loads before its first queue shows (gzip, as
 * CloudFront serves it), how fast a queue of a desk with 1,000 active tickets, a ticket with 200
 * comments and a sent reply appear in headless Chromium against the local runtime, and
 * Lighthouse on the queue and the ticket view. Figures only: nothing here fails on a slow machine.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../infra/constructs/service-desk-function.ts';
import { personClaims, resolveTokenPerson } from '../../local/token-claims.ts';
import { WEB_DIST_DIR } from '../../local/web-app-files.ts';
import { serviceDeskConfig } from '../../shared/config/service-desk-config.ts';
import { distribution, type Distribution } from '../lib/stats.ts';
import { CHROMIUM_PATH, lighthouseScores, LIGHTHOUSE_SETTINGS, sessionStorageEntry, startWebRuntime, type LighthousePage, type WebRuntime } from './web-app.ts';

const run = promisify(execFile);

// What the functions below use of the page when they run in Chromium (the project compiles without the DOM library).
declare const document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null; click(): void }>; body: unknown };
declare const sessionStorage: { setItem(key: string, value: string): void };
declare const window: { __shownAt?: number };
declare const history: { pushState(state: unknown, title: string, url: string): void };
declare function dispatchEvent(event: unknown): void;
declare const PopStateEvent: new (type: string) => unknown;
declare const MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };

export const CONSOLE_INITIAL_JS_TARGET_BYTES = 150 * 1024;
export const QUEUE_TARGET_MS = 300;
export const TICKET_TARGET_MS = 300;
export const REPLY_TARGET_MS = 200;

const AGENT = 'alice.agent@example.com';
const REQUESTER = 'rita@example.org';
/** Rows of the queue's first page (QUEUE_PAGE_SIZE in web/src/features/queues/api/list-queue.ts). */
const FIRST_PAGE_ROWS = 25;

export interface ConsoleAppResult {
  activeTickets: number;
  comments: number;
  runs: number;
  initialJs: { files: { file: string; gzipBytes: number }[]; gzipBytes: number; targetGzipBytes: number; meetsTarget: boolean };
  /** Milliseconds from an in-app navigation (a click on a queue link) to the queue's first page in the DOM. */
  queueNavigation: Distribution;
  /** Milliseconds from the start of a full page load of the queue to its first page in the DOM. */
  queueFullLoad: Distribution;
  /** Milliseconds from an in-app navigation to the ticket with all its comments in the DOM. */
  ticketNavigation: Distribution;
  /** From Send to the reply in the conversation: all of it, the API's requests on the way, and the rest (the app's own time). */
  reply?: { total: Distribution; api: Distribution; app: Distribution };
  lighthouse: { version: string; settings: string; runs: number; pages: LighthousePage[] };
  targets: { queueMs: number; ticketMs: number; replyMs: number };
}

export async function measureConsoleApp(options: { runs: number; lighthouseRuns: number; activeTickets: number; comments: number }, log: (line: string) => void = () => undefined): Promise<ConsoleAppResult> {
  await run('npm', ['run', 'build:web'], { cwd: PROJECT_ROOT, maxBuffer: 16 * 1024 * 1024 });
  const runtime = await startWebRuntime();
  try {
    log(`console: ${options.activeTickets} active IT tickets and one with ${options.comments} comments, through the API`);
    const seeded = await seed(runtime, options);
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    let timings: Omit<ConsoleAppResult, 'lighthouse' | 'activeTickets' | 'comments' | 'runs' | 'targets'>;
    try {
      timings = await measureInBrowser(browser, runtime, seeded, options.runs, options.comments);
    } finally {
      await browser.close();
    }
    log(`console: Lighthouse on the queue and the ticket view (${options.lighthouseRuns} runs each)`);
    const lighthouse = await lighthouseScores(
      runtime,
      [
        { name: 'console queue (IT desk)', path: '/console?desk=it', email: AGENT },
        { name: `console ticket (${seeded.smallTicket})`, path: `/console/tickets/${seeded.smallTicket}`, email: AGENT },
      ],
      options.lighthouseRuns,
    );
    return {
      activeTickets: options.activeTickets,
      comments: options.comments,
      runs: options.runs,
      ...timings,
      lighthouse: { ...lighthouse, settings: LIGHTHOUSE_SETTINGS, runs: options.lighthouseRuns },
      targets: { queueMs: QUEUE_TARGET_MS, ticketMs: TICKET_TARGET_MS, replyMs: REPLY_TARGET_MS },
    };
  } finally {
    await runtime.stop();
  }
}

export interface Seeded {
  /** The ticket with the many comments. */
  busyTicket: string;
  /** A ticket with a short conversation, for Lighthouse and the reply. */
  smallTicket: string;
}

export async function seed(runtime: WebRuntime, options: { activeTickets: number; comments: number }): Promise<Seeded> {
  const requester = await bearer(runtime, REQUESTER);
  const agent = await bearer(runtime, AGENT);
  const open = (subject: string) =>
    call(runtime, requester, 'POST', '/tickets', { catalogItem: 'it-hardware-broken', subject, customFields: { assetTag: 'LT-1' } }).then((body) => (body as { ticket: { key: string } }).ticket.key);
  let next = 0;
  const keys: string[] = [];
  // Eight at a time, as a busy morning's intake would arrive.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < options.activeTickets) {
        next += 1;
        keys.push(await open(`Laptop ${next} does not start`));
      }
    }),
  );
  const busyTicket = keys[0]!;
  for (let i = 1; i <= options.comments; i++) {
    await call(runtime, agent, 'POST', `/tickets/${busyTicket}/comments`, { body: `Comment number ${i}: checked the dock, the cable and the power supply.`, public: i % 3 !== 0 });
  }
  return { busyTicket, smallTicket: keys[1]! };
}

async function bearer(runtime: WebRuntime, email: string): Promise<string> {
  return runtime.issuer.sign(personClaims(resolveTokenPerson(serviceDeskConfig(), { email })), { expiresIn: '2h' });
}

async function call(runtime: WebRuntime, token: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${runtime.url}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

export async function measureInBrowser(browser: Browser, runtime: WebRuntime, seeded: Seeded, runs: number, comments: number) {
  const context = await browser.newContext({ baseURL: runtime.url, locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const session = await sessionStorageEntry(runtime.issuer, runtime.url, AGENT);
  await context.addInitScript(([key, value]) => sessionStorage.setItem(key!, value!), [session.key, session.value]);
  const page = await context.newPage();

  // The JavaScript a cold load of the queue fetches before its first page shows.
  const scripts = new Set<string>();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('.js')) scripts.add(path.slice(1));
  });
  await page.goto('/console?desk=it');
  await untilQueueShows(page);
  const files = [...scripts].map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(WEB_DIST_DIR, file)), { level: 9 }).length }));
  const gzipBytes = files.reduce((sum, file) => sum + file.gzipBytes, 0);

  const queueNavigation: number[] = [];
  const queueFullLoad: number[] = [];
  const ticketNavigation: number[] = [];
  for (let round = 0; round < runs; round++) {
    await page.goto('/console/tickets/' + seeded.smallTicket);
    await page.getByRole('heading', { level: 1 }).waitFor();
    queueNavigation.push(await timeNavigation(page, '/console?desk=it', QUEUE_ROWS, FIRST_PAGE_ROWS + 1));
    ticketNavigation.push(await timeNavigation(page, `/console/tickets/${seeded.busyTicket}`, COMMENTS, comments));
    await page.goto('/console?desk=it');
    await untilQueueShows(page);
    queueFullLoad.push(await page.evaluate(() => window.__shownAt ?? performance.now()));
  }
  const reply = await measureReplies(page, seeded.smallTicket, runs);
  await context.close();
  return {
    reply,
    initialJs: { files, gzipBytes, targetGzipBytes: CONSOLE_INITIAL_JS_TARGET_BYTES, meetsTarget: gzipBytes <= CONSOLE_INITIAL_JS_TARGET_BYTES },
    queueNavigation: distribution(queueNavigation),
    queueFullLoad: distribution(queueFullLoad),
    ticketNavigation: distribution(ticketNavigation),
  };
}

/**
 * Replies sent from the ticket view's composer: from the click on Send to the reply in the
 * conversation, and the part of that spent waiting for the API (the union of the API requests in
 * flight meanwhile: the POST and the reload after it); the rest is the app's own time.
 */
async function measureReplies(page: Page, ticket: string, runs: number): Promise<NonNullable<ConsoleAppResult['reply']>> {
  const total: number[] = [];
  const api: number[] = [];
  await page.goto(`/console/tickets/${ticket}`);
  for (let round = 1; round <= runs; round++) {
    const text = `Measured reply ${round}: the replacement is on its way.`;
    await page.getByRole('textbox', { name: 'Reply to the requester' }).fill(text);
    const timing = await page.evaluate(
      ({ text, selector }) =>
        new Promise<{ total: number; api: number }>((resolve, reject) => {
          const send = Array.from(document.querySelectorAll('button')).find((button) => button.textContent?.trim() === 'Send reply');
          if (!send) return reject(new Error('no Send reply button'));
          // No named functions in here: tsx would wrap them in a helper the page does not have.
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (!Array.from(document.querySelectorAll(selector)).some((comment) => comment.textContent?.includes(text))) return;
            const ended = performance.now();
            observer.disconnect();
            // The API's requests of the interval, merged where they overlap.
            const spans = performance
              .getEntriesByType('resource')
              .filter((entry) => entry.name.includes('/api/') && entry.startTime >= started && entry.startTime < ended)
              .map((entry) => [entry.startTime, Math.min((entry as unknown as { responseEnd: number }).responseEnd, ended)] as const)
              .sort((a, b) => a[0] - b[0]);
            let waited = 0;
            let reach = started;
            for (const [from, to] of spans) {
              if (to <= reach) continue;
              waited += to - Math.max(from, reach);
              reach = to;
            }
            resolve({ total: ended - started, api: waited });
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          send.click();
        }),
      { text, selector: COMMENTS },
    );
    total.push(timing.total);
    api.push(timing.api);
  }
  return { total: distribution(total), api: distribution(api), app: distribution(total.map((value, i) => value - api[i]!)) };
}

/** The queue table's rows, its heading row among them. */
const QUEUE_ROWS = '.queue-table tr';
/** The comments of the ticket view's conversation (not the view's own article, which holds the composer). */
const COMMENTS = '.comment-list article';

async function untilQueueShows(page: Page): Promise<void> {
  await page.waitForFunction(
    ({ rows, selector }) => {
      const shown = document.querySelectorAll(selector).length > rows;
      if (shown) window.__shownAt ??= performance.now();
      return shown;
    },
    { rows: FIRST_PAGE_ROWS, selector: QUEUE_ROWS },
    { polling: 'raf' },
  );
}

/**
 * An in-app navigation as a link click makes it (the router follows history), timed in the page
 * from the navigation to the first mutation after which at least `minimum` elements match.
 */
async function timeNavigation(page: Page, path: string, selector: string, minimum: number): Promise<number> {
  return page.evaluate(
    ({ path, selector, minimum }) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelectorAll(selector).length < minimum) return;
          observer.disconnect();
          clearTimeout(timeout);
          resolve(performance.now() - started);
        });
        const timeout = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`${path} did not show within 30 s`));
        }, 30_000);
        observer.observe(document.body, { childList: true, subtree: true });
        history.pushState(null, '', path);
        dispatchEvent(new PopStateEvent('popstate'));
      }),
    { path, selector, minimum },
  );
}
