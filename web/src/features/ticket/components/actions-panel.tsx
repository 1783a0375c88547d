import { useId, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Tag, TagGroup, TagList, Text, TextField } from 'react-aria-components';
import { SelectField } from '../../../components/select-field';
import { TICKET_STATUSES, useStatusName } from '../../../components/ticket-status-badge';
import { useMessages } from '../../../lib/i18n/use-messages';
import { useShortcut } from '../../../lib/keyboard/use-shortcut';
import type { CatalogNode, DeskTeam, Ticket } from '../api/ticket-api';
import { ticketMessages } from '../messages';
import { EscalateButton } from './escalate-button';
import { useTicketChange } from './use-ticket-change';

const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;

/** Every catalog item a ticket can be filed under (the leaves), with the categories above it. */
function catalogItems(nodes: readonly CatalogNode[], path: string[] = []): { id: string; name: string }[] {
  return nodes.flatMap((node) => (node.children.length ? catalogItems(node.children, [...path, node.name]) : [{ id: node.id, name: [...path, node.name].join(' › ') }]));
}

/**
 * First in the side column: take the ticket, assign it within its level, change its status,
 * priority and tags, recategorise it, escalate it. Each change is one PATCH against the version
 * the page loaded; the API decides who may do what.
 */
export function ActionsPanel({ ticket, team, catalog, announce }: { ticket: Ticket; team: DeskTeam | undefined; catalog: readonly CatalogNode[]; announce: (message: string) => void }) {
  const t = useMessages(ticketMessages);
  const headingId = useId();
  const done = () => announce(t.format('actions.saved'));
  const take = useTicketChange('take', ticket, done);
  useShortcut('a', t.format('shortcut.take'), () => take.send({}, { take: true }));

  return (
    <section className="panel actions-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.format('actions.heading')}</h2>
      <div className="action">
        <Button className="button button-primary" onPress={() => take.send({}, { take: true })} isDisabled={take.busy}>
          {t.format('actions.take')}
        </Button>
        {take.outcome}
      </div>
      <AssignField ticket={ticket} team={team} onDone={done} />
      <StatusField ticket={ticket} onDone={done} />
      <PriorityField ticket={ticket} onDone={done} />
      <TagsField ticket={ticket} onDone={done} />
      <CategoryField ticket={ticket} catalog={catalog} onDone={done} />
      <EscalateButton ticket={ticket} announce={announce} />
    </section>
  );
}

function AssignField({ ticket, team, onDone }: { ticket: Ticket; team: DeskTeam | undefined; onDone: () => void }) {
  const t = useMessages(ticketMessages);
  const change = useTicketChange('assignee', ticket, onDone);
  const members = team?.levels.find((level) => level.id === ticket.level)?.members ?? [];
  return (
    <div className="action">
      <ComboBox
        className="field combo-field"
        items={members.map((member) => ({ ...member, id: member.email }))}
        selectedKey={ticket.assignee ?? null}
        onSelectionChange={(key) => {
          if (key !== null && key !== ticket.assignee) change.send({ assignee: String(key) });
        }}
        isDisabled={change.busy || !team}
      >
        <Label>{t.format('actions.assign')}</Label>
        <div className="combo-row">
          <Input />
          <Button className="select-button combo-button" aria-label={t.format('actions.showAgents')}>
            <span aria-hidden="true">▾</span>
          </Button>
        </div>
        <Text slot="description" className="field-help">
          {team ? t.format('actions.assignHelp', { level: ticket.level }) : t.format('actions.teamFailed')}
        </Text>
        <Popover className="popover">
          <ListBox className="listbox">
            {(member: (typeof members)[number] & { id: string }) => (
              <ListBoxItem id={member.id} textValue={member.name} className="listbox-item">
                <span className="member-name">{member.name}</span>{' '}
                <span className="member-load">
                  {t.format(member.available ? 'team.available' : 'team.away')}, {t.format('team.open', { count: member.openTickets })}
                </span>
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      {change.outcome}
    </div>
  );
}

function StatusField({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const t = useMessages(ticketMessages);
  const statusName = useStatusName();
  const change = useTicketChange('status', ticket, onDone);
  return (
    <div className="action">
      <SelectField
        label={t.format('field.status')}
        value={ticket.status}
        options={TICKET_STATUSES.map((status) => ({ id: status, name: statusName(status) }))}
        onChange={(status) => status !== ticket.status && change.send({ status: status as Ticket['status'] })}
        isDisabled={change.busy}
      />
      {change.outcome}
    </div>
  );
}

function PriorityField({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const t = useMessages(ticketMessages);
  const change = useTicketChange('priority', ticket, onDone);
  return (
    <div className="action">
      <SelectField
        label={t.format('field.priority')}
        value={ticket.priority}
        options={PRIORITIES.map((priority) => ({ id: priority, name: priority }))}
        onChange={(priority) => priority !== ticket.priority && change.send({ priority: priority as Ticket['priority'] })}
        isDisabled={change.busy}
      />
      {change.outcome}
    </div>
  );
}

function TagsField({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const t = useMessages(ticketMessages);
  const [typed, setTyped] = useState('');
  const change = useTicketChange('tags', ticket, () => {
    setTyped('');
    onDone();
  });
  const labelId = useId();
  const add = () => {
    const tag = typed.trim();
    if (!tag || ticket.tags.includes(tag)) return;
    change.send({ tags: [...ticket.tags, tag] });
  };
  return (
    <div className="action field">
      <TagGroup aria-labelledby={labelId} className="tag-group" onRemove={(keys) => change.send({ tags: ticket.tags.filter((tag) => !keys.has(tag)) })}>
        <span id={labelId} className="field-label">
          {t.format('field.tags')}
        </span>
        <TagList className="tag-list" renderEmptyState={() => <span className="muted">{t.format('tags.none')}</span>}>
          {ticket.tags.map((tag) => (
            <Tag key={tag} id={tag} textValue={tag} className="tag">
              <span>{tag}</span>
              <Button slot="remove" className="tag-remove" aria-label={t.format('tags.remove', { tag })} isDisabled={change.busy}>
                <span aria-hidden="true">✕</span>
              </Button>
            </Tag>
          ))}
        </TagList>
      </TagGroup>
      <TextField className="cc-input" value={typed} onChange={setTyped} isDisabled={change.busy}>
        <Label>{t.format('tags.new')}</Label>
        <div className="cc-add-row">
          <Input
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <Button className="button" onPress={add} isDisabled={change.busy || !typed.trim()}>
            {t.format('tags.add')}
          </Button>
        </div>
      </TextField>
      {change.outcome}
    </div>
  );
}

function CategoryField({ ticket, catalog, onDone }: { ticket: Ticket; catalog: readonly CatalogNode[]; onDone: () => void }) {
  const t = useMessages(ticketMessages);
  const change = useTicketChange('catalogItem', ticket, onDone);
  const items = catalogItems(catalog);
  return (
    <div className="action">
      <ComboBox
        className="field combo-field"
        items={items}
        selectedKey={ticket.catalogItem ?? null}
        onSelectionChange={(key) => {
          if (key !== null && key !== ticket.catalogItem) change.send({ catalogItem: String(key) });
        }}
        isDisabled={change.busy || items.length === 0}
      >
        <Label>{t.format('actions.recategorise')}</Label>
        <div className="combo-row">
          <Input />
          <Button className="select-button combo-button" aria-label={t.format('actions.showItems')}>
            <span aria-hidden="true">▾</span>
          </Button>
        </div>
        <Text slot="description" className="field-help">
          {t.format('actions.recategoriseHelp')}
        </Text>
        <Popover className="popover">
          <ListBox className="listbox">
            {(item: { id: string; name: string }) => (
              <ListBoxItem id={item.id} className="listbox-item">
                {item.name}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      {change.outcome}
    </div>
  );
}
