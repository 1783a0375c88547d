import { authSession } from '../lib/auth/auth-session';
import { runtimeConfig } from '../lib/config/runtime-config';
import { useMessages } from '../lib/i18n/use-messages';
import { loadingMessages } from './loading-messages';

/*
 * What the shell's route needs before its own chunk (app-shell.tsx) is there: the loader, which
 * starts reading the configuration and the session at once, and what shows meanwhile.
 */

/**
 * Who is signed in and the settings the shell shows; re-run when the session changes. The sign-in
 * page is its own chunk, loaded only when nobody is signed in.
 */
export async function shellLoader() {
  const config = await runtimeConfig();
  const person = await authSession.person();
  const SignInPage = person ? undefined : (await import('../features/auth/components/sign-in-page')).SignInPage;
  return { person, SignInPage, deskName: config.deskName, identityProviders: config.identityProviders };
}

export type ShellData = Awaited<ReturnType<typeof shellLoader>>;

/** Shown while the shell's first loader runs. */
export function ShellLoading() {
  const t = useMessages(loadingMessages);
  return (
    <main id="main" className="standalone">
      <p role="status">{t.format('loading')}</p>
    </main>
  );
}
