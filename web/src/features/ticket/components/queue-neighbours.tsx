import { useEffect } from 'react';
import { Link, useFetcher, useNavigate } from 'react-router';
import { useMessages } from '../../../lib/i18n/use-messages';
import { useIdleAfterFirstPaint } from '../../../lib/loading/after-first-paint';
import { useShortcut } from '../../../lib/keyboard/use-shortcut';
import { ticketMessages } from '../messages';

/** All the view reads of the queue route's data: its page of tickets in the API's order. */
interface QueuePage {
  ok?: boolean;
  items?: readonly { key: string; subject?: string }[];
}

/**
 * The tickets before and after this one in the queue the view was opened from: that queue's own
 * route loads its first page (the API's order, not one made up here); `j` and `k` move along it.
 */
export function QueueNeighbours({ ticketKey, queue }: { ticketKey: string; queue: string }) {
  const t = useMessages(ticketMessages);
  const fetcher = useFetcher<QueuePage>();
  const navigate = useNavigate();
  const { load } = fetcher;
  // The ticket comes first: its queue is read once the browser is idle after showing it.
  const idle = useIdleAfterFirstPaint();

  useEffect(() => {
    if (idle) void load(queue);
  }, [idle, load, queue]);

  const items = fetcher.data?.ok ? (fetcher.data.items ?? []) : [];
  const index = items.findIndex((item) => item.key === ticketKey);
  const previous = index > 0 ? items[index - 1] : undefined;
  const next = index >= 0 && index < items.length - 1 ? items[index + 1] : undefined;
  const go = (key: string | undefined) => key && void navigate(`/console/tickets/${encodeURIComponent(key)}`, { state: { queue } });

  useShortcut('j', t.format('shortcut.next'), () => go(next?.key));
  useShortcut('k', t.format('shortcut.previous'), () => go(previous?.key));
  useShortcut('g q', t.format('shortcut.back'), () => void navigate(queue));

  if (!previous && !next) return null;
  return (
    <nav className="queue-neighbours" aria-label={t.format('neighbours.label')}>
      {previous ? (
        <Link to={`/console/tickets/${encodeURIComponent(previous.key)}`} state={{ queue }}>
          {t.format('neighbours.previous', { key: previous.key })}
        </Link>
      ) : null}
      {next ? (
        <Link to={`/console/tickets/${encodeURIComponent(next.key)}`} state={{ queue }}>
          {t.format('neighbours.next', { key: next.key })}
        </Link>
      ) : null}
    </nav>
  );
}
