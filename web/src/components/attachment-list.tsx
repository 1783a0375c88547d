import { useEffect, useId } from 'react';
import { useFetcher } from 'react-router';
import { Button } from 'react-aria-components';
import { useNumberFormatter } from 'react-aria';
import type { components } from '../lib/api/schema';
import { useMessages } from '../lib/i18n/use-messages';
import { componentMessages } from './messages';
import './attachment-list.css';

type Attachment = components['schemas']['Attachment'];

/**
 * What the page's route action answers to `{ intent: 'download', location }`: the file's
 * short-lived link from `GET /tickets/{key}/attachments` (asked for as JSON), or that it failed.
 */
export type DownloadResult = { intent: 'download'; ok: true; url: string } | { intent: 'download'; ok: false };

/**
 * Files of the opening mail or of a comment: stored ones download, refused ones say why they are
 * missing. The route that shows the list answers the download intent in its action.
 */
export function AttachmentList({ attachments }: { attachments: readonly Attachment[] }) {
  const t = useMessages(componentMessages);
  const headingId = useId();
  return (
    <div className="attachments">
      <h4 id={headingId} className="attachments-heading">
        {t.format('files.heading')}
      </h4>
      <ul aria-labelledby={headingId}>
        {attachments.map((file, index) => (
          <li key={`${file.location ?? file.name}-${index}`}>
            {file.location && !file.refused ? (
              <DownloadButton file={file} location={file.location} />
            ) : (
              <span className="muted">{t.format('files.notStored', { name: file.name, reason: file.refused ?? '' })}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Asks the API for the file's short-lived link (the route's action) and then opens it; the link
 * downloads the file under its name, so the page stays.
 */
function DownloadButton({ file, location }: { file: Attachment; location: string }) {
  const t = useMessages(componentMessages);
  const fetcher = useFetcher<DownloadResult>();
  const size = useNumberFormatter({ style: 'unit', unit: file.size >= 1_000_000 ? 'megabyte' : 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 });
  const result = fetcher.data?.intent === 'download' ? fetcher.data : undefined;

  useEffect(() => {
    if (fetcher.state === 'idle' && result?.ok) window.location.assign(result.url);
  }, [fetcher.state, result]);

  return (
    <>
      <Button className="button-link" isPending={fetcher.state !== 'idle'} onPress={() => void fetcher.submit({ intent: 'download', location }, { method: 'post' })}>
        {t.format('files.download', { name: file.name })}
      </Button>{' '}
      <span className="muted">({size.format(file.size >= 1_000_000 ? file.size / 1_000_000 : Math.max(file.size / 1000, 0.1))})</span>
      {result && !result.ok ? (
        <span className="field-error" role="alert">
          {' '}
          {t.format('files.downloadFailed')}
        </span>
      ) : null}
    </>
  );
}
