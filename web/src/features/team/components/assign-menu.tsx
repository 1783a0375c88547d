import { Button, Header, Menu, MenuItem, MenuSection, MenuTrigger, Popover } from 'react-aria-components';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { DeskTeam } from '../api/get-team';
import type { DraggedTicket } from '../drag-ticket';
import { teamMessages } from '../messages';
import type { Assign } from './use-assign';

/**
 * The keyboard way to assign, beside drag and drop: a menu of the desk's agents by level, each with
 * whether they are available; choosing one makes the same call as a drop on their card.
 */
export function AssignMenu({ ticket, team, assign, label }: { ticket: DraggedTicket; team: DeskTeam; assign: Assign; label: string }) {
  const t = useMessages(teamMessages);
  const members = team.levels.flatMap((level) => level.members);
  return (
    <MenuTrigger>
      <Button className="button button-small assign-button" isDisabled={assign.pendingKey === ticket.key}>
        {label}
      </Button>
      <Popover className="popover assign-popover" placement="bottom end">
        <Menu
          className="menu"
          aria-label={label}
          // An agent may work several levels: an item's id is its level and email.
          disabledKeys={team.levels.filter((level) => level.members.some((member) => member.email === ticket.assignee)).map((level) => `${level.id}|${ticket.assignee}`)}
          onAction={(id) => {
            const email = String(id).slice(String(id).indexOf('|') + 1);
            const member = members.find((candidate) => candidate.email === email);
            if (member) assign.assign(ticket, member);
          }}
        >
          {team.levels.map((level) => (
            <MenuSection key={level.id} id={level.id} className="menu-section">
              <Header className="menu-header">{level.name}</Header>
              {level.members.map((member) => {
                const text = t.format('ticket.assigneeOption', { name: member.name, availability: t.format(member.available ? 'ticket.availableShort' : 'ticket.unavailableShort') });
                return (
                  <MenuItem key={member.email} id={`${level.id}|${member.email}`} className="menu-item" textValue={text}>
                    {text}
                  </MenuItem>
                );
              })}
            </MenuSection>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
