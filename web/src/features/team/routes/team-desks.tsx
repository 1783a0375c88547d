import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { LoadFailed } from '../../../components/load-failed';
import { api } from '../../../lib/api/api';
import type { ClientSource } from '../../../lib/api/api-client';
import { failureError } from '../../../lib/api/api-outcome';
import { useMessages } from '../../../lib/i18n/use-messages';
import { listMyDesks, type DeskCounts } from '../api/list-my-desks';
import { DeskLinks } from '../components/desk-links';
import { teamMessages } from '../messages';
import '../team.css';

/** The desks the person works; the shell reads it too, to know whether to show Team at all. */
export type TeamDesksData = { ok: true; desks: DeskCounts[] } | { ok: false; reason: 'network' | 'forbidden' };

/** `GET /me/queues`: which desks' teams the person can open (the API decides). */
export function teamDesksLoader(client: ClientSource) {
  return async ({ request }: LoaderFunctionArgs): Promise<TeamDesksData> => {
    const outcome = await listMyDesks(await client(), request.signal);
    if (outcome.ok) return { ok: true, desks: outcome.data.desks };
    if (outcome.failure.kind === 'network') return { ok: false, reason: 'network' };
    if (outcome.failure.status === 403) return { ok: false, reason: 'forbidden' };
    throw failureError(outcome.failure);
  };
}

export const loader = teamDesksLoader(api);

export function Component() {
  const view = useLoaderData() as TeamDesksData;
  const t = useMessages(teamMessages);
  return (
    <div className="console team-screen">
      <header className="console-header">
        <h1>{t.format('index.heading')}</h1>
      </header>
      {!view.ok && view.reason === 'network' ? (
        <LoadFailed message={t.format('index.failed')} retryLabel={t.format('retry')} />
      ) : !view.ok || view.desks.length === 0 ? (
        <p>{t.format('index.none')}</p>
      ) : (
        <>
          <p>{t.format('index.intro')}</p>
          <DeskLinks desks={view.desks} />
        </>
      )}
    </div>
  );
}
