import { useId } from 'react';
import { data, isRouteErrorResponse, Link, useLoaderData, useLocation, useRouteError, type ActionFunctionArgs, type LoaderFunctionArgs, type ShouldRevalidateFunctionArgs } from 'react-router';
import { AttachmentList, type DownloadResult } from '../../../components/attachment-list';
import { ErrorPanel } from '../../../components/error-panel';
import { FormAnswers } from '../../../components/form-answers';
import { api } from '../../../lib/api/api';
import type { ClientSource } from '../../../lib/api/api-client';
import { isApiError } from '../../../lib/api/api-error';
import { failureError } from '../../../lib/api/api-outcome';
import { findCatalogItem, formLabels } from '../../../lib/catalog/catalog-item';
import { useMessages } from '../../../lib/i18n/use-messages';
import { attachmentLink, getCatalog, getHistory, getTicket, listRequesterTickets, type CatalogNode, type Comment, type Ticket } from '../api/ticket-api';
import { HistoryTimeline, type TicketHistory } from '../components/history-timeline';
import { RequesterPanel, type RequesterTickets } from '../components/requester-panel';
import { SlaClocks } from '../components/sla-clocks';
import { TicketConversation } from '../components/ticket-conversation';
import { TicketFacts } from '../components/ticket-facts';
import { ticketMessages } from '../messages';
import '../ticket.css';

export interface TicketViewData {
  ticket: Ticket;
  comments: Comment[];
  /** For the item's name and the labels of its form; empty when it could not be read. */
  catalog: CatalogNode[];
  history: TicketHistory;
  requesterTickets: RequesterTickets;
}

/**
 * `GET /tickets/{key}` (with the internal notes staff get), the first page of its history, the
 * catalog, and the requester's latest tickets. Only the ticket itself is needed: when one of the
 * others fails, its part of the page says so.
 */
export function ticketViewLoader(client: ClientSource) {
  return async ({ params, request }: LoaderFunctionArgs): Promise<TicketViewData> => {
    const source = await client();
    const key = params.key ?? '';
    const { signal } = request;
    const [ticket, history, catalog] = await Promise.all([getTicket(source, key, signal), getHistory(source, key, signal), getCatalog(source, signal)]);
    if (!ticket.ok) throw failureError(ticket.failure);
    const others = await listRequesterTickets(source, ticket.data.ticket.requester.email, signal);
    return {
      ticket: ticket.data.ticket,
      comments: ticket.data.comments,
      catalog: catalog.ok ? catalog.data.catalog : [],
      history: history.ok ? { ok: true, items: history.data.items, more: Boolean(history.data.nextCursor) } : { ok: false },
      requesterTickets: others.ok ? { ok: true, items: others.data.items } : { ok: false },
    };
  };
}

/** The view changes nothing yet; its one action fetches a file's download link. */
export function ticketViewAction(client: ClientSource) {
  return async ({ params, request }: ActionFunctionArgs): Promise<DownloadResult> => {
    const form = await request.formData();
    if (form.get('intent') !== 'download') throw data(null, { status: 400 });
    const link = await attachmentLink(await client(), params.key ?? '', String(form.get('location') ?? ''));
    return link.ok ? { intent: 'download', ok: true, url: link.data.url } : { intent: 'download', ok: false };
  };
}

/** A download link changes nothing on the ticket: no need to read it again. */
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs): boolean {
  if (formData?.get('intent') === 'download') return false;
  return defaultShouldRevalidate;
}

export const loader = ticketViewLoader(api);
export const action = ticketViewAction(api);

export function Component() {
  const { ticket, comments, catalog, history, requesterTickets } = useLoaderData() as TicketViewData;
  const t = useMessages(ticketMessages);
  const headingId = useId();
  const requestId = useId();
  const item = findCatalogItem(catalog, ticket.catalogItem);
  const back = useBackToQueue();

  return (
    <article className="console ticket-view" aria-labelledby={headingId}>
      <header className="ticket-header">
        <p className="back-link">
          <Link to={back}>{t.format('view.back')}</Link>
        </p>
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
          <TicketConversation comments={comments} />
          {/* The composer (reply, internal note) comes here, below the conversation it adds to. */}
        </div>
        <div className="ticket-side">
          {/* The actions panel (status, assignee, priority, escalation) comes here, first in the side column. */}
          <RequesterPanel ticket={ticket} tickets={requesterTickets} />
          <SlaClocks sla={ticket.sla} />
          <HistoryTimeline history={history} />
        </div>
      </div>
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
