import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { ApiError, NetworkError, type ErrorDetail } from '../../../lib/api/api-error';
import { authSession } from '../../../lib/auth/auth-session';
import { useMessages } from '../../../lib/i18n/use-messages';
import { createTicket, type CatalogItem, type CreateTicketWithAttachments, type FieldValue } from '../api/request-form-api';
import { clearDraft, newIdempotencyKey, readDraft, saveDraft, type Draft } from '../draft';
import { requestFormMessages } from '../messages';
import { customFieldsOf, DESCRIPTION_MAX, fieldKey, initialValue, SUBJECT_MAX, validateForm } from '../validate';
import { AttachmentsField, useAttachments } from '../../../components/attachments/attachments-field';
import { FieldControl, TextControl } from './form-field';

type Failure =
  /** Problems the person can fix, some perhaps for fields not on the screen. */
  { kind: 'fields'; offScreen: string[]; general?: string } | { kind: 'network' } | { kind: 'other'; message: string };

function startingDraft(item: CatalogItem, storage: Storage): Draft {
  const stored = readDraft(storage, item.node.id);
  const defaults = Object.fromEntries(item.node.form.map((field) => [field.id, initialValue(field)]));
  if (stored) return { ...stored, values: { ...defaults, ...stored.values } };
  return { subject: item.node.name, description: '', values: defaults, attachments: [], idempotencyKey: newIdempotencyKey() };
}

/** The request form of one catalog item: its fields, files, checks and the sending of the ticket. */
export function RequestForm({ item, storage = window.sessionStorage }: { item: CatalogItem; storage?: Storage }) {
  const t = useMessages(requestFormMessages);
  const navigate = useNavigate();
  const { node } = item;
  const [initial] = useState(() => startingDraft(item, storage));
  const [subject, setSubject] = useState(initial.subject);
  const [description, setDescription] = useState(initial.description);
  const [values, setValues] = useState<Record<string, FieldValue>>(initial.values);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Failure>();
  const [sending, setSending] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ target: 'summary' | 'field'; seq: number }>();
  const attachments = useAttachments(initial.attachments);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const uploaded = attachments.items.flatMap((file) => (file.status === 'done' ? [{ uploadId: file.uploadId, name: file.name, size: file.size }] : []));
  const uploadedKey = uploaded.map((file) => file.uploadId).join(',');

  // Everything typed is kept for this tab, so a sign-in redirect or a reload loses nothing.
  useEffect(() => {
    saveDraft(storage, node.id, { subject, description, values, attachments: uploaded, idempotencyKey: initial.idempotencyKey });
    // uploadedKey stands for the uploaded files
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storage, node.id, subject, description, values, uploadedKey, initial.idempotencyKey]);

  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.target === 'summary') {
      summaryRef.current?.focus();
      return;
    }
    const invalid = formRef.current?.querySelector('[data-field-key] [aria-invalid="true"], [data-field-key] [data-invalid] input');
    const wrapper = invalid?.closest('[data-field-key]');
    const focusable = wrapper?.querySelector<HTMLElement>('input:not([type="hidden"]), textarea, button, [tabindex="0"], [role="spinbutton"]');
    (focusable ?? summaryRef.current)?.focus();
  }, [focusRequest]);

  const requestFocus = (target: 'summary' | 'field') => setFocusRequest((last) => ({ target, seq: (last?.seq ?? 0) + 1 }));

  const labelOf = (key: string): string | undefined => {
    if (key === 'subject') return t.format('subject');
    if (key === 'description') return t.format('description');
    return node.form.find((field) => fieldKey(field) === key)?.label;
  };

  const translate = (message: string) => (message === 'required' ? t.format('fieldRequired') : message);

  /** The API's 400 details beside their fields; those for fields not on the screen go to the summary. */
  const showDetails = (details: readonly ErrorDetail[]) => {
    const beside: Record<string, string> = {};
    const offScreen: string[] = [];
    for (const detail of details) {
      const key = detail.path.startsWith('customFields.') || detail.path === 'subject' || detail.path === 'description' ? detail.path : undefined;
      if (key && labelOf(key) !== undefined) beside[key] ??= translate(detail.message);
      else offScreen.push(detail.path ? `${detail.path}: ${detail.message}` : detail.message);
    }
    setErrors(beside);
    setFailure({ kind: 'fields', offScreen });
    requestFocus(offScreen.length > 0 ? 'summary' : 'field');
  };

  const send = async () => {
    setFailure(undefined);
    const problems = validateForm(node.form, { subject, description, values }, t);
    setErrors(problems);
    const pending = attachments.items.some((file) => file.status === 'uploading');
    const failed = attachments.items.some((file) => file.status === 'failed');
    if (Object.keys(problems).length > 0 || pending || failed) {
      const general = pending ? t.format('filesPending') : failed ? t.format('filesFailed') : undefined;
      setFailure({ kind: 'fields', offScreen: [], ...(general ? { general } : {}) });
      requestFocus(Object.keys(problems).length > 0 ? 'field' : 'summary');
      return;
    }
    const body: CreateTicketWithAttachments = {
      catalogItem: node.id,
      subject: subject.trim(),
      description,
      tags: [],
      customFields: customFieldsOf(node.form, values),
      ...(uploaded.length > 0 ? { attachments: uploaded.map((file) => file.uploadId) } : {}),
    };
    setSending(true);
    try {
      const ticket = await createTicket(body, initial.idempotencyKey);
      clearDraft(storage, node.id);
      navigate(`/requests/${encodeURIComponent(ticket.key)}`);
    } catch (error) {
      setSending(false);
      if (error instanceof NetworkError) {
        setFailure({ kind: 'network' });
        requestFocus('summary');
      } else if (error instanceof ApiError && error.status === 400) {
        showDetails(error.details.length > 0 ? error.details : [{ path: '', message: error.message }]);
      } else if (error instanceof ApiError && error.status === 401) {
        // The draft is saved; the person comes back here after signing in.
        void authSession.signIn();
      } else {
        const message =
          error instanceof ApiError && error.status === 422
            ? t.format('conflict')
            : error instanceof ApiError && error.status === 413
              ? t.format('tooLarge')
              : error instanceof ApiError && error.status === 403
                ? t.format('forbidden')
                : t.format('serverError');
        setFailure({ kind: 'other', message });
        requestFocus('summary');
      }
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!sending) void send();
  };

  const hasFieldErrors = Object.keys(errors).length > 0;
  const showSummary = failure !== undefined;

  return (
    <Form ref={formRef} onSubmit={onSubmit} validationBehavior="aria" className="request-form">
      <div ref={summaryRef} tabIndex={-1} className={showSummary ? 'alert' : undefined} aria-labelledby={showSummary ? 'form-summary-title' : undefined} role={showSummary ? 'alert' : undefined}>
        {failure?.kind === 'network' && (
          <>
            <h2 id="form-summary-title">{t.format('networkTitle')}</h2>
            <p>{t.format('network')}</p>
            <Button type="submit" className="button button-primary" isDisabled={sending}>
              {t.format('tryAgain')}
            </Button>
          </>
        )}
        {failure?.kind === 'other' && (
          <>
            <h2 id="form-summary-title">{t.format('summaryTitle')}</h2>
            <p>{failure.message}</p>
          </>
        )}
        {failure?.kind === 'fields' && (
          <>
            <h2 id="form-summary-title">{t.format('summaryTitle')}</h2>
            {failure.offScreen.length > 0 && (
              <ul>
                {failure.offScreen.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
            {failure.general && <p>{failure.general}</p>}
            {hasFieldErrors && <p>{t.format('summaryFieldsBelow')}</p>}
          </>
        )}
      </div>

      <p className="muted">{t.format('requiredNote')}</p>

      <TextControl fieldKey="subject" label={t.format('subject')} help={t.format('subjectHelp')} value={subject} onChange={setSubject} required maxLength={SUBJECT_MAX} error={errors.subject} />

      {node.form.length > 0 && (
        <fieldset className="form-section">
          <legend>{t.format('details')}</legend>
          {node.form.map((field) => (
            <FieldControl key={field.id} field={field} value={values[field.id] ?? null} onChange={(value) => setValues((current) => ({ ...current, [field.id]: value }))} error={errors[fieldKey(field)]} />
          ))}
        </fieldset>
      )}

      <TextControl
        fieldKey="description"
        label={t.format('description')}
        help={t.format('descriptionHelp')}
        value={description}
        onChange={setDescription}
        multiline
        maxLength={DESCRIPTION_MAX}
        error={errors.description}
      />

      <AttachmentsField attachments={attachments} />

      <div className="button-row form-actions">
        <Button type="submit" className="button button-primary" isDisabled={sending}>
          {sending ? t.format('sending') : t.format('send')}
        </Button>
      </div>
    </Form>
  );
}
