import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './accessibility.ts';
import { startBrowserApp, type BrowserApp } from './browser-app.ts';
import { screenshotLightAndDark } from './screenshots.ts';
import { signIn } from './sign-in.ts';
import { openBrokenDevice } from './broken-device.ts';

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

const brokenDevice = (subject: string, assetTag: string) => openBrokenDevice(app.api, REQUESTER, subject, assetTag);

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
  // First in the file, so the IT desk holds only the tickets it creates and the counts are known.
  it('counts the IT desk’s queues, orders them by SLA deadline, filters them and changes two tickets at once', async () => {
    const token = await app.api.token({ email: REQUESTER });
    const demo = await app.api.request('POST', '/tickets', { token, body: { catalogItem: 'it-sla-demo', subject: 'SLA demo: printer jams' } });
    expect(demo.status).toBe(201);
    const demoKey = demo.json.ticket.key as string;
    const broken = await brokenDevice('Laptop hinge snapped', 'LT-1');

    const { page, csp } = await app.newPage();
    await signIn(page, AGENT, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queues' }).click();
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();

    // The sidebar's counts are the two tickets just opened: both in level 1, nobody assigned yet.
    const sidebar = page.getByRole('navigation', { name: 'Queues' });
    await sidebar.getByRole('link', { name: 'IT Service Desk, 2 tickets' }).waitFor();
    await sidebar.getByRole('link', { name: 'Level 1, 2 tickets' }).waitFor();
    await sidebar.getByRole('link', { name: 'Level 2, 0 tickets' }).waitFor();
    expect(await sidebar.getByRole('link', { name: 'Unassigned, 2 tickets' }).count()).toBe(2);
    expect(await sidebar.getByRole('link', { name: 'My work, 0 tickets' }).count()).toBe(1);
    await expectAccessible(page, 'the sidebar with counts');

    // The IT queue by the nearest SLA deadline: the 2-minute demo first, then the broken device.
    await sidebar.getByRole('link', { name: 'IT Service Desk, 2 tickets' }).click();
    await page.getByRole('heading', { level: 1, name: 'IT Service Desk' }).waitFor();
    const filters = page.getByRole('group', { name: 'Filters' });
    await filters.getByRole('button', { name: /Order$/ }).click();
    await page.getByRole('option', { name: 'Nearest SLA deadline' }).click();
    await page.waitForURL((url) => url.searchParams.get('order') === 'due');
    const queue = page.getByRole('table', { name: 'IT Service Desk' });
    const rows = queue.getByRole('row').filter({ hasText: /SD-\d+/ });
    // The list of the new order replaces the old one once loaded: the demo comes first then.
    await rows.nth(0).filter({ hasText: demoKey }).waitFor();
    expect(await rows.count()).toBe(2);
    const brokenRow = rows.nth(1);
    expect(await brokenRow.textContent()).toContain('Laptop hinge snapped');
    // Its badge counts the first response in business time (the office calendar), and says so when it stands still.
    expect(await brokenRow.textContent()).toMatch(/First response: (At risk: |Breached: )?[\d a-z]+ (left|over)/);
    const view = await app.api.request('GET', `/tickets/${broken}`, { token: await app.api.token({ email: AGENT }) });
    const clock = (view.json.ticket.sla.clocks as { metric: string; countsDownUntil?: string | null }[]).find((one) => one.metric === 'first_response')!;
    if (clock.countsDownUntil === null) expect(await brokenRow.textContent()).toContain('stands still until');
    await expectAccessible(page, 'the IT queue by SLA deadline');
    await screenshotLightAndDark(page, 'console-queue');

    // Select both rows with the keyboard-operable checkboxes and set priority P1 on them.
    for (let attempt = 0; attempt < 2; attempt++) {
      // By the keyboard: the row's checkbox takes the focus, Space selects the row.
      for (const key of [demoKey, broken]) {
        const box = rows.filter({ hasText: key }).getByRole('checkbox');
        await box.focus();
        await page.keyboard.press('Space');
        expect(await box.isChecked()).toBe(true);
      }
      const toolbar = page.getByRole('toolbar', { name: 'Change the 2 selected tickets' });
      await toolbar.waitFor();
      await expectAccessible(page, 'two rows selected');
      await toolbar.getByRole('button', { name: /New priority$/ }).click();
      await page.getByRole('option', { name: 'P1', exact: true }).click();
      await toolbar.getByRole('button', { name: 'Set priority' }).click();
      const result = page.getByRole('status').filter({ hasText: /Changed|not changed/ });
      await result.waitFor();
      await expectAccessible(page, 'the bulk result');
      // The demo's SLA timers may move a ticket on between the list and the change: 412, nothing overwritten; reload and redo.
      if ((await result.textContent())?.includes('Changed 2 tickets')) break;
      expect(await result.textContent()).toContain('changed since the list loaded');
      await result.getByRole('button', { name: 'Reload the queue' }).click();
    }
    const agent = await app.api.token({ email: AGENT });
    for (const key of [demoKey, broken]) expect((await app.api.request('GET', `/tickets/${key}`, { token: agent })).json.ticket.priority).toBe('P1');

    // Filter by priority: P2 lists neither now; P1 lists both.
    await filters.getByRole('button', { name: /Priority$/ }).click();
    await page.getByRole('option', { name: 'P2', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('priority') === 'P2');
    await page.getByText('No tickets in this queue.').waitFor();
    await page.keyboard.press('Escape');
    await expectAccessible(page, 'filtered by priority P2');
    await filters.getByRole('button', { name: /Priority$/ }).click();
    await page.getByRole('option', { name: 'P2', exact: true }).click();
    await page.getByRole('option', { name: 'P1', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('priority') === 'P1');
    await expect.poll(() => rows.count()).toBe(2);
    await page.keyboard.press('Escape');
    await expectAccessible(page, 'filtered by priority P1');

    // Filter by catalog item: the combo box finds "Broken device" by typing.
    const catalog = filters.getByRole('combobox', { name: 'Catalog item' });
    await catalog.fill('Broken');
    // No axe run while its list is open: React Aria's combo box hides the rest of the page with
    // aria-hidden (not inert) while the input keeps the focus, which axe reports as aria-hidden-focus.
    await page.getByRole('option', { name: /Broken device/ }).waitFor();
    await page.getByRole('option', { name: /Broken device/ }).click();
    await page.waitForURL((url) => url.searchParams.get('catalogItem') === 'it-hardware-broken');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.nth(0).textContent()).toContain(broken);
    await expectAccessible(page, 'filtered by catalog item');

    // The due order with every status is refused: the API's 400 naming `order` shows beside that control.
    await page.goto('/console?desk=it&status=all&order=due');
    await filters.getByText(/^Not accepted: /).waitFor();
    await expectAccessible(page, 'a refused order');

    expect(await csp.violations()).toEqual([]);
  });

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
    await page.getByRole('heading', { level: 1, name: 'IT Service Desk, Level 1' }).waitFor();
    const queue = page.getByRole('table', { name: 'IT Service Desk, Level 1' });
    await queue.getByRole('row', { name: new RegExp(key) }).waitFor();
    await queue.getByRole('row', { name: new RegExp(other) }).waitFor();
    expect(
      await page
        .getByRole('navigation', { name: 'Queues' })
        .getByRole('link', { name: /^Level 1, \d+ tickets?$/ })
        .getAttribute('aria-current'),
    ).toBe('page');
    await expectAccessible(page);

    // Filter by status: the answered ticket is open, the other still new. The first try of the
    // filtered list fails; the screen says so, keeps the filter, and Try again loads it.
    let attempts = 0;
    const levelQueue = (url: URL) => url.pathname === '/api/desks/it/queue' && url.searchParams.get('status') === 'open';
    await page.route(levelQueue, (route) => (attempts++ === 0 ? route.abort('internetdisconnected') : route.fallback()));
    await page
      .getByRole('group', { name: 'Filters' })
      .getByRole('button', { name: /Status$/ })
      .click();
    await page.getByRole('listbox').waitFor();
    await expectAccessible(page, 'the status filter, open');
    await page.getByRole('option', { name: 'Open', exact: true }).click();
    const failed = page.getByRole('alert').filter({ hasText: 'The queue could not be loaded' });
    await failed.waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('open');
    expect(
      await page
        .getByRole('group', { name: 'Filters' })
        .getByRole('button', { name: /Status$/ })
        .textContent(),
    ).toContain('Open');
    await expectAccessible(page, 'a queue that failed to load');
    await failed.getByRole('button', { name: 'Try again' }).click();
    const row = queue.getByRole('row', { name: new RegExp(key) });
    await row.waitFor();
    expect(await queue.getByRole('row', { name: new RegExp(other) }).count()).toBe(0);
    expect(attempts).toBe(2);
    await page.unroute(levelQueue);
    expect(await row.textContent()).toContain('Open');
    expect(await row.textContent()).toContain('Rita');
    expect(await row.textContent()).toMatch(/left|over/);
    await expectAccessible(page);

    // Open it with the keyboard: Tab to the first ticket's link, the arrows to the ticket's row, Enter.
    for (let presses = 0; presses < 40 && !(await page.evaluate('document.activeElement?.matches("table a") === true')); presses++) await page.keyboard.press('Tab');
    for (let presses = 0; presses < 10 && !(await page.evaluate(`document.activeElement?.closest("tr")?.textContent?.includes(${JSON.stringify(key)}) === true`)); presses++) {
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
    await page.getByRole('heading', { level: 1, name: 'IT Service Desk, Level 1' }).waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('open');

    // An email lists that requester's tickets, of every status.
    await search(page, REQUESTER);
    await page.getByRole('heading', { level: 1, name: `Tickets of ${REQUESTER}` }).waitFor();
    const listed = page.getByRole('table', { name: `Tickets of ${REQUESTER}` });
    await listed.getByRole('row', { name: new RegExp(key) }).waitFor();
    await listed.getByRole('row', { name: new RegExp(other) }).waitFor();
    await expectAccessible(page);

    // Anything else says what the box takes.
    await search(page, 'printer');
    await page.getByText('Enter a ticket key such as SD-42').waitFor();
    await expectAccessible(page, 'a search it cannot read');

    // `?` lists the queue's shortcuts; `/` goes to the search from anywhere but a field.
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await shortcuts.getByText('Find a ticket by key or a requester’s email').waitFor();
    await expectAccessible(page, 'the shortcuts dialog');
    await page.keyboard.press('Escape');
    await shortcuts.waitFor({ state: 'detached' });
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('/');
    expect(await page.getByRole('searchbox', { name: 'Find a ticket' }).evaluate((field) => field === field.ownerDocument.activeElement)).toBe(true);

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
    const row = page.getByRole('table', { name: 'IT Service Desk, Level 1' }).getByRole('row', { name: new RegExp(key) });
    await row.waitFor();
    await expectNoSidewaysScroll(page, 'the queue');
    await expectAccessible(page);
  });
});
