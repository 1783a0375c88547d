import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Disclosure, DisclosurePanel, DropZone, Heading } from 'react-aria-components';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { DeskTeam, TeamMember } from '../api/get-team';
import { droppedTickets, TICKET_DRAG_TYPE } from '../drag-ticket';
import { teamMessages } from '../messages';
import type { AgentTickets } from '../team-results';
import { agentWorkHref, OPEN_AGENT_PARAM } from '../team-links';
import { AvailabilitySwitch } from './availability-switch';
import { TicketGrid } from './ticket-grid';
import type { Assign } from './use-assign';

/**
 * One agent: counts, availability, a link to their work, and their open tickets on demand (the URL's
 * `open`, so the loader reads them). The whole card is a drop target: a ticket dropped on it is
 * assigned to the agent.
 */
export function AgentCard({ desk, member, team, tickets, assign }: { desk: string; member: TeamMember; team: DeskTeam; tickets: AgentTickets | undefined; assign: Assign }) {
  const t = useMessages(teamMessages);
  const nameId = useId();
  const [search, setSearch] = useSearchParams();
  const expanded = search.getAll(OPEN_AGENT_PARAM).includes(member.email);

  const setExpanded = (open: boolean) => {
    const next = new URLSearchParams(search);
    const others = next.getAll(OPEN_AGENT_PARAM).filter((email) => email !== member.email);
    next.delete(OPEN_AGENT_PARAM);
    for (const email of open ? [...others, member.email] : others) next.append(OPEN_AGENT_PARAM, email);
    setSearch(next, { replace: true, preventScrollReset: true });
  };

  return (
    <DropZone
      className="agent-card"
      aria-label={t.format('agent.dropLabel', { name: member.name })}
      getDropOperation={(types) => (types.has(TICKET_DRAG_TYPE) ? 'move' : 'cancel')}
      onDrop={async (event) => {
        for (const ticket of await droppedTickets(event.items)) assign.assign(ticket, member);
      }}
    >
      <h3 id={nameId} className="agent-name">
        {member.name}
      </h3>
      <p className="agent-email muted">{member.email}</p>
      <dl className="agent-counts">
        <div>
          <dt>{t.format('agent.open')}</dt>
          <dd>{member.openTickets}</dd>
        </div>
        <div data-warn={member.atRisk > 0 || undefined}>
          <dt>{t.format('agent.atRisk')}</dt>
          <dd>{member.atRisk}</dd>
        </div>
        <div data-danger={member.breached > 0 || undefined}>
          <dt>{t.format('agent.breached')}</dt>
          <dd>{member.breached}</dd>
        </div>
      </dl>
      <AvailabilitySwitch member={member} />
      <p className="agent-work">
        <Link to={agentWorkHref(desk, member.email)}>{t.format('agent.work', { name: member.name })}</Link>
      </p>
      <Disclosure className="agent-disclosure" isExpanded={expanded} onExpandedChange={setExpanded}>
        <Heading level={4} className="agent-disclosure-heading">
          <Button slot="trigger" className="button-link disclosure-trigger">
            <span aria-hidden="true" className="disclosure-mark">
              {expanded ? '▾' : '▸'}
            </span>{' '}
            {t.format('agent.tickets', { name: member.name })}
          </Button>
        </Heading>
        <DisclosurePanel className="agent-disclosure-panel">
          {!expanded ? null : !tickets ? (
            <p className="muted">{t.format('list.loadingMore')}</p>
          ) : !tickets.ok ? (
            <p className="alert" role="alert">
              {t.format('agent.ticketsFailed')}
            </p>
          ) : tickets.items.length === 0 ? (
            <p className="muted">{t.format('agent.ticketsEmpty')}</p>
          ) : (
            <TicketGrid tickets={tickets.items} team={team} assign={assign} label={t.format('agent.tickets', { name: member.name })} move />
          )}
        </DisclosurePanel>
      </Disclosure>
    </DropZone>
  );
}
