import { useLoaderData } from 'react-router';
import { runtimeConfig } from '../../../lib/config/runtime-config';
import { useMessages } from '../../../lib/i18n/use-messages';
import { SignInButtons } from '../components/sign-in-buttons';
import { authMessages } from '../messages';

export async function loader() {
  const config = await runtimeConfig().catch(() => undefined);
  return { identityProviders: config?.identityProviders ?? [] };
}

/** Where Cognito's /logout brings the person back to. */
export function Component() {
  const t = useMessages(authMessages);
  const { identityProviders } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="standalone">
      <section className="panel" aria-labelledby="signed-out-title">
        <h1 id="signed-out-title">{t.format('signedOutTitle')}</h1>
        <p>{t.format('signedOutText')}</p>
        <SignInButtons identityProviders={identityProviders} returnTo="/" label={t.format('signInAgain')} />
      </section>
    </main>
  );
}
