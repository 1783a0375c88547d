import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { authSession } from '../../../lib/auth/auth-session';
import { useMessages } from '../../../lib/i18n/use-messages';
import { authMessages } from '../messages';

/**
 * Where the identity provider sends the browser back with the authorization code: the code is
 * exchanged (PKCE) and the person returns to the page they were on.
 */
export function Component() {
  const t = useMessages(authMessages);
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    // The code can be exchanged once; StrictMode runs effects twice in development.
    if (started.current) return;
    started.current = true;
    authSession.completeSignIn().then(
      (returnTo) => navigate(returnTo, { replace: true }),
      () => setFailed(true),
    );
  }, [navigate]);

  if (!failed) {
    return (
      <main id="main" className="standalone">
        <p role="status">{t.format('signingIn')}</p>
      </main>
    );
  }
  return (
    <main id="main" className="standalone">
      <section className="panel" aria-labelledby="callback-title">
        <h1 id="callback-title">{t.format('callbackFailedTitle')}</h1>
        <p>{t.format('callbackFailed')}</p>
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => void authSession.signIn('/')}>
            {t.format('signInAgain')}
          </button>
        </div>
      </section>
    </main>
  );
}
