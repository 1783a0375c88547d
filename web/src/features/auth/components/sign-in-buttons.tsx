import { useState } from 'react';
import { authSession } from '../../../lib/auth/auth-session';
import { useMessages } from '../../../lib/i18n/use-messages';
import { authMessages } from '../messages';

interface SignInButtonsProps {
  identityProviders: readonly { id: string; name: string }[];
  /** Where the person comes back to; the current page by default. */
  returnTo?: string;
  label?: string;
}

/** "Sign in", and "Sign in with X" for each of the organisation's identity providers. */
export function SignInButtons({ identityProviders, returnTo, label }: SignInButtonsProps) {
  const t = useMessages(authMessages);
  const [busy, setBusy] = useState(false);
  const signIn = (provider?: string) => {
    setBusy(true);
    authSession.signIn(returnTo, provider).catch(() => setBusy(false));
  };
  return (
    <div className="button-row">
      <button type="button" className="button button-primary" disabled={busy} onClick={() => signIn()}>
        {label ?? t.format('signIn')}
      </button>
      {identityProviders.map((provider) => (
        <button key={provider.id} type="button" className="button" disabled={busy} onClick={() => signIn(provider.id)}>
          {t.format('signInWith', { provider: provider.name })}
        </button>
      ))}
    </div>
  );
}
