import { useId, useRef, useState } from 'react';
import { useFetcher } from 'react-router';
import { Button, FieldError, Label, TextArea, TextField } from 'react-aria-components';
import { fieldFailure, statusOf, type ApiFailure } from '../../../lib/api/api-outcome';
import { useMessages } from '../../../lib/i18n/use-messages';
import { requestsMessages } from '../messages';
import type { RequestViewResult } from '../request-view-result';

/**
 * A resolved request asks its requester: confirm it (closed) or reopen it, saying what is still
 * wrong (`POST /tickets/{key}/resolution`). The view reads the ticket again afterwards.
 */
/** The panel's fetcher key: the view announces the outcome, since a confirmed request no longer shows the panel. */
export const RESOLUTION_FETCHER = 'resolution';

export function ResolutionPanel({ ticketKey }: { ticketKey: string }) {
  const t = useMessages(requestsMessages);
  const headingId = useId();
  const fetcher = useFetcher<RequestViewResult>({ key: RESOLUTION_FETCHER });
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const busy = fetcher.state !== 'idle';
  const result = fetcher.state !== 'submitting' && (fetcher.data?.intent === 'confirm' || fetcher.data?.intent === 'reopen') ? fetcher.data : undefined;

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
    <section className="resolution-panel panel" aria-labelledby={headingId} data-ticket={ticketKey}>
      <h2 id={headingId}>{t.format('resolution.heading')}</h2>
      <p>{t.format('resolution.text')}</p>
      <div className="button-row">
        <Button className="button button-primary" isDisabled={busy} onPress={() => void fetcher.submit({ intent: 'confirm' }, { method: 'post' })}>
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
          className="field"
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
