import { useFetcher, useRevalidator } from 'react-router';
import { Button } from 'react-aria-components';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { BulkResult } from '../api/bulk-update';
import { queuesMessages } from '../messages';

/** The fetcher the toolbar submits with and the result panel reads. */
export const BULK_FETCHER = 'queue-bulk';

/** What came of the last bulk change: the tickets changed, and each one not changed with why. */
export function BulkResultPanel() {
  const t = useMessages(queuesMessages);
  const fetcher = useFetcher<BulkResult>({ key: BULK_FETCHER });
  const { revalidate } = useRevalidator();
  const result = fetcher.data;
  return (
    <div className="bulk-result" role="status">
      {fetcher.state !== 'idle' ? <p>{t.format('bulk.working')}</p> : null}
      {fetcher.state === 'idle' && result ? (
        <>
          {result.changed.length > 0 ? <p>{t.format('bulk.changed', { count: result.changed.length, keys: result.changed.join(', ') })}</p> : null}
          {result.failed.length > 0 ? (
            <div className="alert">
              <p>{t.format('bulk.failedHeading', { count: result.failed.length })}</p>
              <ul>
                {result.failed.map((failure) => (
                  <li key={failure.key}>
                    {failure.reason === 'stale'
                      ? t.format('bulk.stale', { key: failure.key })
                      : failure.reason === 'network'
                        ? t.format('bulk.network', { key: failure.key })
                        : t.format('bulk.refused', { key: failure.key, message: failure.message ?? '' })}
                  </li>
                ))}
              </ul>
              <Button className="button" onPress={() => void revalidate()}>
                {t.format('bulk.reload')}
              </Button>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
