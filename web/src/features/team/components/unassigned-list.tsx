import { useCallback, useId, useState } from 'react';
import { BusyButton } from '../../../components/busy-button';
import { LiveStatus } from '../../../components/live-status';
import { useMessages } from '../../../lib/i18n/use-messages';
import { useMorePages, type ListPage } from '../../../lib/paging/use-more-pages';
import type { DeskTeam } from '../api/get-team';
import type { Ticket } from '../api/list-desk-tickets';
import { teamMessages } from '../messages';
import { teamHref } from '../team-links';
import { TicketGrid } from './ticket-grid';
import type { Assign } from './use-assign';

/** The desk's unassigned active tickets, a page at a time (Show more), to drag onto agents. */
export function UnassignedList({ desk, team, first, assign }: { desk: string; team: DeskTeam; first: ListPage<Ticket>; assign: Assign }) {
  const t = useMessages(teamMessages);
  const headingId = useId();
  const stale = assign.result && !assign.result.ok && assign.result.reason === 'stale' ? assign.result : undefined;
  return (
    <section className="team-unassigned" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t.format('unassigned.heading')} <span className="team-count">({team.unassigned})</span>
      </h2>
      {stale ? (
        <p className="alert" role="alert">
          {t.format('assign.stale', { key: stale.key })}
        </p>
      ) : null}
      {first.ok ? (
        <UnassignedPages desk={desk} team={team} first={first} assign={assign} />
      ) : (
        <p className="alert" role="alert">
          {t.format('unassigned.failed')}
        </p>
      )}
    </section>
  );
}

function UnassignedPages({ desk, team, first, assign }: { desk: string; team: DeskTeam; first: { items: Ticket[]; nextCursor?: string | undefined }; assign: Assign }) {
  const t = useMessages(teamMessages);
  const [announcement, setAnnouncement] = useState('');
  const onAdded = useCallback((count: number) => setAnnouncement(t.format('list.moreShown', { count })), [t]);
  const more = useMorePages(first, onAdded);
  const cursor = more.nextCursor;
  if (more.items.length === 0) return <p className="muted">{t.format('unassigned.empty')}</p>;
  return (
    <>
      <p className="field-help">{t.format('unassigned.help')}</p>
      <TicketGrid tickets={more.items} team={team} assign={assign} label={t.format('unassigned.heading')} />
      {more.failed ? (
        <p className="alert" role="alert">
          {t.format('list.moreFailed')}
        </p>
      ) : null}
      {cursor ? (
        <BusyButton className="button team-show-more" isBusy={more.loading} onPress={() => more.load(`${teamHref(desk)}?${new URLSearchParams({ cursor }).toString()}`)}>
          {more.loading ? t.format('list.loadingMore') : t.format('list.showMore')}
        </BusyButton>
      ) : null}
      <LiveStatus message={announcement} />
    </>
  );
}
