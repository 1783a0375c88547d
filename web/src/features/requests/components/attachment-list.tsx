import { useEffect, useId } from 'react';
import { useFetcher } from 'react-router';
import { Button } from 'react-aria-components';
import { useNumberFormatter } from 'react-aria';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { Attachment } from '../api/requests-api';
import { requestsMessages } from '../messages';
import type { RequestViewResult } from '../routes/request-view';

/** Files of the opening mail or of a comment: stored ones download, refused ones say why they are missing. */
export function AttachmentList({ attachments }: { attachments: readonly Attachment[] }) {
  const t = useMessages(requestsMessages);
  const headingId = useId();
  return (
    <div className="attachments">
      <h4 id={headingId} className="attachments-heading">
        {t.format('view.attachments')}
      </h4>
      <ul aria-labelledby={headingId}>
        {attachments.map((file, index) => (
          <li key={`${file.location ?? file.name}-${index}`}>
            {file.location && !file.refused ? (
              <DownloadButton file={file} location={file.location} />
            ) : (
              <span className="muted">{t.format('view.notStored', { name: file.name, reason: file.refused ?? '' })}</span>
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
  const t = useMessages(requestsMessages);
  const fetcher = useFetcher<RequestViewResult>();
  const size = useNumberFormatter({ style: 'unit', unit: file.size >= 1_000_000 ? 'megabyte' : 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 });
  const result = fetcher.data?.intent === 'download' ? fetcher.data : undefined;

  useEffect(() => {
    if (fetcher.state === 'idle' && result?.ok) window.location.assign(result.url);
  }, [fetcher.state, result]);

  return (
    <>
      <Button
        className="button-link"
        isPending={fetcher.state !== 'idle'}
        onPress={() => void fetcher.submit({ intent: 'download', location }, { method: 'post' })}
      >
        {t.format('view.download', { name: file.name })}
      </Button>{' '}
      <span className="muted">({size.format(file.size >= 1_000_000 ? file.size / 1_000_000 : Math.max(file.size / 1000, 0.1))})</span>
      {result && !result.ok ? (
        <span className="field-error" role="alert">
          {' '}
          {t.format('view.downloadFailed')}
        </span>
      ) : null}
    </>
  );
}
