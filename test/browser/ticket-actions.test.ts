import { fileURLToPath } from 'node:url';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './accessibility.ts';
import { startBrowserApp, type BrowserApp } from './browser-app.ts';
import { screenshotLightAndDark } from './screenshots.ts';
import { signIn } from './sign-in.ts';
import { openBrokenDevice } from './broken-device.ts';
import { createLocalDynamoDbClient } from '../../local/dynamodb-local.ts';
import { commentKey } from '../../shared/store/keys.ts';

const REQUESTER = 'rita@example.org';
/** An agent of the IT desk's level 1 in servicedesk.config.ts. */
const AGENT = 'alice.agent@example.com';
const PHOTO = fileURLToPath(new URL('../fixtures/web/device-photo.png', import.meta.url));

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp({ uploads: true });
});

afterAll(async () => {
  await app?.close();
});

const brokenDevice = (subject: string) => openBrokenDevice(app.api, REQUESTER, subject, 'LT-1');

async function ticketNow(key: string): Promise<{ status: string; level: string; assignee?: string; priority: string; version: number }> {
  const read = await app.api.request('GET', `/tickets/${key}`, { token: await app.api.token({ email: AGENT }) });
  expect(read.status).toBe(200);
  return read.json.ticket;
}

/** Presses a shortcut key with nothing focused that takes text. */
async function pressShortcut(page: Page, key: string): Promise<void> {
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press(key);
}

describe('the ticket view’s actions', () => {
  it('replies with a cc and a file, adds a note, keeps drafts, shows a conflict, escalates, and works from the keyboard', { timeout: 240_000 }, async () => {
    const key = await brokenDevice('Broken device');
    const { page, csp } = await app.newPage();
    await signIn(page, AGENT, `/console/tickets/${key}`);
    await page.getByRole('heading', { level: 1, name: `${key}: Broken device` }).waitFor();

    // Who gets a reply, before anything is typed.
    const composer = page.getByRole('region', { name: 'Reply or note' });
    const recipients = composer.getByRole('definition').filter({ hasText: REQUESTER });
    await recipients.first().waitFor();
    await expectAccessible(page);

    // A reply with a cc and a file; its draft survives a reload.
    expect(await composer.getByRole('radio', { name: 'Public reply' }).isChecked()).toBe(true);
    await composer.getByRole('textbox', { name: 'Reply to the requester' }).fill('A replacement laptop is on its way.');
    await composer.getByRole('textbox', { name: 'Cc' }).fill('carl@example.org');
    await composer.getByRole('button', { name: 'Add', exact: true }).click();
    await composer.getByRole('row', { name: /carl@example.org/ }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `${key}: Broken device` }).waitFor();
    expect(await composer.getByRole('textbox', { name: 'Reply to the requester' }).inputValue()).toBe('A replacement laptop is on its way.');
    await composer.getByRole('row', { name: /carl@example.org/ }).waitFor();
    expect(await composer.getByRole('definition').filter({ hasText: 'carl@example.org' }).count()).toBe(1);
    await expectAccessible(page, 'the composer with a draft reply');
    await screenshotLightAndDark(page, 'console-composer');

    // The preview shows the mail as the requester gets it.
    await composer.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('dialog', { name: 'What the requester receives' });
    await preview.getByText('A replacement laptop is on its way.').waitFor();
    expect(await preview.textContent()).toContain(key);
    expect(await preview.textContent()).toContain('carl@example.org');
    await expectAccessible(page, 'the reply preview');
    await preview.getByRole('button', { name: 'Close' }).click();

    const chooser = page.waitForEvent('filechooser');
    await composer.getByRole('button', { name: 'Attach files' }).click();
    await (await chooser).setFiles(PHOTO);
    await composer.getByRole('list', { name: 'Attached files' }).getByText('Attached').waitFor();
    await composer.getByRole('button', { name: 'Send reply' }).click();
    const conversation = page.getByRole('region', { name: 'Conversation' });
    await conversation
      .getByRole('article', { name: /^Public reply/ })
      .filter({ hasText: 'A replacement laptop is on its way.' })
      .waitFor();
    expect(await composer.getByRole('textbox', { name: 'Reply to the requester' }).inputValue()).toBe('');
    await expectAccessible(page);

    // An internal note, told apart in the conversation.
    // The mode is a radio group: chosen from the keyboard, as a person does.
    await composer.getByRole('radio', { name: 'Public reply' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await composer.getByRole('radio', { name: 'Internal note' }).isChecked()).toBe(true);
    await composer.getByRole('textbox', { name: 'Internal note' }).fill('Warranty expired; charge to Finance.');
    await composer.getByRole('button', { name: 'Add note' }).click();
    await conversation
      .getByRole('article', { name: /^Internal note/ })
      .filter({ hasText: 'Warranty expired' })
      .waitFor();
    await expectAccessible(page);

    // The requester sees the reply and its file, not the note.
    const requester = await app.newPage();
    await signIn(requester.page, REQUESTER, `/requests/${key}`);
    await requester.page.getByText('A replacement laptop is on its way.').waitFor();
    await requester.page.getByRole('button', { name: 'Download device-photo.png' }).waitFor();
    expect(await requester.page.getByText('Warranty expired').count()).toBe(0);
    await expectAccessible(requester.page);
    await requester.context.close();

    // A stale version: someone changes the ticket after the page loaded.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `${key}: Broken device` }).waitFor();
    const before = await ticketNow(key);
    const changed = await app.api.request('PATCH', `/tickets/${key}`, { token: await app.api.token({ role: 'manager' }), body: { priority: 'P1' } });
    expect(changed.status).toBe(200);
    const actions = page.getByRole('region', { name: 'Actions' });
    await actions.getByRole('button', { name: /Status/ }).click();
    await page.getByRole('option', { name: 'On hold', exact: true }).click();
    const conflict = page.getByRole('alertdialog', { name: 'Someone changed this ticket' });
    await conflict.waitFor();
    expect(await conflict.getByRole('row', { name: /priority/ }).textContent()).toContain('P1');
    expect((await ticketNow(key)).status).toBe(before.status);
    await expectAccessible(page, 'the conflict dialog');
    await screenshotLightAndDark(page, 'console-conflict');
    await conflict.getByRole('button', { name: 'Apply my change again' }).click();
    await conflict.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await ticketNow(key)).status).toBe('on_hold');
    expect((await ticketNow(key)).priority).toBe('P1');
    await expectAccessible(page);

    // The shortcuts: ? lists them; r and n focus the composer; a takes the ticket.
    await pressShortcut(page, '?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const description of ['Write a public reply', 'Write an internal note', 'Take the ticket (assign to me)']) await help.getByText(description).waitFor();
    await expectAccessible(page, 'the shortcuts dialog');
    await help.getByRole('button', { name: 'Close' }).click();
    await pressShortcut(page, 'n');
    await expect.poll(() => page.evaluate('document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.labels?.[0]?.textContent')).toBe('Internal note');
    expect(await composer.getByRole('radio', { name: 'Internal note' }).isChecked()).toBe(true);
    await pressShortcut(page, 'r');
    await expect.poll(() => page.evaluate('document.activeElement?.labels?.[0]?.textContent')).toBe('Reply to the requester');
    await pressShortcut(page, 'a');
    await expect.poll(async () => (await ticketNow(key)).assignee).toBe(AGENT);
    await expectAccessible(page);

    // Escalate with a reason: on to level 2.
    await page.getByRole('heading', { level: 1, name: `${key}: Broken device` }).waitFor();
    await actions.getByRole('button', { name: 'Escalate…' }).click();
    const escalate = page.getByRole('dialog', { name: `Escalate ${key}` });
    await escalate.getByRole('textbox', { name: 'Reason' }).fill('Needs a hardware technician.');
    await expectAccessible(page, 'the escalation dialog');
    await escalate.getByRole('button', { name: 'Escalate', exact: true }).click();
    await escalate.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await ticketNow(key)).level).toBe('l2');
    await expectAccessible(page);

    // Nothing scrolls sideways at 360 px.
    await page.setViewportSize({ width: 360, height: 800 });
    const widths = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as [number, number];
    expect(widths[0]).toBeLessThanOrEqual(widths[1]);

    expect(await csp.violations()).toEqual([]);
  });

  it("shows a new participant's unverified mail with its sender and accepts the sender from the keyboard", { timeout: 120_000 }, async () => {
    const key = await brokenDevice('Forwarded to a colleague');
    const colleague = 'carl.colleague@example.org';
    await newParticipantMail(key, colleague, 'Carl Colleague', 'Same here: my dock does not charge either.');
    const { page, csp } = await app.newPage();
    await signIn(page, AGENT, `/console/tickets/${key}`);
    await page.getByRole('heading', { level: 1, name: `${key}: Forwarded to a colleague` }).waitFor();
    const conversation = page.getByRole('region', { name: 'Conversation' });
    const unverified = conversation.getByRole('article', { name: /^Internal note Carl Colleague/ });
    await unverified
      .getByRole('note')
      .filter({ hasText: `${colleague} is not on this ticket` })
      .waitFor();
    await expectAccessible(page, "a new participant's unverified mail");
    await screenshotLightAndDark(page, 'console-new-participant');

    const accept = unverified.getByRole('button', { name: 'Accept sender' });
    await accept.focus();
    await page.keyboard.press('Enter');
    const accepted = conversation.getByRole('article', { name: /^Public reply Carl Colleague/ });
    await accepted.getByText(`Sender accepted by ${AGENT}.`).waitFor();
    expect(await conversation.getByRole('button', { name: 'Accept sender' }).count()).toBe(0);
    const read = await app.api.request('GET', `/tickets/${key}`, { token: await app.api.token({ email: AGENT }) });
    expect(read.json.ticket.watchers).toEqual([colleague]);
    expect(read.json.comments[0]).toMatchObject({ public: true, acceptedSender: { sender: colleague, by: AGENT } });
    await expectAccessible(page, 'the accepted mail');
    expect(await csp.violations()).toEqual([]);
  });
});

/**
 * What the mail intake keeps of a reply on the ticket's thread from someone not on it (the SMTP
 * path is tested in test/integration/new-participant.test.ts): a requester's comment made into one.
 */
async function newParticipantMail(key: string, sender: string, name: string, body: string): Promise<void> {
  const added = await app.api.request('POST', `/tickets/${key}/comments`, { token: await app.api.token({ email: REQUESTER }), body: { body } });
  expect(added.status).toBe(201);
  const client = createLocalDynamoDbClient(app.api.endpoint);
  await client.send(
    new UpdateItemCommand({
      TableName: app.api.tableName,
      Key: marshall(commentKey(key, added.json.comment.id)),
      UpdateExpression: 'SET #public = :false, kind = :kind, unverified = :unverified, author = :author',
      ExpressionAttributeNames: { '#public': 'public' },
      ExpressionAttributeValues: marshall({ ':false': false, ':kind': 'unverified', ':unverified': { reason: 'new_participant', sender }, ':author': { email: sender, name, role: 'system' } }),
    }),
  );
  client.destroy();
}
