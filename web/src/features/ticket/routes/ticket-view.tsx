import { lazy, useCallback, useId, useState } from 'react';
import { Await, isRouteErrorResponse, Link, useLoaderData, useLocation, useRouteError, type LoaderFunctionArgs, type ShouldRevalidateFunctionArgs } from 'react-router';
import { AttachmentList } from '../../../components/attachment-list';
import { KeyboardShortcutsDialog } from '../../../components/keyboard-shortcuts-dialog';
import { LiveStatus } from '../../../components/live-status';
import { ErrorPanel } from '../../../components/error-panel';
import { FormAnswers } from '../../../components/form-answers';
import { api } from '../../../lib/api/api';
import type { ClientSource } from '../../../lib/api/api-client';
import { isApiError } from '../../../lib/api/api-error';
import { failureError } from '../../../lib/api/api-outcome';
import { findCatalogItem, formLabels } from '../../../lib/catalog/catalog-item';
import { useMessages } from '../../../lib/i18n/use-messages';
import { AfterFirstPaint } from '../../../lib/loading/after-first-paint';
import { getCatalog, getDeskTeam, getHistory, getTicket, listRequesterTickets, previewReply, type CatalogNode, type Comment, type DeskTeam, type Ticket } from '../api/ticket-api';
import type { ReplyRecipients } from '../components/recipients';
import { QueueNeighbours } from '../components/queue-neighbours';
import { HistoryTimeline, type TicketHistory } from '../components/history-timeline';
import { RequesterPanel, type RequesterTickets } from '../components/requester-panel';
import { SlaClocks } from '../components/sla-clocks';
import { TicketConversation } from '../components/ticket-conversation';
import { TicketFacts } from '../components/ticket-facts';
import { ticketMessages } from '../messages';
import '../ticket.css';
import { ticketViewAction, type TicketActionResult } from './ticket-view-action';

export { ticketViewAction };

// The controls that change the ticket (React Aria's menus, text fields, drop zone) load once the
// ticket has been painted: reading it comes first.
const ActionsPanel = lazy(() => import('../components/actions-panel').then((module) => ({ default: module.ActionsPanel })));
const Composer = lazy(() => import('../components/composer').then((module) => ({ default: module.Composer })));

export interface TicketViewData {
  ticket: Ticket;
  comments: Comment[];
  /** For the item's name and the labels of its form; empty when it could not be read. */
  catalog: CatalogNode[];
  history: TicketHistory;
  /** What is read once the ticket is known, not waited for: the ticket shows without it. */
  around: Promise<TicketSurroundings>;
}

export interface TicketSurroundings {
  requesterTickets: RequesterTickets;
  /** Whom a public reply reaches now (`POST /tickets/{key}/reply-preview` without a body). */
  recipients: ReplyRecipients;
  /** The ticket's desk with its people by level, for assigning; undefined when it could not be read. */
  team: DeskTeam | undefined;
}

/**
 * `GET /tickets/{key}` (with the internal notes staff get), the first page of its history and the
 * catalog; then, without waiting, the requester's latest tickets, the reply's recipients and the
 * desk's team. Only the ticket itself is needed: when one of the others fails, its part says so.
 */
export function ticketViewLoader(client: ClientSource) {
  return async ({ params, request }: LoaderFunctionArgs): Promise<TicketViewData> => {
    const source = await client();
    const key = params.key ?? '';
    const { signal } = request;
    const [ticket, history, catalog] = await Promise.all([getTicket(source, key, signal), getHistory(source, key, signal), getCatalog(source, signal)]);
    if (!ticket.ok) throw failureError(ticket.failure);
    const around = Promise.all([
      listRequesterTickets(source, ticket.data.ticket.requester.email, signal),
      ticket.data.ticket.status === 'closed' ? undefined : previewReply(source, key, {}, signal),
      getDeskTeam(source, ticket.data.ticket.desk, signal),
    ]).then(([others, recipients, team]): TicketSurroundings => ({
      requesterTickets: others.ok ? { ok: true, items: others.data.items } : { ok: false },
      recipients: recipients?.ok ? { ok: true, preview: recipients.data } : { ok: false },
      team: team.ok ? team.data : undefined,
    }));
    return {
      ticket: ticket.data.ticket,
      comments: ticket.data.comments,
      catalog: catalog.ok ? catalog.data.catalog : [],
      history: history.ok ? { ok: true, items: history.data.items, more: Boolean(history.data.nextCursor) } : { ok: false },
      around,
    };
  };
}

/**
 * Reads nothing again after a write that changed nothing: a file's link, a preview, a refused
 * change (a 412 keeps the page as it was loaded, so the dialog can say what changed since).
 */
export function shouldRevalidate({ formData, json, actionResult, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs): boolean {
  if (formData?.get('intent') === 'download') return false;
  const intent = (json as { intent?: unknown } | undefined)?.intent;
  if (intent === 'preview') return false;
  const result = actionResult as TicketActionResult | undefined;
  if (result && !result.ok && (result.intent === 'update' || result.intent === 'escalate' || result.intent === 'comment' || result.intent === 'acceptSender')) return false;
  return defaultShouldRevalidate;
}

export const loader = ticketViewLoader(api);
export const action = ticketViewAction(api);

export function Component() {
  const { ticket, comments, catalog, history, around } = useLoaderData() as TicketViewData;
  const t = useMessages(ticketMessages);
  const headingId = useId();
  const requestId = useId();
  const item = findCatalogItem(catalog, ticket.catalogItem);
  const back = useBackToQueue();
  const [announcement, setAnnouncement] = useState('');
  const announce = useCallback((message: string) => setAnnouncement(message), []);

  return (
    <article className="console ticket-view" aria-labelledby={headingId}>
      <header className="ticket-header">
        <p className="back-link">
          <Link to={back}>{t.format('view.back')}</Link>
        </p>
        <QueueNeighbours ticketKey={ticket.key} queue={back} />
        <KeyboardShortcutsDialog />
        <h1 id={headingId}>{t.format('view.heading', { key: ticket.key, subject: ticket.subject })}</h1>
        <TicketFacts ticket={ticket} item={item} />
      </header>
      <div className="ticket-layout">
        <div className="ticket-main">
          <section aria-labelledby={requestId}>
            <h2 id={requestId}>{t.format('request.heading')}</h2>
            {ticket.description ? <p className="message-body">{ticket.description}</p> : <p className="muted">{t.format('request.noDescription')}</p>}
            <FormAnswers values={ticket.customFields} labels={formLabels(catalog, ticket.catalogItem)} heading={t.format('request.answers')} />
            {ticket.attachments?.length ? <AttachmentList attachments={ticket.attachments} /> : null}
          </section>
          <TicketConversation comments={comments} announce={announce} />
          {ticket.status !== 'closed' ? (
            <AfterFirstPaint whenIdle placeholder={<div className="composer composer-placeholder" aria-busy="true" />}>
              <Await resolve={around}>{({ recipients }: TicketSurroundings) => <Composer key={ticket.key} ticketKey={ticket.key} recipients={recipients} announce={announce} />}</Await>
            </AfterFirstPaint>
          ) : null}
        </div>
        <div className="ticket-side">
          <AfterFirstPaint placeholder={<div className="panel actions-panel-placeholder" aria-busy="true" />}>
            <Await resolve={around}>{({ team }: TicketSurroundings) => <ActionsPanel key={ticket.key} ticket={ticket} team={team} catalog={catalog} announce={announce} />}</Await>
          </AfterFirstPaint>
          <RequesterPanel ticket={ticket} around={around} />
          <SlaClocks sla={ticket.sla} />
          <HistoryTimeline history={history} />
        </div>
      </div>
      <LiveStatus message={announcement} />
    </article>
  );
}

/** Back to the queue the ticket was opened from, with its filters; the person's own work otherwise. */
function useBackToQueue(): string {
  const { state } = useLocation();
  const queue = (state as { queue?: unknown } | null)?.queue;
  return typeof queue === 'string' && queue.startsWith('/console') ? queue : '/console';
}

/** A ticket that does not exist or is not on the person's desks (the API does not say which), in words; other failures go to the shell. */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useMessages(ticketMessages);
  const notFound = (isRouteErrorResponse(error) && error.status === 404) || isApiError(error, 404);
  if (!notFound) throw error;
  return (
    <ErrorPanel title={t.format('notFound.title')}>
      <p role="alert">{t.format('notFound.text')}</p>
      <p>
        <Link to="/console">{t.format('view.back')}</Link>
      </p>
    </ErrorPanel>
  );
}
