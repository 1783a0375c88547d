import { Link } from 'react-router';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { DeskCounts } from '../api/list-my-desks';
import { teamMessages } from '../messages';
import { teamHref } from '../team-links';

/** The desks the person works (`GET /me/queues`), each a link to its team view; the one shown is current. */
export function DeskLinks({ desks, current }: { desks: readonly DeskCounts[]; current?: string }) {
  const t = useMessages(teamMessages);
  if (desks.length === 0) return null;
  return (
    <nav className="team-desks" aria-label={t.format('desks.label')}>
      <ul>
        {desks.map((desk) => (
          <li key={desk.id}>
            <Link to={teamHref(desk.id)} aria-current={desk.id === current ? 'page' : undefined}>
              <span>{desk.name}</span>
              <span className="team-desk-count">{t.format('desks.unassigned', { count: desk.unassigned })}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
