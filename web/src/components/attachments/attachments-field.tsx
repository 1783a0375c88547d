import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useLocale } from 'react-aria';
import { Button, DropZone, FileTrigger, Text } from 'react-aria-components';
import { isApiError } from '../../lib/api/api-error';
import { useMessages } from '../../lib/i18n/use-messages';
import { requestUpload, type UploadedFile } from '../../lib/uploads/request-upload';
import { SendFileContext, UploadFailed } from '../../lib/uploads/upload-transport';
import { attachmentMessages } from './messages';
import './attachments-field.css';

export type Attachment =
  | { id: string; name: string; size: number; status: 'uploading'; progress: number; file: File }
  | { id: string; name: string; size: number; status: 'failed'; problem: 'failed' | 'tooLarge' | 'refused'; maxBytes?: number; file: File }
  | { id: string; name: string; size: number; status: 'done'; uploadId: string; file?: File };

let nextId = 0;
const localId = () => `file-${++nextId}`;

/**
 * The files of a draft: each one chosen is uploaded at once (`POST /uploads`, then its presigned
 * POST), so only the upload ids need to survive a sign-in redirect.
 */
export function useAttachments(initial: readonly UploadedFile[]) {
  const sendFile = useContext(SendFileContext);
  const [items, setItems] = useState<Attachment[]>(() => initial.map((file) => ({ id: localId(), name: file.name, size: file.size, status: 'done' as const, uploadId: file.uploadId })));
  const controllers = useRef(new Map<string, AbortController>());
  // The last file that finished or failed, for screen readers (progress itself is not announced).
  const [lastEvent, setLastEvent] = useState<{ name: string; done: boolean; seq: number }>();

  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((controller) => controller.abort());
  }, []);

  const update = (id: string, next: Attachment) => setItems((current) => current.map((item) => (item.id === id ? next : item)));

  const upload = useCallback(
    async (id: string, file: File) => {
      const base = { id, name: file.name, size: file.size, file };
      update(id, { ...base, status: 'uploading', progress: 0 });
      const controller = new AbortController();
      controllers.current.set(id, controller);
      try {
        const grant = await requestUpload({ fileName: file.name, contentType: file.type || 'application/octet-stream', size: file.size });
        if (file.size > grant.maxBytes) {
          update(id, { ...base, status: 'failed', problem: 'tooLarge', maxBytes: grant.maxBytes });
          return;
        }
        await sendFile(grant, file, (progress) => update(id, { ...base, status: 'uploading', progress }), controller.signal);
        update(id, { ...base, status: 'done', uploadId: grant.uploadId });
        setLastEvent((last) => ({ name: file.name, done: true, seq: (last?.seq ?? 0) + 1 }));
      } catch (error) {
        if (controller.signal.aborted) return;
        const problem = isApiError(error, 413) ? 'tooLarge' : isApiError(error, 400) || (error instanceof UploadFailed && error.reason === 'refused') ? 'refused' : 'failed';
        update(id, { ...base, status: 'failed', problem });
        setLastEvent((last) => ({ name: file.name, done: false, seq: (last?.seq ?? 0) + 1 }));
      } finally {
        controllers.current.delete(id);
      }
    },
    [sendFile],
  );

  const add = useCallback(
    (files: readonly File[]) => {
      const added = files.map((file) => ({ id: localId(), name: file.name, size: file.size, status: 'uploading' as const, progress: 0, file }));
      setItems((current) => [...current, ...added]);
      for (const item of added) void upload(item.id, item.file);
    },
    [upload],
  );

  const retry = (item: Attachment) => {
    if (item.file) void upload(item.id, item.file);
  };

  const remove = (id: string) => {
    controllers.current.get(id)?.abort();
    setItems((current) => current.filter((item) => item.id !== id));
  };

  /** After the files went out with a reply: start again with none. */
  const clear = useCallback(() => {
    controllers.current.forEach((controller) => controller.abort());
    setItems([]);
  }, []);

  return { items, add, retry, remove, clear, lastEvent };
}

function useByteFormat() {
  const { locale } = useLocale();
  return (bytes: number) => {
    const [unit, value] = bytes >= 1_000_000 ? (['megabyte', bytes / 1_000_000] as const) : bytes >= 1000 ? (['kilobyte', bytes / 1000] as const) : (['byte', bytes] as const);
    return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
  };
}

/** Choose files (a button, so the keyboard works) or drop them; each with its progress or problem and a remove button. */
export function AttachmentsField({ attachments, label, help, error }: { attachments: ReturnType<typeof useAttachments>; label?: string; help?: string; error?: string | undefined }) {
  const t = useMessages(attachmentMessages);
  const bytes = useByteFormat();
  const { items, add, retry, remove, lastEvent } = attachments;

  return (
    <fieldset className="field attachments" data-field-key="attachments">
      <legend className="field-label">{label ?? t.format('attachments')}</legend>
      <DropZone
        className="drop-zone"
        aria-label={t.format('dropFiles')}
        onDrop={async (event) => {
          const files = await Promise.all(event.items.filter((item) => item.kind === 'file').map((item) => (item as { getFile(): Promise<File> }).getFile()));
          add(files);
        }}
      >
        <Text slot="label" className="field-help">
          {help ?? t.format('attachmentsHelp')}
        </Text>
        <FileTrigger allowsMultiple onSelect={(files) => files && add(Array.from(files))}>
          <Button className="button">{t.format('attachFiles')}</Button>
        </FileTrigger>
      </DropZone>
      {items.length > 0 && (
        <ul className="file-list" aria-label={t.format('fileList')}>
          {items.map((item) => (
            <li key={item.id} className={`file file-${item.status}`}>
              <span className="file-name">{item.name}</span>
              <span className="file-size">{bytes(item.size)}</span>
              {item.status === 'uploading' && (
                <progress className="file-progress" max={1} value={item.progress} aria-label={`${item.name}: ${t.format('uploading', { percent: Math.round(item.progress * 100) })}`} />
              )}
              <span className="file-status">
                {item.status === 'uploading'
                  ? t.format('uploading', { percent: Math.round(item.progress * 100) })
                  : item.status === 'done'
                    ? t.format('uploaded')
                    : item.problem === 'tooLarge'
                      ? t.format('uploadTooLarge', { max: bytes(item.maxBytes ?? 0) })
                      : item.problem === 'refused'
                        ? t.format('uploadRefused')
                        : t.format('uploadFailed')}
              </span>
              <span className="file-actions">
                {item.status === 'failed' && item.problem === 'failed' && (
                  <Button className="button button-small" onPress={() => retry(item)} aria-label={t.format('retryUpload', { name: item.name })}>
                    {t.format('tryAgain')}
                  </Button>
                )}
                <Button className="button button-small" onPress={() => remove(item.id)} aria-label={t.format('removeFile', { name: item.name })}>
                  <span aria-hidden="true">✕</span>
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <p role="status" className="visually-hidden">
        {lastEvent ? t.format('fieldProblem', { label: lastEvent.name, message: lastEvent.done ? t.format('uploaded') : t.format('uploadFailed') }) : ''}
      </p>
    </fieldset>
  );
}
