import { useId } from 'react';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { DeskTeam, TeamLevel } from '../api/get-team';
import { teamMessages } from '../messages';
import type { AgentTickets } from '../team-results';
import { AgentCard } from './agent-card';
import type { Assign } from './use-assign';

/** One level of the desk: its name, how it assigns, and its agents as cards. */
export function LevelSection({ desk, level, team, agentTickets, assign }: { desk: string; level: TeamLevel; team: DeskTeam; agentTickets: Record<string, AgentTickets>; assign: Assign }) {
  const t = useMessages(teamMessages);
  const headingId = useId();
  return (
    <section className="team-level" aria-labelledby={headingId}>
      <h2 id={headingId}>{level.name}</h2>
      <p className="muted">{t.format(`level.assignment.${level.assignment}`)}</p>
      {level.members.length === 0 ? (
        <p className="muted">{t.format('level.empty')}</p>
      ) : (
        <ul className="agent-cards">
          {level.members.map((member) => (
            <li key={member.email}>
              <AgentCard desk={desk} member={member} team={team} tickets={agentTickets[member.email]} assign={assign} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
