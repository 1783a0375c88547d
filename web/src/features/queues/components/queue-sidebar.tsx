import { Link } from 'react-router';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { QueueSidebar as SidebarData, SidebarQueue } from '../api/load-queue-sidebar';
import { queueHref, queueIdentity, type QueueFilters } from '../queue-filters';
import { queuesMessages } from '../messages';

/**
 * The queues the person works, as links with the API's exact counts: their own work, and per desk
 * its unassigned, at-risk and breached tickets and each level. The one shown is marked current.
 */
export function QueueSidebar({ sidebar, current }: { sidebar: SidebarData; current: QueueFilters }) {
  const t = useMessages(queuesMessages);
  const shown = queueIdentity(current);
  return (
    <nav className="queue-sidebar" aria-label={t.format('sidebar.label')}>
      <ul>
        <li>
          <QueueLink queue={sidebar.myWork} name={t.format('sidebar.myWork')} current={shown} />
          {sidebar.myAtRisk && sidebar.myBreached ? (
            <ul>
              <li>
                <QueueLink queue={sidebar.myAtRisk} name={t.format('sidebar.atRisk')} current={shown} kind="at_risk" />
              </li>
              <li>
                <QueueLink queue={sidebar.myBreached} name={t.format('sidebar.breached')} current={shown} kind="breached" />
              </li>
            </ul>
          ) : null}
        </li>
        {sidebar.desks.map((desk) => (
          <li key={desk.id} className="queue-sidebar-desk">
            <QueueLink queue={desk.queue} name={desk.name} current={shown} />
            <ul>
              <li>
                <QueueLink queue={desk.unassigned} name={t.format('sidebar.unassigned')} current={shown} />
              </li>
              <li>
                <QueueLink queue={desk.atRisk} name={t.format('sidebar.atRisk')} current={shown} kind="at_risk" />
              </li>
              <li>
                <QueueLink queue={desk.breached} name={t.format('sidebar.breached')} current={shown} kind="breached" />
              </li>
              {desk.levels.map((level) => (
                <li key={level.id}>
                  <QueueLink queue={level.queue} name={level.name} current={shown} />
                  <ul>
                    <li>
                      <QueueLink queue={level.unassigned} name={t.format('sidebar.unassigned')} current={shown} />
                    </li>
                  </ul>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A queue's link; its accessible name says the count in words ("Level 1, 3 tickets"), the eye reads the number. */
function QueueLink({ queue, name, current, kind }: { queue: SidebarQueue; name: string; current: string; kind?: 'at_risk' | 'breached' }) {
  const t = useMessages(queuesMessages);
  const label = queue.count === undefined ? name : t.format('sidebar.linkName', { name, count: queue.count });
  return (
    <Link to={queueHref(queue.filters)} aria-label={label} aria-current={queueIdentity(queue.filters) === current ? 'page' : undefined}>
      <span className="queue-name">{name}</span>
      {queue.count !== undefined ? (
        <span className="queue-count" data-kind={kind} data-zero={queue.count === 0 || undefined} aria-hidden="true">
          {queue.count}
        </span>
      ) : null}
    </Link>
  );
}
