import { useEffect, useId, useRef, useState } from 'react';
import { useFetcher } from 'react-router';
import { Button, FieldError, Label, TextArea, TextField } from 'react-aria-components';
import { fieldFailure, statusOf, type ApiFailure } from '../../../lib/api/api-outcome';
import { useMessages } from '../../../lib/i18n/use-messages';
import { requestsMessages } from '../messages';
import type { RequestViewResult } from '../routes/request-view';

/**
 * A resolved request asks its requester: confirm it (closed) or reopen it, saying what is still
 * wrong (`POST /tickets/{key}/resolution`). The view reads the ticket again afterwards.
 */
export function ResolutionPanel({ ticketKey, announce }: { ticketKey: string; announce: (message: string) => void }) {
  const t = useMessages(requestsMessages);
  const headingId = useId();
  const fetcher = useFetcher<RequestViewResult>();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const handled = useRef<unknown>(undefined);
  const busy = fetcher.state !== 'idle';
  const result = !busy && (fetcher.data?.intent === 'confirm' || fetcher.data?.intent === 'reopen') ? fetcher.data : undefined;

  useEffect(() => {
    if (!result || handled.current === result) return;
    handled.current = result;
    if (result.ok) announce(t.format(result.intent === 'confirm' ? 'resolution.confirmed' : 'resolution.reopened'));
  }, [result, announce, t]);

  const failure = result && !result.ok && 'failure' in result ? result.failure : undefined;
  const commentError = missing ? t.format('resolution.reopenRequired') : result?.intent === 'reopen' ? fieldFailure(failure, 'comment') : undefined;

  const reopen = () => {
    if (!comment.trim()) {
      setMissing(true);
      textArea.current?.focus();
      return;
    }
    void fetcher.submit({ intent: 'reopen', comment }, { method: 'post' });
  };

  return (
    <section className="resolution-panel callout" aria-labelledby={headingId} data-ticket={ticketKey}>
      <h2 id={headingId}>{t.format('resolution.heading')}</h2>
      <p>{t.format('resolution.text')}</p>
      <div className="button-row">
        <Button className="button" data-variant="primary" isDisabled={busy} onPress={() => void fetcher.submit({ intent: 'confirm' }, { method: 'post' })}>
          {t.format('resolution.confirm')}
        </Button>
      </div>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          reopen();
        }}
      >
        <TextField
          className="text-field"
          name="comment"
          value={comment}
          onChange={(value) => {
            setComment(value);
            if (value.trim()) setMissing(false);
          }}
          isInvalid={Boolean(commentError)}
          isDisabled={busy}
        >
          <Label>{t.format('resolution.reopenLabel')}</Label>
          <TextArea ref={textArea} rows={3} />
          <FieldError className="field-error">{commentError}</FieldError>
        </TextField>
        <Button type="submit" className="button" isDisabled={busy}>
          {t.format('resolution.reopen')}
        </Button>
      </form>
      {failure && !commentError ? <ResolutionFailure failure={failure} /> : null}
    </section>
  );
}

function ResolutionFailure({ failure }: { failure: ApiFailure }) {
  const t = useMessages(requestsMessages);
  const text = failure.kind === 'network' ? 'resolution.networkFailed' : statusOf(failure) === 409 ? 'resolution.conflict' : 'resolution.failed';
  return (
    <p className="field-error" role="alert">
      {t.format(text)}
    </p>
  );
}
