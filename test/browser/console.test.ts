import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './accessibility.ts';
import { startBrowserApp, type BrowserApp } from './browser-app.ts';
import { screenshotLightAndDark } from './screenshots.ts';
import { signIn } from './sign-in.ts';

const REQUESTER = 'rita@example.org';
/** An agent of the IT desk's level 1 in servicedesk.config.ts (which assigns nobody: its tickets wait in the level's queue). */
const AGENT = 'alice.agent@example.com';

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp();
});

afterAll(async () => {
  await app?.close();
});

/** A "Broken device" request, opened through the API by the requester. */
async function brokenDevice(subject: string, assetTag: string): Promise<string> {
  const created = await app.api.request('POST', '/tickets', {
    token: await app.api.token({ email: REQUESTER }),
    body: { catalogItem: 'it-hardware-broken', subject, customFields: { assetTag } },
  });
  expect(created.status).toBe(201);
  return created.json.ticket.key as string;
}

async function comment(key: string, body: string, isPublic: boolean): Promise<void> {
  const added = await app.api.request('POST', `/tickets/${key}/comments`, { token: await app.api.token({ email: AGENT }), body: { body, public: isPublic } });
  expect(added.status).toBe(201);
}

/** The console's search: type into its box and press Enter, as a person does. */
async function search(page: Page, text: string): Promise<void> {
  const box = page.getByRole('search', { name: 'Find tickets' }).getByRole('searchbox', { name: 'Find a ticket' });
  await box.fill(text);
  await box.press('Enter');
}

/** Nothing is wider than the window: no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const widths = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as [number, number];
  expect(widths[0], `${where} scrolls sideways at ${widths[1]} px`).toBeLessThanOrEqual(widths[1]);
}

describe('the agent console', () => {
  it('lets an agent find a requester’s ticket in the level’s queue, filter it, open it with the keyboard and read all of it', async () => {
    const key = await brokenDevice('Laptop screen stays black', 'LT-4711');
    const other = await brokenDevice('Docking station is dead', 'DS-0815');
    await comment(key, 'A replacement laptop is on its way.', true);
    await comment(key, 'Warranty expired; the cost goes to Finance.', false);

    const { page, csp } = await app.newPage();
    // The local server answers the app's paths it knows with index.html; the console is reached from the portal.
    await signIn(page, AGENT, '/');
    await page.getByRole('note').filter({ hasText: 'you find your queues under Queues' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queues' }).click();
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    expect(await page.getByRole('note').count()).toBe(0);
    await expectAccessible(page);

    // A key finds its ticket; the ticket links to its level's queue.
    await search(page, other.toLowerCase());
    await page.getByRole('heading', { level: 1, name: `${other}: Docking station is dead` }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Queue of desk it, level l1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Desk it, level l1' }).waitFor();
    const queue = page.getByRole('grid', { name: 'Desk it, level l1' });
    await queue.getByRole('row', { name: new RegExp(key) }).waitFor();
    await queue.getByRole('row', { name: new RegExp(other) }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'Level l1' }).getAttribute('aria-current')).toBe('page');
    await expectAccessible(page);

    // Filter by status: the answered ticket is open, the other still new. The first try of the
    // filtered list fails; the screen says so, keeps the filter, and Try again loads it.
    let attempts = 0;
    const levelQueue = (url: URL) => url.pathname === '/api/desks/it/queue' && url.searchParams.get('status') === 'open';
    await page.route(levelQueue, (route) => (attempts++ === 0 ? route.abort('internetdisconnected') : route.fallback()));
    await page.getByRole('button', { name: /Status/ }).click();
    await page.getByRole('listbox').waitFor();
    await expectAccessible(page, 'the status filter, open');
    await page.getByRole('option', { name: 'Open', exact: true }).click();
    const failed = page.getByRole('alert').filter({ hasText: 'The queue could not be loaded' });
    await failed.waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('open');
    expect(await page.getByRole('button', { name: /Status/ }).textContent()).toContain('Open');
    await expectAccessible(page, 'a queue that failed to load');
    await failed.getByRole('button', { name: 'Try again' }).click();
    const row = queue.getByRole('row', { name: new RegExp(key) });
    await row.waitFor();
    expect(await queue.getByRole('row', { name: new RegExp(other) }).count()).toBe(0);
    expect(attempts).toBe(2);
    await page.unroute(levelQueue);
    expect(await row.textContent()).toContain('Open');
    expect(await row.textContent()).toContain('Rita');
    expect(await row.textContent()).toMatch(/left|overdue/);
    await expectAccessible(page);
    await screenshotLightAndDark(page, 'console-queue');

    // Open it with the keyboard: Tab into the table, to the ticket's row, Enter.
    for (let presses = 0; presses < 30 && !(await page.evaluate('document.activeElement?.closest("[role=grid]") !== null')); presses++) await page.keyboard.press('Tab');
    for (let presses = 0; presses < 10 && !(await page.evaluate(`document.activeElement?.closest("[role=row]")?.textContent?.includes(${JSON.stringify(key)}) === true`)); presses++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `${key}: Laptop screen stays black` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/console/tickets/${key}`);

    // The form's values under their labels.
    await page.getByRole('heading', { name: 'Form values' }).waitFor();
    expect(await page.getByRole('definition').filter({ hasText: 'LT-4711' }).count()).toBe(1);
    expect(await page.getByText('Broken device').count()).toBeGreaterThan(0);

    // The requester and their other tickets.
    const requester = page.getByRole('region', { name: 'Requester' });
    expect(await requester.textContent()).toContain(REQUESTER);
    const theirs = requester.getByRole('list', { name: 'Their tickets' });
    await theirs.getByRole('link', { name: new RegExp(`${other} Docking station is dead`) }).waitFor();
    expect(await theirs.getByRole('link', { name: new RegExp(key) }).getAttribute('aria-current')).toBe('page');

    // The internal note and the public reply, told apart by label and colour.
    const conversation = page.getByRole('region', { name: 'Conversation' });
    const reply = conversation.getByRole('article', { name: /^Public reply/ });
    const note = conversation.getByRole('article', { name: /^Internal note/ });
    expect(await reply.textContent()).toContain('A replacement laptop is on its way.');
    expect(await note.textContent()).toContain('Warranty expired; the cost goes to Finance.');
    // Runs in the page, which has getComputedStyle (the tests' own TypeScript has no DOM library).
    type InPage = { getComputedStyle(node: unknown): { backgroundColor: string } };
    const background = (article: typeof note) => article.evaluate((element) => (globalThis as unknown as InPage).getComputedStyle(element.closest('li')).backgroundColor);
    expect(await background(note)).not.toBe(await background(reply));

    // The SLA clocks and the history.
    const sla = page.getByRole('region', { name: 'SLA' });
    await sla.getByRole('heading', { name: 'First response' }).waitFor();
    expect(await sla.textContent()).toContain('Met');
    const history = page.getByRole('list', { name: 'History' });
    expect(await history.textContent()).toContain('created the ticket');
    expect(await history.textContent()).toMatch(/status: from new → to open/);
    await expectAccessible(page);
    await screenshotLightAndDark(page, 'console-ticket');

    // Back to the queue as it was filtered.
    await page.getByRole('link', { name: 'Back to the queue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Desk it, level l1' }).waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('open');

    // An email lists that requester's tickets, of every status.
    await search(page, REQUESTER);
    await page.getByRole('heading', { level: 1, name: `Tickets of ${REQUESTER}` }).waitFor();
    const listed = page.getByRole('grid', { name: `Tickets of ${REQUESTER}` });
    await listed.getByRole('row', { name: new RegExp(key) }).waitFor();
    await listed.getByRole('row', { name: new RegExp(other) }).waitFor();
    await expectAccessible(page);

    // Anything else says what the box takes.
    await search(page, 'printer');
    await page.getByText('Enter a ticket key such as SD-42').waitFor();
    await expectAccessible(page, 'a search it cannot read');

    // React Aria's one style element is let in by its hash; nothing else may be refused.
    expect(await csp.violations()).toEqual([]);
  });

  it('fits a 360 px wide screen: the queue’s rows become cards, and nothing scrolls sideways', async () => {
    const key = await brokenDevice('Keyboard misses keys', 'KB-1234');
    await comment(key, 'Internal: spare keyboards are in room 3.14.', false);
    const { page } = await app.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, AGENT, '/');
    await page.getByRole('link', { name: 'Queues' }).click();
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    await search(page, key);
    await page.getByRole('heading', { level: 1, name: new RegExp(key) }).waitFor();
    await expectNoSidewaysScroll(page, 'the ticket view');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Queue of desk it, level l1' }).click();
    const row = page.getByRole('grid', { name: 'Desk it, level l1' }).getByRole('row', { name: new RegExp(key) });
    await row.waitFor();
    await expectNoSidewaysScroll(page, 'the queue');
    await expectAccessible(page);
  });
});
