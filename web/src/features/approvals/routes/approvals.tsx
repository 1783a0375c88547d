import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useFetcher, useLoaderData, useLocation, type ActionFunctionArgs, type LoaderFunctionArgs, type ShouldRevalidateFunctionArgs } from 'react-router';
import { FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';
import { api } from '../../../lib/api/api';
import { failureError, fieldFailure, statusOf, type ApiFailure } from '../../../lib/api/api-outcome';
import { useDateTime } from '../../../lib/i18n/use-date-time';
import { useMessages } from '../../../lib/i18n/use-messages';
import { BusyButton } from '../../../components/busy-button';
import { LiveStatus } from '../../../components/live-status';
import { decideApproval, listMyApprovals, type ApprovalInboxItem, type ClientSource } from '../api/approvals-api';
import { approvalsMessages } from '../messages';
import { LoadFailed } from '../../../components/load-failed';
import { useMorePages } from '../../../lib/paging/use-more-pages';
import '../approvals.css';

type ApprovalsData = { ok: true; items: ApprovalInboxItem[]; nextCursor?: string } | { ok: false };

export type DecisionResult = { key: string; decision: 'approve' | 'reject'; ok: true } | { key: string; decision: 'approve' | 'reject'; ok: false; failure: ApiFailure };

/** All decisions go through one fetcher: the page announces each outcome, the item shows its errors. */
const DECISION_FETCHER = 'approval-decision';

/** `GET /me/approvals`: the requests waiting for the signed-in person's decision; `?cursor=` gives the next page. */
export function approvalsLoader(client: ClientSource) {
  return async ({ request }: LoaderFunctionArgs): Promise<ApprovalsData> => {
    const cursor = new URL(request.url).searchParams.get('cursor') ?? undefined;
    const outcome = await listMyApprovals(await client(), cursor, request.signal);
    if (outcome.ok) return { ok: true, items: outcome.data.items, ...(outcome.data.nextCursor ? { nextCursor: outcome.data.nextCursor } : {}) };
    if (outcome.failure.kind === 'network') return { ok: false };
    throw failureError(outcome.failure);
  };
}

/** `POST /tickets/{key}/approval` with `{ decision, comment? }`. */
export function approvalsAction(client: ClientSource) {
  return async ({ request }: ActionFunctionArgs): Promise<DecisionResult> => {
    const form = await request.formData();
    const key = String(form.get('key') ?? '');
    const decision = form.get('decision') === 'reject' ? 'reject' : 'approve';
    const comment = String(form.get('comment') ?? '').trim();
    const outcome = await decideApproval(await client(), key, { decision, ...(comment ? { comment } : {}) });
    return outcome.ok ? { key, decision, ok: true } : { key, decision, ok: false, failure: outcome.failure };
  };
}

/** A refused or failed decision changed nothing: the item stays as it is, with the error beside it. */
export function shouldRevalidate({ actionResult, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs): boolean {
  if ((actionResult as DecisionResult | undefined)?.ok === false) return false;
  return defaultShouldRevalidate;
}

export const loader = approvalsLoader(api);
export const action = approvalsAction(api);

export function Component() {
  const first = useLoaderData() as ApprovalsData;
  const t = useMessages(approvalsMessages);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const decision = useFetcher<DecisionResult>({ key: DECISION_FETCHER });
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const handled = useRef<unknown>(undefined);

  // While a decision is sent, the page says so (the pressed button keeps focus and refuses presses).
  useEffect(() => {
    if (decision.state === 'submitting') setAnnouncement(t.format('deciding'));
  }, [decision.state, t]);

  // A decided item leaves the list at once (the inbox no longer has it once the page reads it
  // again); the outcome is announced, and focus goes to the heading instead of being lost.
  useEffect(() => {
    const result = decision.data;
    if (decision.state === 'submitting' || !result || handled.current === result) return;
    handled.current = result;
    // A refused decision is told beside its controls; the page has nothing to add.
    if (!result.ok) return setAnnouncement('');
    setDecided((current) => new Set([...current, result.key]));
    setAnnouncement(t.format(result.decision === 'approve' ? 'approved' : 'rejected', { key: result.key }));
    heading.current?.focus();
  }, [decision.state, decision.data, t]);

  return (
    <div className="approvals-page">
      <h1 id={headingId} ref={heading} tabIndex={-1}>
        {t.format('title')}
      </h1>
      <p className="muted">{t.format('intro')}</p>
      <LiveStatus message={announcement} visible />
      {first.ok ? <ApprovalList first={first} decided={decided} labelledBy={headingId} announce={setAnnouncement} /> : <LoadFailed message={t.format('failed')} retryLabel={t.format('retry')} />}
    </div>
  );
}

function ApprovalList({ first, decided, labelledBy, announce }: { first: Extract<ApprovalsData, { ok: true }>; decided: ReadonlySet<string>; labelledBy: string; announce: (message: string) => void }) {
  const t = useMessages(approvalsMessages);
  const { pathname } = useLocation();
  const onAdded = useCallback((count: number) => announce(t.format('moreShown', { count })), [announce, t]);
  const more = useMorePages(first, onAdded);
  const items = more.items.filter((item) => !decided.has(item.key));

  if (items.length === 0 && !more.nextCursor) {
    return <p className="empty-state">{t.format('empty')}</p>;
  }
  return (
    <>
      <ul className="approval-list" aria-labelledby={labelledBy}>
        {items.map((item) => (
          <li key={item.key}>
            <ApprovalCard item={item} />
          </li>
        ))}
      </ul>
      {more.failed ? (
        <p className="alert" role="alert">
          {t.format('moreFailed')}
        </p>
      ) : null}
      {more.nextCursor ? (
        <BusyButton className="button show-more" isBusy={more.loading} onPress={() => more.load(`${pathname}?cursor=${encodeURIComponent(more.nextCursor ?? '')}`)}>
          {more.loading ? t.format('loadingMore') : t.format('showMore')}
        </BusyButton>
      ) : null}
    </>
  );
}

/** What is asked, and the decision: a comment (required to reject) with Approve and Reject. */
function ApprovalCard({ item }: { item: ApprovalInboxItem }) {
  const t = useMessages(approvalsMessages);
  const { dateTime } = useDateTime();
  const headingId = useId();
  const decision = useFetcher<DecisionResult>({ key: DECISION_FETCHER });
  const [comment, setComment] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const busy = decision.state !== 'idle';
  const mine = busy ? decision.formData?.get('key') === item.key : false;
  const result = decision.state !== 'submitting' && decision.data?.key === item.key && !decision.data.ok ? decision.data : undefined;
  const failure = result?.failure;
  const commentError = missingReason ? t.format('reasonRequired') : fieldFailure(failure, 'comment');
  const requester = item.requester.name ? `${item.requester.name} <${item.requester.email}>` : item.requester.email;

  const decide = (choice: 'approve' | 'reject') => {
    if (busy) return;
    if (choice === 'reject' && !comment.trim()) {
      setMissingReason(true);
      textArea.current?.focus();
      return;
    }
    setMissingReason(false);
    void decision.submit({ key: item.key, decision: choice, comment }, { method: 'post' });
  };

  return (
    <article className="approval-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.format('heading', { key: item.key, title: item.subject })}</h2>
      <dl className="approval-facts">
        <div>
          <dt>{t.format('requestedBy')}</dt>
          <dd>{requester}</dd>
        </div>
        {item.catalogItem ? (
          <div>
            <dt>{t.format('item')}</dt>
            <dd>{item.catalogItem.name}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t.format('step')}</dt>
          <dd>{item.step.label}</dd>
        </div>
        <div>
          <dt>{t.format('requestedAt')}</dt>
          <dd>
            <time dateTime={item.requestedAt}>{dateTime(item.requestedAt)}</time>
          </dd>
        </div>
      </dl>
      <p>
        <Link to={`/requests/${item.key}`}>{t.format('view', { key: item.key })}</Link>
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          decide('approve');
        }}
      >
        <TextField
          className="field"
          name="comment"
          value={comment}
          onChange={(value) => {
            setComment(value);
            if (value.trim()) setMissingReason(false);
          }}
          isInvalid={Boolean(commentError)}
          isDisabled={busy}
        >
          <Label>{t.format('commentLabel')}</Label>
          <TextArea ref={textArea} rows={3} maxLength={5000} />
          <Text slot="description" className="field-help">
            {t.format('commentHelp')}
          </Text>
          <FieldError className="field-error">{commentError}</FieldError>
        </TextField>
        <div className="button-row">
          <BusyButton className="button button-primary" aria-label={t.format('approveNamed', { key: item.key })} isDisabled={busy && !mine} isBusy={mine} onPress={() => decide('approve')}>
            {t.format('approve')}
          </BusyButton>
          <BusyButton className="button button-danger" aria-label={t.format('rejectNamed', { key: item.key })} isDisabled={busy && !mine} isBusy={mine} onPress={() => decide('reject')}>
            {t.format('reject')}
          </BusyButton>
        </div>
        {failure && !fieldFailure(failure, 'comment') ? <DecisionFailure failure={failure} /> : null}
      </form>
    </article>
  );
}

function DecisionFailure({ failure }: { failure: ApiFailure }) {
  const t = useMessages(approvalsMessages);
  const status = statusOf(failure);
  const text = failure.kind === 'network' ? 'networkFailed' : status === 409 ? 'conflict' : status === 403 ? 'forbidden' : status === 404 ? 'notFound' : 'decisionFailed';
  return (
    <p className="field-error" role="alert">
      {t.format(text)}
    </p>
  );
}
