import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useFetcher } from 'react-router';
import { Button, FieldError, Label, Radio, RadioGroup, Text, TextArea, TextField } from 'react-aria-components';
import { AttachmentsField, useAttachments } from '../../../components/attachments/attachments-field';
import { Icon } from '../../../components/icon';
import { ModalDialog } from '../../../components/modal-dialog';
import type { ApiFailure } from '../../../lib/api/api-outcome';
import { fieldFailure } from '../../../lib/api/api-outcome';
import { useMessages } from '../../../lib/i18n/use-messages';
import { useShortcut } from '../../../lib/keyboard/use-shortcut';
import { useComposerDraft, useComposerMode, type ComposerMode } from '../composer-draft';
import { ticketMessages } from '../messages';
import type { TicketActionResult, TicketIntent } from '../routes/ticket-view-action';
import { CcField } from './cc-field';
import { Recipients, type ReplyRecipients } from './recipients';

/** The API's complaints about single cc addresses (`cc[2]`, `cc.2`), by their index. */
function ccErrors(failure: ApiFailure | undefined): Map<number, string> {
  const errors = new Map<number, string>();
  if (failure?.kind !== 'refused') return errors;
  for (const detail of failure.details) {
    const match = /^cc(?:\[(\d+)\]|\.(\d+))$/.exec(detail.path);
    if (match) errors.set(Number(match[1] ?? match[2]), detail.message);
  }
  return errors;
}

const attachmentsError = (failure: ApiFailure | undefined) =>
  failure?.kind === 'refused' ? failure.details.find((detail) => detail.path === 'attachments' || detail.path.startsWith('attachments.') || detail.path.startsWith('attachments['))?.message : undefined;

/**
 * Below the conversation: a public reply (its recipients shown before anything is typed, people to
 * copy, a preview of the mail) or an internal note, each with files, kept as a draft per ticket
 * and kind. Send posts the comment under the draft's idempotency key; a failure keeps everything.
 */
export function Composer({ ticketKey, recipients, announce }: { ticketKey: string; recipients: ReplyRecipients; announce: (message: string) => void }) {
  const t = useMessages(ticketMessages);
  const headingId = useId();
  const [mode, setMode] = useComposerMode(ticketKey);
  const reply = useComposerDraft(ticketKey, 'reply');
  const note = useComposerDraft(ticketKey, 'note');
  const replyFiles = useAttachments([]);
  const noteFiles = useAttachments([]);
  const current = mode === 'reply' ? reply : note;
  const files = mode === 'reply' ? replyFiles : noteFiles;
  const { text, cc } = current.draft.value;
  const sender = useFetcher<TicketActionResult>();
  const previewer = useFetcher<TicketActionResult>();
  const [previewOpen, setPreviewOpen] = useState(false);
  const [missing, setMissing] = useState(false);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const handled = useRef<unknown>(undefined);
  const sentMode = useRef<ComposerMode>(mode);
  const sending = sender.state !== 'idle';
  const result = sender.state === 'idle' && sender.data?.intent === 'comment' ? sender.data : undefined;
  const failure = result && !result.ok && sentMode.current === mode ? result.failure : undefined;

  // Other files make it another comment: a retry of the old one must not stand for it.
  const uploaded = files.items.flatMap((item) => (item.status === 'done' ? [item.uploadId] : []));
  const uploadedKey = uploaded.join(',');
  const lastUploaded = useRef<Record<ComposerMode, string>>({ reply: '', note: '' });
  const { renewKey } = current;
  useEffect(() => {
    if (lastUploaded.current[mode] === uploadedKey) return;
    lastUploaded.current[mode] = uploadedKey;
    renewKey();
  }, [uploadedKey, mode, renewKey]);

  useEffect(() => {
    if (!result || handled.current === result) return;
    handled.current = result;
    if (!result.ok) return;
    const sentDraft = sentMode.current === 'reply' ? reply : note;
    sentDraft.clear();
    (sentMode.current === 'reply' ? replyFiles : noteFiles).clear();
    announce(t.format(sentMode.current === 'reply' ? 'composer.replySent' : 'composer.noteSent'));
  }, [result, reply, note, replyFiles, noteFiles, announce, t]);

  const focusIn = (next: ComposerMode) => {
    setMode(next);
    // After the mode's text area has its value: focus lands in the field being written.
    requestAnimationFrame(() => textArea.current?.focus());
  };
  useShortcut('r', t.format('shortcut.reply'), () => focusIn('reply'));
  useShortcut('n', t.format('shortcut.note'), () => focusIn('note'));

  const uploading = files.items.some((item) => item.status === 'uploading');
  const bodyError = missing ? t.format('composer.required') : fieldFailure(failure, 'body');
  const ccProblems = useMemo(() => ccErrors(failure), [failure]);

  const send = () => {
    if (!text.trim()) {
      setMissing(true);
      textArea.current?.focus();
      return;
    }
    if (uploading) return;
    sentMode.current = mode;
    const intent: TicketIntent = { intent: 'comment', body: text, public: mode === 'reply', cc: mode === 'reply' ? cc : [], attachments: uploaded, idempotencyKey: current.draft.idempotencyKey };
    void sender.submit(intent as never, { method: 'post', encType: 'application/json' });
  };

  const preview = () => {
    const intent: TicketIntent = { intent: 'preview', body: text, cc };
    void previewer.submit(intent as never, { method: 'post', encType: 'application/json' });
    setPreviewOpen(true);
  };
  const previewResult = previewer.state === 'idle' && previewer.data?.intent === 'preview' ? previewer.data : undefined;

  return (
    <section className="composer" data-mode={mode} aria-labelledby={headingId}>
      <h2 id={headingId}>{t.format('composer.heading')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <RadioGroup className="composer-mode" orientation="horizontal" value={mode} onChange={(value) => setMode(value === 'note' ? 'note' : 'reply')} isDisabled={sending}>
          <Label className="visually-hidden">{t.format('composer.mode')}</Label>
          <Radio value="reply" className="composer-mode-option" data-visibility="public">
            <Icon name="reply" />
            {t.format('comment.public')}
          </Radio>
          <Radio value="note" className="composer-mode-option" data-visibility="internal">
            <Icon name="lock" />
            {t.format('comment.internal')}
          </Radio>
        </RadioGroup>

        {mode === 'reply' ? <Recipients recipients={recipients} extraCc={cc} /> : <p className="composer-note-hint">{t.format('composer.noteHint')}</p>}

        <TextField
          className="field"
          name="body"
          value={text}
          onChange={(value) => {
            current.update({ text: value, cc });
            if (value.trim()) setMissing(false);
          }}
          isInvalid={Boolean(bodyError)}
          isDisabled={sending}
        >
          <Label>{t.format(mode === 'reply' ? 'composer.replyLabel' : 'composer.noteLabel')}</Label>
          <TextArea ref={textArea} rows={6} />
          <Text slot="description" className="field-help">
            {t.format(mode === 'reply' ? 'composer.replyHelp' : 'composer.noteHelp')}
          </Text>
          <FieldError className="field-error">{bodyError}</FieldError>
        </TextField>

        {mode === 'reply' ? <CcField value={cc} onChange={(next) => current.update({ text, cc: next })} errors={ccProblems} isDisabled={sending} /> : null}

        <AttachmentsField attachments={files} label={t.format('composer.files')} help={t.format('composer.filesHelp')} error={attachmentsError(failure)} />

        {failure ? <SendFailure failure={failure} onRetry={send} /> : null}

        <div className="button-row">
          {mode === 'reply' ? (
            <Button className="button" onPress={preview} isDisabled={sending}>
              {t.format('composer.preview')}
            </Button>
          ) : null}
          <Button type="submit" className="button button-primary" isDisabled={uploading || sending}>
            {sending ? t.format('composer.sending') : t.format(mode === 'reply' ? 'composer.sendReply' : 'composer.sendNote')}
          </Button>
        </div>
      </form>
      <ModalDialog title={t.format('preview.title')} isOpen={previewOpen} onOpenChange={setPreviewOpen}>
        {previewResult?.ok ? (
          <div className="mail-preview">
            <dl className="recipients">
              <div>
                <dt>{t.format('preview.from')}</dt>
                <dd>{previewResult.preview.from}</dd>
              </div>
              <div>
                <dt>{t.format('composer.to')}</dt>
                <dd>{previewResult.preview.to.join(', ') || t.format('composer.nobody')}</dd>
              </div>
              {previewResult.preview.cc.length ? (
                <div>
                  <dt>{t.format('composer.cc')}</dt>
                  <dd>{previewResult.preview.cc.join(', ')}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t.format('preview.subject')}</dt>
                <dd>{previewResult.preview.subject}</dd>
              </div>
            </dl>
            <pre className="mail-text">{previewResult.preview.text}</pre>
          </div>
        ) : previewResult && !previewResult.ok ? (
          <p role="alert">{previewResult.failure.kind === 'refused' ? previewResult.failure.message : t.format('composer.networkFailed')}</p>
        ) : (
          <p role="status">{t.format('preview.loading')}</p>
        )}
        <div className="button-row">
          <Button className="button" onPress={() => setPreviewOpen(false)}>
            {t.format('preview.close')}
          </Button>
        </div>
      </ModalDialog>
    </section>
  );
}

/** A lost connection offers Retry (same key: the API adds the comment once); a refusal says why. */
function SendFailure({ failure, onRetry }: { failure: ApiFailure; onRetry: () => void }) {
  const t = useMessages(ticketMessages);
  if (failure.kind === 'network') {
    return (
      <div className="alert" role="alert">
        <p>{t.format('composer.networkFailed')}</p>
        <Button className="button" onPress={onRetry}>
          {t.format('composer.retry')}
        </Button>
      </div>
    );
  }
  // Fields the API named are shown beside them; anything else here.
  const named = failure.details.some((detail) => /^(body|cc|attachments)/.test(detail.path));
  if (named) return null;
  return (
    <div className="alert" role="alert">
      <p>{failure.message}</p>
    </div>
  );
}
