import { useEffect, useRef } from 'react';
import { useMessages } from '../../../lib/i18n/use-messages';
import { authMessages } from '../messages';
import { SignInButtons } from './sign-in-buttons';

/** What signed-out people see instead of the screens; signing in brings them back to this address. */
export function SignInPage({ identityProviders }: { identityProviders: readonly { id: string; name: string }[] }) {
  const t = useMessages(authMessages);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title" ref={heading} tabIndex={-1}>
        {t.format('signInTitle')}
      </h1>
      <p>{t.format('signInText')}</p>
      <SignInButtons identityProviders={identityProviders} />
    </section>
  );
}
