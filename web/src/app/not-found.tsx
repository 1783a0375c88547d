import { Link } from 'react-router';
import { ErrorPanel } from '../components/error-panel';
import { useMessages } from '../lib/i18n/use-messages';
import { shellMessages } from './messages';

/** An address the app has no screen for. */
export function Component() {
  const t = useMessages(shellMessages);
  return (
    <ErrorPanel title={t.format('notFoundTitle')}>
      <p>{t.format('notFoundText')}</p>
      <p>
        <Link to="/">{t.format('backHome')}</Link>
      </p>
    </ErrorPanel>
  );
}
