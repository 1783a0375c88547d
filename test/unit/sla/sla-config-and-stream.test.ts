import type { DynamoDBRecord } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import rawConfig from '../../../servicedesk.config.ts';
import { ticketChangesHandler } from '../../../functions/stream/ticket-changes.ts';
import { ticketItem } from '../../../shared/adapters/dynamodb/ticket-items.ts';
import { ConfigError } from '../../../shared/config/config-error.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';
import type { SlaTimer } from '../../../shared/domain/sla-timer.ts';
import type { Ticket } from '../../../shared/domain/ticket.ts';
import type { TimerScheduler } from '../../../shared/ports/timer-scheduler.ts';
import { aTicket } from '../../support/ticket-fixture.ts';

function problemsOf(input: unknown): string[] {
  try {
    parseConfig(input);
  } catch (error) {
    return (error as ConfigError).problems;
  }
  throw new Error('expected the configuration to be refused');
}

describe('SLA configuration', () => {
  it('names an unknown calendar and a duration it cannot read', () => {
    const config = structuredClone(rawConfig);
    const [, office, quick] = config.slaPolicies!;
    office!.calendar = 'nights';
    quick!.targets.firstResponse = 'soon';
    expect(problemsOf(config)).toEqual(['slaPolicies[2].targets.firstResponse: "soon" is not a duration; write e.g. 30m, 4h, 2h30m or PT8H']);
    delete quick!.targets.firstResponse;
    expect(problemsOf(config)).toEqual(['slaPolicies[1].calendar: unknown calendar "nights"; define it under calendars (office, always)']);
  });
});

describe('the ticket stream handler', () => {
  const config = parseConfig(rawConfig);
  const queued: string[] = [];
  const deps = (scheduler: TimerScheduler) => ({
    config,
    store: { getTicket: async () => undefined },
    scheduler,
    notifications: { enqueue: async (items: readonly { id: string }[]) => void queued.push(...items.map((item) => item.id)) },
  });
  const withSla = (ticket: Ticket, version: number, due: Record<string, string>): Ticket => ({
    ...ticket,
    sla: {
      policy: 'p',
      version,
      clocks: [
        { metric: 'first_response', state: 'running', targetMinutes: 60, startedAt: ticket.createdAt, asOf: ticket.createdAt, consumedMinutes: 0, pausedMinutes: 0, running: true, due, firedThresholds: [] },
      ],
    },
  });
  const record = (sequence: string, before?: Ticket, after?: Ticket): DynamoDBRecord => ({
    eventName: before ? 'MODIFY' : 'INSERT',
    dynamodb: {
      SequenceNumber: sequence,
      ...(before ? { OldImage: marshall(ticketItem(before), { removeUndefinedValues: true }) as never } : {}),
      ...(after ? { NewImage: marshall(ticketItem(after), { removeUndefinedValues: true }) as never } : {}),
    },
  });
  const recording = () => {
    const calls: string[] = [];
    const scheduler: TimerScheduler = {
      schedule: async (timer: SlaTimer) => (calls.push(`schedule ${timer.metric} ${timer.threshold} v${timer.slaVersion}`), 'created'),
      cancel: async (name: string) => (calls.push(`cancel ${name}`), 'deleted'),
    };
    return { calls, scheduler };
  };

  it('creates the timers a new ticket needs and replaces them when its SLA version moves', async () => {
    const { calls, scheduler } = recording();
    const first = withSla(aTicket(), 1, { '75': '2026-11-02T09:45:00.000Z', '100': '2026-11-02T10:00:00.000Z' });
    const paused = withSla(aTicket({ status: 'pending' }), 2, {});
    const response = await ticketChangesHandler(() => deps(scheduler))({ Records: [record('1', undefined, first), record('2', first, paused)] });
    expect(response.batchItemFailures).toEqual([]);
    expect(calls).toEqual(['schedule first_response 75 v1', 'schedule first_response 100 v1', 'cancel sla.SD-1.fr.75.v1', 'cancel sla.SD-1.fr.100.v1']);
    expect(queued).toEqual(['SD-1.acknowledgement.v1', 'SD-1.status_changed.v1']);
  });

  it('ignores items that are not tickets', async () => {
    const { calls, scheduler } = recording();
    const comment: DynamoDBRecord = { eventName: 'INSERT', dynamodb: { SequenceNumber: '9', NewImage: marshall({ PK: 'TICKET#SD-1', SK: 'COMMENT#1', entity: 'comment' }) as never } };
    expect((await ticketChangesHandler(() => deps(scheduler))({ Records: [comment] })).batchItemFailures).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('reports the first failing record and leaves the later ones for the retry, in order', async () => {
    const failing: TimerScheduler = { schedule: async () => Promise.reject(new Error('throttled')), cancel: async () => 'absent' };
    const ticket = withSla(aTicket(), 1, { '100': '2026-11-02T10:00:00.000Z' });
    const response = await ticketChangesHandler(() => deps(failing))({ Records: [record('5', undefined, ticket), record('6', undefined, ticket)] });
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '5' }]);
  });
});
