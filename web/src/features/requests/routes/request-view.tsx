import { useCallback, useEffect, useRef, useState } from 'react';
import { data, isRouteErrorResponse, Link, useFetcher, useLoaderData, useRouteError, type ActionFunctionArgs, type LoaderFunctionArgs, type ShouldRevalidateFunctionArgs } from 'react-router';
import { api } from '../../../lib/api/api';
import { isApiError } from '../../../lib/api/api-error';
import { failureError } from '../../../lib/api/api-outcome';
import { useDateTime } from '../../../lib/i18n/use-date-time';
import { useMessages } from '../../../lib/i18n/use-messages';
import { ErrorPanel } from '../../../components/error-panel';
import { LiveStatus } from '../../../components/live-status';
import { addReply, attachmentLink, decideResolution, getCatalog, getRequest, uploadFile, type CatalogNode, type ClientSource, type Comment, type Ticket } from '../api/requests-api';
import { Conversation } from '../components/conversation';
import { AttachmentList } from '../../../components/attachment-list';
import { FormAnswers } from '../../../components/form-answers';
import { findCatalogItem, formLabels } from '../../../lib/catalog/catalog-item';
import { ReplyBox } from '../components/reply-box';
import { RESOLUTION_FETCHER, ResolutionPanel } from '../components/resolution-panel';
import { StateFacts } from '../components/ticket-state';
import { requestsMessages } from '../messages';
import type { RequestViewResult } from '../request-view-result';
import '../requests.css';

export interface RequestViewData {
  ticket: Ticket;
  comments: Comment[];
  /** The catalog, for the labels of the form's answers and the item's name; empty when it could not be read. */
  catalog: CatalogNode[];
}

/** `GET /tickets/{key}`: the ticket and its conversation (a requester gets only the public part). */
export function requestViewLoader(client: ClientSource) {
  return async ({ params, request }: LoaderFunctionArgs): Promise<RequestViewData> => {
    const api = await client();
    const key = params.key ?? '';
    const [ticket, catalog] = await Promise.all([getRequest(api, key, request.signal), getCatalog(api, request.signal)]);
    if (!ticket.ok) throw failureError(ticket.failure);
    return { ticket: ticket.data.ticket, comments: ticket.data.comments, catalog: catalog.ok ? catalog.data.catalog : [] };
  };
}

/**
 * The view's changes: a reply (with uploaded files), the answer to a resolution, and the files' own
 * steps; `fetchImpl` is what sends a file to the upload form's URL (S3).
 */
export function requestViewAction(client: ClientSource, fetchImpl: typeof fetch = (input, init) => fetch(input, init)) {
  return async ({ params, request }: ActionFunctionArgs): Promise<RequestViewResult> => {
    const api = await client();
    const key = params.key ?? '';
    const form = await request.formData();
    const intent = form.get('intent');
    const text = (name: string) => String(form.get(name) ?? '').trim();
    switch (intent) {
      case 'reply': {
        const attachments = text('attachments').split(',').filter(Boolean);
        const outcome = await addReply(api, key, { body: text('body'), attachments }, text('idempotencyKey'));
        return outcome.ok ? { intent, ok: true } : { intent, ok: false, failure: outcome.failure };
      }
      case 'confirm':
      case 'reopen': {
        const outcome = await decideResolution(api, key, intent, intent === 'reopen' ? text('comment') : undefined);
        return outcome.ok ? { intent, ok: true } : { intent, ok: false, failure: outcome.failure };
      }
      case 'upload': {
        const file = form.get('file');
        if (!(file instanceof File)) return { intent, ok: false, reason: 'failed' };
        const uploaded = await uploadFile(api, file, fetchImpl);
        return uploaded.ok ? { intent, ok: true, uploadId: uploaded.uploadId } : { intent, ok: false, reason: uploaded.kind };
      }
      case 'download': {
        const link = await attachmentLink(api, key, text('location'));
        return link.ok ? { intent, ok: true, url: link.data.url } : { intent, ok: false };
      }
      default:
        throw data(null, { status: 400 });
    }
  };
}

/** Uploads and download links change nothing on the ticket: no need to read it again. */
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs): boolean {
  const intent = formData?.get('intent');
  if (intent === 'upload' || intent === 'download') return false;
  return defaultShouldRevalidate;
}

export const loader = requestViewLoader(api);
export const action = requestViewAction(api);

export function Component() {
  const { ticket, comments, catalog } = useLoaderData() as RequestViewData;
  const t = useMessages(requestsMessages);
  const { dateTime } = useDateTime();
  const [announcement, setAnnouncement] = useState('');
  const announce = useCallback((message: string) => setAnnouncement(message), []);
  const resolution = useFetcher<RequestViewResult>({ key: RESOLUTION_FETCHER });
  const announced = useRef<unknown>(undefined);
  useEffect(() => {
    const result = resolution.data;
    if (resolution.state === 'submitting' || !result || announced.current === result || !result.ok) return;
    announced.current = result;
    if (result.intent === 'confirm' || result.intent === 'reopen') announce(t.format(result.intent === 'confirm' ? 'resolution.confirmed' : 'resolution.reopened'));
  }, [resolution.state, resolution.data, announce, t]);
  const item = findCatalogItem(catalog, ticket.catalogItem);

  return (
    <article className="requests-page request-view" aria-labelledby="request-title">
      <p className="back-link">
        <Link to="/requests">{t.format('view.back')}</Link>
      </p>
      <h1 id="request-title">{t.format('view.heading', { key: ticket.key, title: ticket.subject })}</h1>
      <dl className="request-facts">
        <StateFacts ticket={ticket} />
        {item ? (
          <div>
            <dt>{t.format('field.item')}</dt>
            <dd>{item.name}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t.format('field.opened')}</dt>
          <dd>
            <time dateTime={ticket.createdAt}>{dateTime(ticket.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t.format('field.updated')}</dt>
          <dd>
            <time dateTime={ticket.updatedAt}>{dateTime(ticket.updatedAt)}</time>
          </dd>
        </div>
      </dl>

      {ticket.status === 'resolved' ? <ResolutionPanel ticketKey={ticket.key} /> : null}

      <section aria-labelledby="request-description">
        <h2 id="request-description">{t.format('view.description')}</h2>
        {ticket.description ? <p className="message-body">{ticket.description}</p> : null}
        <FormAnswers values={ticket.customFields} labels={formLabels(catalog, ticket.catalogItem)} heading={t.format('view.answers')} />
        {ticket.attachments?.length ? <AttachmentList attachments={ticket.attachments} /> : null}
      </section>

      <Conversation ticket={ticket} comments={comments} />

      {ticket.status !== 'closed' ? <ReplyBox key={ticket.key} ticketKey={ticket.key} announce={announce} /> : null}
      <LiveStatus message={announcement} />
    </article>
  );
}

/** A 404 (no such ticket, or not the caller's: the API does not say which), in words; other failures go to the shell's error screen. */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useMessages(requestsMessages);
  const notFound = (isRouteErrorResponse(error) && error.status === 404) || isApiError(error, 404);
  // Anything else (signed out, offline) is the shell's to explain, with its sign-in or retry.
  if (!notFound) throw error;
  return (
    <ErrorPanel title={t.format('view.notFound.title')}>
      <p role="alert">{t.format('view.notFound.text')}</p>
      <p>
        <Link to="/requests">{t.format('view.back')}</Link>
      </p>
    </ErrorPanel>
  );
}
