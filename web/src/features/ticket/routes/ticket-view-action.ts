import { data, type ActionFunctionArgs } from 'react-router';
import type { DownloadResult } from '../../../components/attachment-list';
import type { ClientSource } from '../../../lib/api/api-client';
import type { ApiFailure } from '../../../lib/api/api-outcome';
import { authSession } from '../../../lib/auth/auth-session';
import {
  acceptSender,
  addComment,
  attachmentLink,
  escalateTicket,
  getHistory,
  getTicket,
  previewReply,
  updateTicket,
  type HistoryEvent,
  type ReplyPreview,
  type Ticket,
  type TicketChange,
} from '../api/ticket-api';

/** What the view's writes send (as JSON): each names its intent. */
export type TicketIntent =
  | { intent: 'comment'; body: string; public: boolean; cc: string[]; attachments: string[]; idempotencyKey: string }
  | { intent: 'preview'; body: string; cc: string[] }
  | { intent: 'update'; control: string; change: TicketChange; version: number; take?: boolean }
  | { intent: 'escalate'; reason: string; confirmRestrictedMove?: boolean }
  | { intent: 'acceptSender'; commentId: string };

/** What the API said since the page loaded: the ticket now and its history, to show what changed. */
export interface Conflict {
  ticket: Ticket;
  history: HistoryEvent[];
}

export type TicketActionResult =
  | DownloadResult
  | { intent: 'comment'; ok: true }
  | { intent: 'comment'; ok: false; failure: ApiFailure }
  | { intent: 'preview'; ok: true; preview: ReplyPreview }
  | { intent: 'preview'; ok: false; failure: ApiFailure }
  | { intent: 'update'; control: string; ok: true }
  | { intent: 'update'; control: string; ok: false; sent: Extract<TicketIntent, { intent: 'update' }>; failure: ApiFailure; conflict?: Conflict; needsConfirmation?: string }
  | { intent: 'escalate'; ok: true }
  | { intent: 'escalate'; ok: false; failure: ApiFailure; needsConfirmation?: string }
  | { intent: 'acceptSender'; commentId: string; ok: true }
  | { intent: 'acceptSender'; commentId: string; ok: false; failure: ApiFailure };

/** A refusal that asks for `confirmRestrictedMove`: the API's words, to ask the person with. */
export function confirmationAsked(failure: ApiFailure): string | undefined {
  if (failure.kind !== 'refused' || failure.status !== 422) return undefined;
  return failure.details.some((detail) => detail.path === 'confirmRestrictedMove') ? failure.message : undefined;
}

/**
 * The ticket view's writes: a reply or note, its preview, a change of fields under If-Match (a 412
 * answers with the ticket as it is now, to show the person), an escalation, accepting a new
 * participant's sender, and a file's link.
 */
export function ticketViewAction(client: ClientSource) {
  return async ({ params, request }: ActionFunctionArgs): Promise<TicketActionResult> => {
    const key = params.key ?? '';
    if (!(request.headers.get('content-type') ?? '').includes('application/json')) {
      const form = await request.formData();
      if (form.get('intent') !== 'download') throw data(null, { status: 400 });
      const link = await attachmentLink(await client(), key, String(form.get('location') ?? ''));
      return link.ok ? { intent: 'download', ok: true, url: link.data.url } : { intent: 'download', ok: false };
    }
    const sent = (await request.json()) as TicketIntent;
    const source = await client();
    switch (sent.intent) {
      case 'comment': {
        const added = await addComment(source, key, sent, sent.idempotencyKey);
        return added.ok ? { intent: 'comment', ok: true } : { intent: 'comment', ok: false, failure: added.failure };
      }
      case 'preview': {
        const preview = await previewReply(source, key, { body: sent.body, ...(sent.cc.length ? { cc: sent.cc } : {}) });
        return preview.ok ? { intent: 'preview', ok: true, preview: preview.data } : { intent: 'preview', ok: false, failure: preview.failure };
      }
      case 'update': {
        // "Take it" names the signed-in person; the API decides whether they may.
        const change = sent.take ? { ...sent.change, assignee: (await authSession.person())?.email ?? '' } : sent.change;
        const updated = await updateTicket(source, key, change, sent.version);
        if (updated.ok) return { intent: 'update', control: sent.control, ok: true };
        const base = { intent: 'update' as const, control: sent.control, ok: false as const, sent, failure: updated.failure };
        if (updated.failure.kind === 'refused' && updated.failure.status === 412) {
          const [now, history] = await Promise.all([getTicket(source, key), getHistory(source, key)]);
          if (now.ok) return { ...base, conflict: { ticket: now.data.ticket, history: history.ok ? history.data.items : [] } };
        }
        const asked = confirmationAsked(updated.failure);
        return asked ? { ...base, needsConfirmation: asked } : base;
      }
      case 'escalate': {
        const escalated = await escalateTicket(source, key, { ...(sent.reason ? { reason: sent.reason } : {}), ...(sent.confirmRestrictedMove ? { confirmRestrictedMove: true } : {}) });
        if (escalated.ok) return { intent: 'escalate', ok: true };
        const asked = confirmationAsked(escalated.failure);
        return { intent: 'escalate', ok: false, failure: escalated.failure, ...(asked ? { needsConfirmation: asked } : {}) };
      }
      case 'acceptSender': {
        const accepted = await acceptSender(source, key, sent.commentId);
        return accepted.ok ? { intent: 'acceptSender', commentId: sent.commentId, ok: true } : { intent: 'acceptSender', commentId: sent.commentId, ok: false, failure: accepted.failure };
      }
      default:
        throw data(null, { status: 400 });
    }
  };
}
