import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './accessibility.ts';
import { startBrowserApp, type BrowserApp } from './browser-app.ts';
import { screenshotLightAndDark } from './screenshots.ts';
import { signIn } from './sign-in.ts';
import { openBrokenDevice } from './broken-device.ts';

const REQUESTER = 'rita@example.org';
/** In servicedesk.config.ts: manages IT (level 1: Alice and Dan, who pick from the queue; level 2: Bob and Eve). */
const MANAGER = 'maria.manager@example.com';
const ADMIN = 'admin@example.com';
const ALICE = 'alice.agent@example.com';
const DAN = 'dan.agent@example.com';
const BOB = 'bob.agent@example.com';

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp();
});

afterAll(async () => {
  await app?.close();
});

const brokenDevice = (subject: string, assetTag: string) => openBrokenDevice(app.api, REQUESTER, subject, assetTag);

async function assigneeOf(key: string): Promise<string | undefined> {
  const read = await app.api.request('GET', `/tickets/${key}`, { token: await app.api.token({ email: MANAGER }) });
  return read.json.ticket.assignee as string | undefined;
}

/** Bounded polling of the API until it answers what the screen said happened. */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  let value = await read();
  for (let tries = 0; tries < 40 && value !== expected; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  expect(value).toBe(expected);
}

async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const widths = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as [number, number];
  expect(widths[0], `${where} scrolls sideways at ${widths[1]} px`).toBeLessThanOrEqual(widths[1]);
}

/** An agent's card on the team view: the list item headed by their name. */
const card = (page: Page, name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name }) });

/** Presses a key until the focused element matches, at most `limit` times. */
async function pressUntil(page: Page, key: string, focused: string, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit && !(await page.evaluate(focused)); presses++) await page.keyboard.press(key);
  expect(await page.evaluate(focused), `focus after ${key}: ${focused}`).toBe(true);
}

describe('the team view and the admin screens', () => {
  it('lets a manager assign by dragging and by keyboard, move a ticket between agents and set availability', async () => {
    const dragged = await brokenDevice('Monitor flickers', 'LT-1');
    const typed = await brokenDevice('Keyboard missing keys', 'LT-2');
    const moved = await brokenDevice('Mouse wheel stuck', 'LT-3');
    const waiting = await brokenDevice('Headset crackles', 'LT-4');
    const keyboardDragged = await brokenDevice('Webcam shows nothing', 'LT-5');
    const assigned = await app.api.request('PATCH', `/tickets/${moved}`, { token: await app.api.token({ email: MANAGER }), body: { assignee: ALICE } });
    expect(assigned.status).toBe(200);

    const { page, csp } = await app.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, MANAGER, '/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Team' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Queues' }).getAttribute('aria-current')).toBeNull();
    expect(await nav.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await expectAccessible(page);

    await page
      .getByRole('navigation', { name: 'Desks' })
      .getByRole('link', { name: /IT Service Desk/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Team of IT Service Desk' }).waitFor();
    const unassigned = page.getByRole('grid', { name: 'Unassigned' });
    await unassigned.getByRole('row', { name: new RegExp(dragged) }).waitFor();
    await unassigned.getByRole('row', { name: new RegExp(typed) }).waitFor();
    expect(await card(page, 'Dan Agent').getByRole('link', { name: 'Work of Dan Agent' }).getAttribute('href')).toBe(`/console?desk=it&assignee=${encodeURIComponent(DAN)}`);
    await expectAccessible(page);

    // With the mouse: the ticket dragged onto Dan's card.
    await unassigned.getByRole('row', { name: new RegExp(dragged) }).dragTo(card(page, 'Dan Agent'));
    await page
      .getByRole('status')
      .filter({ hasText: `${dragged} assigned to Dan Agent` })
      .waitFor();
    await eventually(() => assigneeOf(dragged), DAN);
    await unassigned.getByRole('row', { name: new RegExp(dragged) }).waitFor({ state: 'detached' });
    await expectAccessible(page, 'after a drop');

    // With the keyboard only: Tab into the list, down to the ticket, right to its menu, Enter, down to Dan, Enter.
    await page.getByRole('heading', { level: 1 }).click();
    await pressUntil(page, 'Tab', 'document.activeElement?.closest("[role=grid][aria-label=Unassigned]") != null');
    await pressUntil(page, 'ArrowDown', `document.activeElement?.closest("[role=row]")?.textContent?.includes(${JSON.stringify(typed)}) === true`, 10);
    await pressUntil(page, 'ArrowRight', `document.activeElement?.textContent === ${JSON.stringify(`Assign ${typed} to…`)}`, 4);
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: `Assign ${typed} to…` });
    await menu.waitFor();
    await expectAccessible(page, 'the Assign to menu, open');
    await pressUntil(page, 'ArrowDown', 'document.activeElement?.textContent === "Dan Agent, available"', 8);
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `${typed} assigned to Dan Agent` })
      .waitFor();
    await eventually(() => assigneeOf(typed), DAN);
    await expectAccessible(page, 'after a keyboard assignment');

    // An assigned ticket moves from Alice to Dan.
    await card(page, 'Alice Agent').getByRole('button', { name: 'Open tickets of Alice Agent' }).click();
    const alices = page.getByRole('grid', { name: 'Open tickets of Alice Agent' });
    await alices.getByRole('row', { name: new RegExp(moved) }).waitFor();
    await expectAccessible(page, 'Alice’s tickets, open');
    await alices.getByRole('row', { name: new RegExp(moved) }).dragTo(card(page, 'Dan Agent'));
    await page
      .getByRole('status')
      .filter({ hasText: `${moved} assigned to Dan Agent` })
      .waitFor();
    await eventually(() => assigneeOf(moved), DAN);
    await alices.getByRole('row', { name: new RegExp(moved) }).waitFor({ state: 'detached' });
    expect(await card(page, 'Dan Agent').getByRole('definition').first().textContent()).toBe('3');
    await unassigned.getByRole('row', { name: new RegExp(waiting) }).waitFor();

    // React Aria's own keyboard drag and drop: down to the ticket, right to its drag button, Enter, Tab to a card, Enter.
    await page.getByRole('heading', { level: 1 }).click();
    await pressUntil(page, 'Tab', 'document.activeElement?.closest("[role=grid][aria-label=Unassigned]") != null');
    await pressUntil(page, 'ArrowDown', `document.activeElement?.closest("[role=row]")?.textContent?.includes(${JSON.stringify(keyboardDragged)}) === true`, 10);
    await pressUntil(page, 'ArrowRight', '/^Drag/.test(document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? "")', 4);
    await page.keyboard.press('Enter');
    // The drag has begun once React Aria announces it; only then does Tab move between drop targets.
    await page.getByText(/Started dragging/).waitFor({ state: 'attached' });
    await pressUntil(page, 'Tab', 'document.activeElement?.getAttribute("aria-label") === "Assign to Alice Agent"', 12);
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `${keyboardDragged} assigned to Alice Agent` })
      .waitFor();
    await eventually(() => assigneeOf(keyboardDragged), ALICE);

    // Bob is taken out of automatic assignment.
    const bob = page.getByRole('switch', { name: 'Bob Agent available for assignment' });
    expect(await bob.isChecked()).toBe(true);
    // A person clicks the switch's visible label; the input itself is visually hidden.
    await card(page, 'Bob Agent').getByText('Available', { exact: true }).click();
    const bobAvailable = async () => {
      const team = await app.api.request('GET', '/desks/it/team', { token: await app.api.token({ email: MANAGER }) });
      const members = (team.json.levels as { members: { email: string; available: boolean }[] }[]).flatMap((level) => level.members);
      return members.find((member) => member.email === BOB)?.available;
    };
    await eventually(bobAvailable, false);
    expect(await bob.isChecked()).toBe(false);
    await expectAccessible(page, 'after an availability change');
    await screenshotLightAndDark(page, 'console-team');

    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoSidewaysScroll(page, 'the team view');
    expect(await csp.violations()).toEqual([]);
  }, 180_000);

  it('shows an admin the quarantined mail of a day and the configuration, read-only', async () => {
    const { page, csp } = await app.newPage();
    await signIn(page, ADMIN, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Configuration' }).waitFor();
    await page.getByRole('note').filter({ hasText: 'servicedesk.config.ts' }).waitFor();
    for (const section of ['Desks', 'Staff', 'Catalog', 'SLA policies', 'Calendars', 'Routing rules', 'Mail']) {
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
    }
    await page.getByRole('heading', { level: 3, name: /IT Service Desk/ }).waitFor();
    expect(await page.getByRole('row', { name: /Maria Manager/ }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await expectAccessible(page);
    await screenshotLightAndDark(page, 'console-admin-config');
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoSidewaysScroll(page, 'the configuration');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Quarantined mail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quarantined mail' }).waitFor();
    const today = new Date().toISOString().slice(0, 10);
    expect(await page.getByLabel('Day (UTC)').inputValue()).toBe(today);
    await page.getByText(`No mail was kept aside on ${today}.`).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Day (UTC)').fill('2026-01-05');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('No mail was kept aside on 2026-01-05.').waitFor();
    expect(new URL(page.url()).searchParams.get('day')).toBe('2026-01-05');
    await expectAccessible(page, 'quarantine of another day');
    expect(await csp.violations()).toEqual([]);
  });
});
