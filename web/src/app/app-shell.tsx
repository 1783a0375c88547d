import { useEffect, useRef } from 'react';
import { useLocale } from 'react-aria';
import { NavLink, Outlet, useFetcher, useLoaderData, useLocation, useNavigation, useRevalidator } from 'react-router';
import type { ShellData } from './shell-route';
import type { SignedInPerson } from '../lib/auth/signed-in-person';
import { authSession, isStaff } from '../lib/auth/auth-session';
import { useMessages } from '../lib/i18n/use-messages';
import { shellMessages } from './messages';

/** The page around every screen: skip link, header with navigation and the person, one <main>. */
export function AppShell() {
  const t = useMessages(shellMessages);
  const { person, SignInPage, deskName, identityProviders } = useLoaderData() as ShellData;
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  useDocumentLanguage();
  const main = useFocusMainOnNavigation();
  const { pathname } = useLocation();
  const staff = person ? isStaff(person) : false;
  const inConsole = pathname === '/console' || pathname.startsWith('/console/');
  const team = useShowsTeam(person);
  const admin = person?.groups.includes('admin') ?? false;
  const ownSection = pathname.startsWith(`${TEAM_PATH}`) || pathname.startsWith('/console/admin');

  useEffect(() => authSession.subscribe(() => void revalidator.revalidate()), [revalidator]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t.format('skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <NavLink to="/" className="desk-name" end>
            {deskName ?? t.format('deskName')}
          </NavLink>
          {person && (
            <>
              <nav aria-label={t.format('navigation')} className="app-nav">
                <ul>
                  <li>
                    <NavLink to="/" end>
                      {t.format('home')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/requests">{t.format('myRequests')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/approvals">{t.format('approvals')}</NavLink>
                  </li>
                  {staff ? (
                    <li>
                      {/* The team and admin screens live under /console too, but are not the queues. */}
                      <NavLink to="/console" end={ownSection}>
                        {t.format('queues')}
                      </NavLink>
                    </li>
                  ) : null}
                  {team ? (
                    <li>
                      <NavLink to={TEAM_PATH}>{t.format('team')}</NavLink>
                    </li>
                  ) : null}
                  {admin ? (
                    <li>
                      <NavLink to={ADMIN_PATH}>{t.format('admin')}</NavLink>
                    </li>
                  ) : null}
                </ul>
              </nav>
              <div className="app-person">
                <span className="app-person-name" title={person.email}>
                  <span className="visually-hidden">{t.format('signedInAs')} </span>
                  {person.name}
                </span>
                <button type="button" className="button button-small" onClick={() => void authSession.signOut()}>
                  {t.format('signOut')}
                </button>
              </div>
            </>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="app-main" aria-busy={navigation.state === 'loading' || undefined}>
        {staff && !inConsole && (
          <p className="note" role="note">
            {t.format('staffNote')}
          </p>
        )}
        {person ? <Outlet /> : SignInPage ? <SignInPage identityProviders={identityProviders} /> : null}
      </main>
    </div>
  );
}

const TEAM_PATH = '/console/team';
const ADMIN_PATH = '/console/admin/config';

/**
 * Team is offered to managers and admins who work a desk: the team route's loader (`GET /me/queues`)
 * says which desks; what each desk's team shows is the API's decision, not the browser's.
 */
function useShowsTeam(person: SignedInPerson | undefined): boolean {
  const fetcher = useFetcher<{ ok: boolean; desks?: readonly unknown[] }>({ key: 'shell-team-desks' });
  const manages = person?.groups.some((group) => group === 'manager' || group === 'admin') ?? false;
  const { state, data, load } = fetcher;
  useEffect(() => {
    if (manages && state === 'idle' && data === undefined) void load(TEAM_PATH);
  }, [manages, state, data, load]);
  return manages && data?.ok === true && (data.desks?.length ?? 0) > 0;
}

/** `<html lang>` follows the language the texts are shown in. */
function useDocumentLanguage() {
  const { locale, direction } = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = direction;
  }, [locale, direction]);
}

/** After a client-side navigation, focus goes to the main content, as after a page load. */
function useFocusMainOnNavigation() {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [pathname]);
  return main;
}
