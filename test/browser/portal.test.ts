import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './accessibility.ts';
import { startBrowserApp, type BrowserApp } from './browser-app.ts';
import { screenshotLightAndDark } from './screenshots.ts';
import { signIn } from './sign-in.ts';

const PHOTO = fileURLToPath(new URL('../fixtures/web/device-photo.png', import.meta.url));
const REQUESTER = 'rita@example.org';

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp({ uploads: true });
});

afterAll(async () => {
  await app?.close();
});

describe('the portal', () => {
  it('signs a person in and out', async () => {
    const { page } = await app.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await expectAccessible(page);
    await signIn(page, REQUESTER);
    await page.getByRole('heading', { name: 'How can we help?' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/signed-out');
    await expectAccessible(page);
  });

  it('refuses a request without its required field, then sends it with a file attached', async () => {
    const { page } = await app.newPage();
    await signIn(page, REQUESTER);
    await page.getByRole('heading', { name: 'How can we help?' }).waitFor();
    await screenshotLightAndDark(page, 'portal-home');
    await page
      .getByRole('link', { name: /Broken device/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Broken device' }).waitFor();
    await expectAccessible(page);
    await screenshotLightAndDark(page, 'request-form');

    await page.getByRole('textbox', { name: /Subject/ }).fill('Laptop screen stays black');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your request could not be sent' }).waitFor();
    const assetTag = page.getByRole('textbox', { name: /Asset tag/ });
    expect(await assetTag.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    await assetTag.fill('LT-4711');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach files' }).click();
    await (await chooser).setFiles(PHOTO);
    await page.getByRole('list', { name: 'Attached files' }).getByText('Attached').waitFor();
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.waitForURL(/\/requests\/SD-\d+$/);
    const key = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('main').waitFor();
    await expectAccessible(page);

    const ticket = await app.api.request('GET', `/tickets/${key}`, { token: await app.api.token({ role: 'agent' }) });
    expect(ticket.json.ticket).toMatchObject({ catalogItem: 'it-hardware-broken', customFields: { assetTag: 'LT-4711' } });
    expect(JSON.stringify(ticket.json)).toContain('device-photo.png');
  });

  it('completes the request form with the keyboard alone', async () => {
    const { page } = await app.newPage();
    await signIn(page, REQUESTER, '/request/it-hardware-broken');
    await page.getByRole('heading', { name: 'Broken device' }).waitFor();
    await expectAccessible(page);
    // Tab from the top of the page until a field has the focus, then type; Enter sends the form.
    const tabTo = async (name: RegExp, most: number) => {
      const id = await page.getByRole('textbox', { name }).getAttribute('id');
      for (let presses = 0; presses < most && (await page.evaluate('document.activeElement?.id')) !== id; presses++) await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement?.id'), `focus on ${name}`).toBe(id);
    };
    await tabTo(/Subject/, 40);
    await page.keyboard.type('Docking station is dead');
    await tabTo(/Asset tag/, 10);
    await page.keyboard.type('DS-0815');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/requests\/SD-\d+$/);
    const key = new URL(page.url()).pathname.split('/').pop()!;
    const ticket = await app.api.request('GET', `/tickets/${key}`, { token: await app.api.token({ role: 'agent' }) });
    expect(ticket.json.ticket).toMatchObject({ subject: 'Docking station is dead', customFields: { assetTag: 'DS-0815' } });
    await page.getByRole('main').waitFor();
    await expectAccessible(page);
  });

  it('keeps what was entered when the network fails, and a retry sends it', async () => {
    const { page } = await app.newPage();
    await signIn(page, REQUESTER, '/request/it-hardware-broken');
    await page.getByRole('textbox', { name: /Subject/ }).fill('Keyboard misses keys');
    await page.getByRole('textbox', { name: /Asset tag/ }).fill('KB-1234');
    let aborted = 0;
    await page.route('**/api/tickets', async (route) => {
      if (route.request().method() === 'POST' && aborted === 0) {
        aborted += 1;
        return route.abort('internetdisconnected');
      }
      return route.fallback();
    });
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('alert').filter({ hasText: 'could not be reached' }).waitFor();
    expect(aborted).toBe(1);
    expect(await page.getByRole('textbox', { name: /Subject/ }).inputValue()).toBe('Keyboard misses keys');
    expect(await page.getByRole('textbox', { name: /Asset tag/ }).inputValue()).toBe('KB-1234');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.waitForURL(/\/requests\/SD-\d+$/);
    // Sent once: the aborted attempt never reached the API, and the retry made one ticket.
    const mine = await app.api.request('GET', `/tickets?requester=${REQUESTER}`, { token: await app.api.token({ role: 'agent' }) });
    expect(JSON.stringify(mine.json).match(/Keyboard misses keys/g)).toHaveLength(1);
  });
});
