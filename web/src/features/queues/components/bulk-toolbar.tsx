import { useState } from 'react';
import { useFetcher } from 'react-router';
import { Button, Input, Label, Text, TextField, Toolbar } from 'react-aria-components';
import { SelectField, type SelectOption } from '../../../components/select-field';
import { TICKET_STATUSES, useStatusName } from '../../../components/ticket-status-badge';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { BulkChange, BulkResult, BulkTarget } from '../api/bulk-update';
import type { AgentChoice } from '../api/load-filter-choices';
import { PRIORITIES } from '../queue-filters';
import { queuesMessages } from '../messages';
import { BULK_FETCHER } from './bulk-result-panel';

/** What the route's action takes: the change and the selected tickets as the page showed them. */
export interface BulkRequest {
  change: BulkChange;
  targets: BulkTarget[];
}

/**
 * The actions for the selected rows: assign, set status, set priority, add tags. Each applies to
 * every selected ticket (the route's action sends one PATCH per ticket); the selection is cleared
 * once it is sent.
 */
export function BulkToolbar({ targets, agents, onSent }: { targets: BulkTarget[]; agents: readonly AgentChoice[]; onSent: () => void }) {
  const t = useMessages(queuesMessages);
  const statusName = useStatusName();
  const fetcher = useFetcher<BulkResult>({ key: BULK_FETCHER });
  const [assignee, setAssignee] = useState('me');
  const [status, setStatus] = useState<string>('open');
  const [priority, setPriority] = useState<string>('P1');
  const [tags, setTags] = useState('');
  const busy = fetcher.state !== 'idle';

  const send = (change: BulkChange) => {
    const request: BulkRequest = { change, targets };
    void fetcher.submit(request as never, { method: 'post', encType: 'application/json' });
    onSent();
  };

  const assignees: SelectOption[] = [{ id: 'me', name: t.format('bulk.me') }, ...agents.map((agent) => ({ id: agent.email, name: agent.name }))];
  const statuses: SelectOption[] = TICKET_STATUSES.filter((id) => id !== 'pending_approval').map((id) => ({ id, name: statusName(id) }));
  const priorities: SelectOption[] = PRIORITIES.map((id) => ({ id, name: id }));
  const newTags = tags
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

  return (
    <section className="bulk-toolbar" aria-label={t.format('bulk.label', { count: targets.length })}>
      <p className="bulk-selected">{t.format('bulk.selected', { count: targets.length })}</p>
      <Toolbar className="bulk-actions" aria-label={t.format('bulk.label', { count: targets.length })}>
        <div className="bulk-action">
          <SelectField label={t.format('bulk.assignee')} value={assignee} options={assignees} onChange={setAssignee} />
          <Button className="button" isDisabled={busy} onPress={() => send({ kind: 'assign', assignee })}>
            {t.format('bulk.assign')}
          </Button>
        </div>
        <div className="bulk-action">
          <SelectField label={t.format('bulk.status')} value={status} options={statuses} onChange={setStatus} />
          <Button className="button" isDisabled={busy} onPress={() => send({ kind: 'status', status: status as Extract<BulkChange, { kind: 'status' }>['status'] })}>
            {t.format('bulk.setStatus')}
          </Button>
        </div>
        <div className="bulk-action">
          <SelectField label={t.format('bulk.priority')} value={priority} options={priorities} onChange={setPriority} />
          <Button className="button" isDisabled={busy} onPress={() => send({ kind: 'priority', priority: priority as Extract<BulkChange, { kind: 'priority' }>['priority'] })}>
            {t.format('bulk.setPriority')}
          </Button>
        </div>
        <div className="bulk-action">
          <TextField className="field" value={tags} onChange={setTags}>
            <Label>{t.format('bulk.tags')}</Label>
            <Input className="input" />
            <Text slot="description" className="field-help">
              {t.format('bulk.tagsHelp')}
            </Text>
          </TextField>
          <Button className="button" isDisabled={busy || newTags.length === 0} onPress={() => send({ kind: 'tags', tags: newTags })}>
            {t.format('bulk.addTags')}
          </Button>
        </div>
      </Toolbar>
      <Button className="button bulk-clear" onPress={onSent}>
        {t.format('bulk.clear')}
      </Button>
    </section>
  );
}
