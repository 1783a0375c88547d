import { data, Link, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from 'react-router';
import { AriaRouterProvider } from '../../../components/aria-router-provider';
import { LoadFailed } from '../../../components/load-failed';
import { LiveStatus } from '../../../components/live-status';
import { api } from '../../../lib/api/api';
import type { ClientSource } from '../../../lib/api/api-client';
import { failureError, type ApiFailure } from '../../../lib/api/api-outcome';
import type { ListPage } from '../../../lib/paging/use-more-pages';
import { useMessages } from '../../../lib/i18n/use-messages';
import { assignTicket } from '../api/assign-ticket';
import { getTeam, type DeskTeam } from '../api/get-team';
import { listDeskTickets, type Ticket } from '../api/list-desk-tickets';
import { listMyDesks, type DeskCounts } from '../api/list-my-desks';
import { setAvailability } from '../api/set-availability';
import { DeskLinks } from '../components/desk-links';
import { LevelSection } from '../components/level-section';
import { UnassignedList } from '../components/unassigned-list';
import { useAssign } from '../components/use-assign';
import { teamMessages } from '../messages';
import { OPEN_AGENT_PARAM, TEAM_PATH } from '../team-links';
import type { AgentTickets, TeamActionResult } from '../team-results';
import '../team.css';

export type TeamData = { desk: string; desks: DeskCounts[] } & (
  { ok: true; team: DeskTeam; unassigned: ListPage<Ticket>; agentTickets: Record<string, AgentTickets> } | { ok: false; reason: 'network' | 'forbidden' }
);

const page = (outcome: Awaited<ReturnType<typeof listDeskTickets>>): ListPage<Ticket> =>
  outcome.ok ? { ok: true, items: outcome.data.items, ...(outcome.data.nextCursor ? { nextCursor: outcome.data.nextCursor } : {}) } : { ok: false };

/**
 * The desk's team (`GET /desks/{id}/team`), its unassigned active tickets, the desks the person
 * works (`GET /me/queues`) and the open tickets of each agent the URL opens (`?open=`). With
 * `?cursor=` it answers only that page of the unassigned list, for Show more.
 */
export function teamLoader(client: ClientSource) {
  return async ({ params, request }: LoaderFunctionArgs): Promise<TeamData | ListPage<Ticket>> => {
    const desk = params.desk ?? '';
    const search = new URL(request.url).searchParams;
    const source = await client();
    const { signal } = request;
    const cursor = search.get('cursor');
    if (cursor) return page(await listDeskTickets(source, desk, 'none', cursor, signal));

    const open = [...new Set(search.getAll(OPEN_AGENT_PARAM))];
    const [team, unassigned, mine, ...agents] = await Promise.all([
      getTeam(source, desk, signal),
      listDeskTickets(source, desk, 'none', undefined, signal),
      listMyDesks(source, signal),
      ...open.map((email) => listDeskTickets(source, desk, email, undefined, signal)),
    ]);
    const desks = mine.ok ? mine.data.desks : [];
    if (!team.ok) {
      const { failure } = team;
      if (failure.kind === 'network') return { desk, desks, ok: false, reason: 'network' };
      if (failure.status === 403 || failure.status === 404) return { desk, desks, ok: false, reason: 'forbidden' };
      throw failureError(failure);
    }
    const agentTickets = Object.fromEntries(open.map((email, index) => [email, page(agents[index]!)]));
    return { desk, desks, ok: true, team: team.data, unassigned: page(unassigned), agentTickets };
  };
}

function assignFailure(failure: ApiFailure): { reason: 'stale' | 'forbidden' | 'network' | 'refused'; message?: string } {
  if (failure.kind === 'network') return { reason: 'network' };
  if (failure.status === 412) return { reason: 'stale' };
  if (failure.status === 403) return { reason: 'forbidden' };
  return { reason: 'refused', message: failure.message };
}

/**
 * Assigns a ticket (`intent=assign`, conditional on its listed version) or sets an agent's
 * availability (`intent=availability`). The router then reads the team again, so the screen
 * shows what the API now holds; a stale version reloads the list without overwriting anything.
 */
export function teamAction(client: ClientSource) {
  return async ({ request }: ActionFunctionArgs): Promise<TeamActionResult> => {
    const form = await request.formData();
    const source = await client();
    const intent = form.get('intent');
    if (intent === 'assign') {
      const key = String(form.get('key') ?? '');
      const assignee = String(form.get('assignee') ?? '');
      const name = String(form.get('name') ?? assignee);
      const outcome = await assignTicket(source, key, Number(form.get('version')), assignee);
      return outcome.ok ? { intent, key, assignee, name, ok: true } : { intent, key, assignee, name, ok: false, ...assignFailure(outcome.failure) };
    }
    if (intent === 'availability') {
      const email = String(form.get('email') ?? '');
      const outcome = await setAvailability(source, email, form.get('available') === 'true');
      if (outcome.ok) return { intent, email, ok: true };
      return { intent, email, ok: false, reason: outcome.failure.kind === 'refused' && outcome.failure.status === 403 ? 'forbidden' : 'failed' };
    }
    throw data(null, { status: 400 });
  };
}

export const loader = teamLoader(api);
export const action = teamAction(api);

export function Component() {
  const view = useLoaderData() as TeamData;
  const t = useMessages(teamMessages);
  const assign = useAssign();
  const name = view.ok ? view.team.desk.name : (view.desks.find((desk) => desk.id === view.desk)?.name ?? view.desk);

  return (
    <AriaRouterProvider>
      <div className="console team-screen">
        <header className="console-header">
          <h1>{t.format('heading', { desk: name })}</h1>
        </header>
        <div className="team-layout">
          <DeskLinks desks={view.desks} current={view.desk} />
          <div className="team-content">
            {view.ok ? (
              <>
                <UnassignedList desk={view.desk} team={view.team} first={view.unassigned} assign={assign} />
                <div className="team-levels">
                  {view.team.levels.map((level) => (
                    <LevelSection key={level.id} desk={view.desk} level={level} team={view.team} agentTickets={view.agentTickets} assign={assign} />
                  ))}
                </div>
              </>
            ) : view.reason === 'network' ? (
              <LoadFailed message={t.format('team.failed')} retryLabel={t.format('retry')} />
            ) : (
              <div className="alert" role="alert">
                <p>{t.format('team.forbidden')}</p>
                <p>
                  <Link to={TEAM_PATH}>{t.format('index.heading')}</Link>
                </p>
              </div>
            )}
          </div>
        </div>
        <LiveStatus message={assign.announcement} />
      </div>
    </AriaRouterProvider>
  );
}
