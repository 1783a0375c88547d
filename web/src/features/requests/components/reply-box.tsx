import { useEffect, useId, useRef, useState } from 'react';
import { useFetcher } from 'react-router';
import { Button, FieldError, FileTrigger, Label, Text, TextArea, TextField } from 'react-aria-components';
import { fieldFailure, statusOf } from '../../../lib/api/api-outcome';
import { useMessages } from '../../../lib/i18n/use-messages';
import { requestsMessages } from '../messages';
import type { RequestViewResult } from '../request-view-result';
import { useReplyDraft } from './reply-draft';

interface ChosenFile {
  id: string;
  file: File;
  state: 'uploading' | 'uploaded' | 'too_large' | 'failed';
  uploadId?: string;
}

let fileCounter = 0;

/**
 * The requester's public reply: a labelled text area kept as a draft in session storage, files
 * sent one by one through the upload route as they are chosen, and `POST /tickets/{key}/comments`
 * (the route's action). A failed send keeps everything and offers Try again with the same key.
 */
export function ReplyBox({ ticketKey, announce }: { ticketKey: string; announce: (message: string) => void }) {
  const t = useMessages(requestsMessages);
  const headingId = useId();
  const { draft, setText, renewKey, clear } = useReplyDraft(ticketKey);
  const fetcher = useFetcher<RequestViewResult>();
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [missing, setMissing] = useState(false);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const handled = useRef<unknown>(undefined);
  const sending = fetcher.state !== 'idle';
  const result = fetcher.state !== 'submitting' && fetcher.data?.intent === 'reply' ? fetcher.data : undefined;

  useEffect(() => {
    if (!result || handled.current === result) return;
    handled.current = result;
    if (result.ok) {
      clear();
      setFiles([]);
      announce(t.format('reply.sent'));
    }
  }, [result, clear, announce, t]);

  const failure = result && !result.ok ? result.failure : undefined;
  const bodyError = missing ? t.format('reply.required') : fieldFailure(failure, 'body');
  const uploading = files.some((file) => file.state === 'uploading');

  const send = () => {
    if (!draft.text.trim()) {
      setMissing(true);
      textArea.current?.focus();
      return;
    }
    if (uploading) return;
    const attachments = files.flatMap((file) => (file.state === 'uploaded' && file.uploadId ? [file.uploadId] : []));
    void fetcher.submit({ intent: 'reply', body: draft.text, idempotencyKey: draft.idempotencyKey, attachments: attachments.join(',') }, { method: 'post' });
  };

  const changeFiles = (change: (current: ChosenFile[]) => ChosenFile[]) => {
    setFiles(change);
    renewKey();
  };

  return (
    <section className="reply-box" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.format('reply.heading')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <TextField
          className="field"
          name="body"
          value={draft.text}
          onChange={(value) => {
            setText(value);
            if (value.trim()) setMissing(false);
          }}
          isInvalid={Boolean(bodyError)}
          isDisabled={sending}
        >
          <Label>{t.format('reply.label')}</Label>
          <TextArea ref={textArea} rows={5} />
          <Text slot="description" className="field-help">
            {t.format('reply.help')}
          </Text>
          <FieldError className="field-error">{bodyError}</FieldError>
        </TextField>

        {files.length > 0 ? (
          <ul className="chosen-files" aria-label={t.format('reply.selectedFiles')}>
            {files.map((chosen) => (
              <ChosenFileRow
                key={chosen.id}
                chosen={chosen}
                onUploaded={(state, uploadId) => setFiles((current) => current.map((file) => (file.id === chosen.id ? { ...file, state, ...(uploadId ? { uploadId } : {}) } : file)))}
                onRemove={() => changeFiles((current) => current.filter((file) => file.id !== chosen.id))}
              />
            ))}
          </ul>
        ) : null}

        {failure ? <ReplyFailure failure={failure} onRetry={send} /> : null}

        <div className="button-row">
          <FileTrigger
            allowsMultiple
            onSelect={(list) => {
              const chosen = Array.from(list ?? []).map((file): ChosenFile => ({ id: `file-${++fileCounter}`, file, state: 'uploading' }));
              if (chosen.length > 0) changeFiles((current) => [...current, ...chosen]);
            }}
          >
            <Button className="button" isDisabled={sending}>
              {t.format('reply.files')}
            </Button>
          </FileTrigger>
          <Button type="submit" className="button button-primary" isPending={sending} isDisabled={uploading}>
            {sending ? t.format('reply.sending') : t.format('reply.send')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function ReplyFailure({ failure, onRetry }: { failure: NonNullable<Extract<RequestViewResult, { ok: false; failure: unknown }>['failure']>; onRetry: () => void }) {
  const t = useMessages(requestsMessages);
  if (failure.kind === 'network') {
    return (
      <div className="alert" role="alert">
        <p>{t.format('reply.networkFailed')}</p>
        <Button className="button" onPress={onRetry}>
          {t.format('reply.retry')}
        </Button>
      </div>
    );
  }
  // A field the API named is shown beside that field; the rest here.
  if (fieldFailure(failure, 'body')) return null;
  return (
    <div className="alert" role="alert">
      <p>{t.format(statusOf(failure) === 409 ? 'reply.closed' : 'reply.failed')}</p>
    </div>
  );
}

/** One chosen file: sent to the upload route once, then listed with its outcome and a Remove button. */
function ChosenFileRow({ chosen, onUploaded, onRemove }: { chosen: ChosenFile; onUploaded: (state: ChosenFile['state'], uploadId?: string) => void; onRemove: () => void }) {
  const t = useMessages(requestsMessages);
  const fetcher = useFetcher<RequestViewResult>();
  const started = useRef(false);
  const reported = useRef<unknown>(undefined);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const form = new FormData();
    form.append('intent', 'upload');
    form.append('file', chosen.file);
    void fetcher.submit(form, { method: 'post', encType: 'multipart/form-data' });
  }, [chosen.file, fetcher]);

  useEffect(() => {
    const result = fetcher.data;
    if (fetcher.state !== 'idle' || result?.intent !== 'upload' || reported.current === result) return;
    reported.current = result;
    if (result.ok) onUploaded('uploaded', result.uploadId);
    else onUploaded(result.reason);
  }, [fetcher.state, fetcher.data, onUploaded]);

  const problem = chosen.state === 'too_large' ? t.format('reply.fileTooLarge', { name: chosen.file.name }) : chosen.state === 'failed' ? t.format('reply.uploadFailed', { name: chosen.file.name }) : undefined;
  return (
    <li className="chosen-file" data-state={chosen.state}>
      <span className="chosen-file-name">{chosen.file.name}</span>
      {chosen.state === 'uploading' ? <span className="muted"> {t.format('reply.uploading')}</span> : null}
      {problem ? (
        <span className="field-error" role="alert">
          {' '}
          {problem}
        </span>
      ) : null}{' '}
      <Button className="button-link" onPress={onRemove}>
        {t.format('reply.removeFile', { name: chosen.file.name })}
      </Button>
    </li>
  );
}
