import { useEffect, useRef } from 'react';
import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router';
import { ErrorPanel } from '../components/error-panel';
import { authSession } from '../lib/auth/auth-session';
import { ApiError, NetworkError } from '../lib/api/api-error';
import { useMessages } from '../lib/i18n/use-messages';
import { shellMessages } from './messages';

type ErrorKind = 'notFound' | 'forbidden' | 'signedOut' | 'network' | 'other';

/** What kind of failure a route threw: the API's status, a dropped connection, anything else. */
export function errorKind(error: unknown): ErrorKind {
  const status = error instanceof ApiError ? error.status : isRouteErrorResponse(error) ? error.status : undefined;
  if (status === 404) return 'notFound';
  if (status === 403) return 'forbidden';
  if (status === 401) return 'signedOut';
  if (error instanceof NetworkError) return 'network';
  return 'other';
}

/** A screen's failure in the person's language; the API answers 404 both for what is missing and what is not theirs. */
export function RouteError() {
  const t = useMessages(shellMessages);
  const error = useRouteError();
  const revalidator = useRevalidator();
  const kind = errorKind(error);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [error]);

  const titles: Record<ErrorKind, string> = {
    notFound: t.format('requestNotFoundTitle'),
    forbidden: t.format('forbiddenTitle'),
    signedOut: t.format('sessionEndedTitle'),
    network: t.format('networkTitle'),
    other: t.format('errorTitle'),
  };
  const texts: Record<ErrorKind, string> = {
    notFound: t.format('requestNotFound'),
    forbidden: t.format('forbidden'),
    signedOut: t.format('sessionEnded'),
    network: t.format('network'),
    other: t.format('error'),
  };
  const code = error instanceof ApiError && kind === 'other' ? error.code : undefined;

  return (
    <ErrorPanel title={titles[kind]} headingRef={heading}>
      <p>{texts[kind]}</p>
      {code && <p className="muted">{t.format('errorCode', { code })}</p>}
      <div className="button-row">
        {kind === 'signedOut' ? (
          <button type="button" className="button button-primary" onClick={() => void authSession.signIn()}>
            {t.format('signIn')}
          </button>
        ) : kind === 'notFound' || kind === 'forbidden' ? (
          <Link to="/" className="button">
            {t.format('backHome')}
          </Link>
        ) : (
          <button type="button" className="button button-primary" onClick={() => void revalidator.revalidate()} disabled={revalidator.state === 'loading'}>
            {t.format('tryAgain')}
          </button>
        )}
      </div>
    </ErrorPanel>
  );
}
