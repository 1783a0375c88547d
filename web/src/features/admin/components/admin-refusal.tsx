import { LoadFailed } from '../../../components/load-failed';
import { useMessages } from '../../../lib/i18n/use-messages';
import { adminMessages } from '../messages';

/** Why an admin screen shows nothing: a dropped connection (Try again) or the API's 403. */
export function AdminRefusal({ reason }: { reason: 'network' | 'forbidden' }) {
  const t = useMessages(adminMessages);
  if (reason === 'network') return <LoadFailed message={t.format('failed')} retryLabel={t.format('retry')} />;
  return (
    <p className="alert" role="alert">
      {t.format('forbidden')}
    </p>
  );
}
