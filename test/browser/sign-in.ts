import type { Page } from 'playwright-core';
import { expectAccessible } from './accessibility.ts';

/**
 * Signs in through the app and the local OpenID Connect provider's sign-in page, as a person
 * does: the app's Sign in button, the email typed, Continue; back on the page it started from.
 */
export async function signIn(page: Page, email: string, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const emailField = page.getByRole('textbox', { name: 'Email address' });
  await emailField.waitFor();
  await expectAccessible(page, 'the sign-in page');
  await emailField.fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}
