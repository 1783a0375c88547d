import { Link } from 'react-router';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { QueueSidebar as SidebarData, SidebarQueue } from '../api/load-queue-sidebar';
import { queueHref, queueIdentity, type QueueFilters } from '../queue-filters';
import { queuesMessages } from '../messages';

/** The queues the person works, as links; the one shown is marked current whatever its status or SLA filter. */
export function QueueSidebar({ sidebar, current }: { sidebar: SidebarData; current: QueueFilters }) {
  const t = useMessages(queuesMessages);
  const currentQueue = queueIdentity(current);
  return (
    <nav className="queue-sidebar" aria-label={t.format('sidebar.label')}>
      <ul>
        <li>
          <QueueLink queue={sidebar.myWork} name={t.format('sidebar.myWork')} current={currentQueue} />
        </li>
        {sidebar.desks.map((desk) => (
          <li key={desk.id}>
            <QueueLink queue={desk.queue} name={desk.queue.name ?? t.format('sidebar.desk', { id: desk.id })} current={currentQueue} />
            {desk.levels.length > 0 ? (
              <ul>
                {desk.levels.map((level) => (
                  <li key={level.id}>
                    <QueueLink queue={level} name={level.name ?? t.format('sidebar.level', { id: level.id })} current={currentQueue} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function QueueLink({ queue, name, current }: { queue: SidebarQueue; name: string; current: string }) {
  const t = useMessages(queuesMessages);
  return (
    <Link to={queueHref(queue.filters)} aria-current={queueIdentity(queue.filters) === current ? 'page' : undefined}>
      <span className="queue-name">{name}</span>
      {queue.count !== undefined ? (
        <span className="queue-count">
          <span aria-hidden="true">{queue.count}</span>
          <span className="visually-hidden">{t.format('sidebar.count', { count: queue.count })}</span>
        </span>
      ) : null}
    </Link>
  );
}
