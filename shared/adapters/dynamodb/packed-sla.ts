import { isDeepStrictEqual } from 'node:util';
import { displayState, type SlaClock, type SlaDisplayState, type TicketSla } from '../../domain/sla.ts';
import type { SlaMetric } from '../../domain/sla-timer.ts';

/**
 * A ticket's SLA as one string in its table item, in place of the map of clocks the domain uses:
 * the clocks' attribute names and ISO timestamps were most of the ticket item's size, and every
 * index projects the whole item, so each write paid for them in the table and in every index.
 *
 *   <policy>|<version>|<clock>|<clock>...
 *   clock: metric;state;targetMinutes;startedAt;asOf;consumedMinutes;pausedMinutes;running;deadline;due;firedThresholds;metAt;breachedAt
 *
 * `startedAt` is milliseconds after the ticket's `createdAt`, the clock's other times milliseconds
 * after `startedAt`, both in base 36.
 * `consumedMinutes` and `pausedMinutes` are milliseconds in base 36 (see `minutes`).
 * `state` is empty when it is what `displayState` derives; `due` is `percent=time,...`. Policy ids
 * and metrics have no `|`, `;`, `,` or `=`. A clock the format cannot hold exactly (a timestamp
 * not in `toISOString` form, a field it does not know) leaves the whole SLA a map, as before.
 */

const CLOCK_SEPARATOR = '|';
const FIELD_SEPARATOR = ';';

const MS_PER_MINUTE = 60_000;

// Minutes are business time summed from millisecond spans: whole milliseconds in base 36, or the
// decimal after `#` when the value is not a whole number of milliseconds.
const minutes = (value: number): string => {
  const ms = Math.round(value * MS_PER_MINUTE);
  return ms / MS_PER_MINUTE === value ? ms.toString(36) : `#${value}`;
};
const minutesOf = (value: string): number => (value.startsWith('#') ? Number(value.slice(1)) : parseInt(value, 36) / MS_PER_MINUTE);

const time = (base: number, value: string | undefined): string => (value === undefined ? '' : (Date.parse(value) - base).toString(36));
const timeAt = (base: number, value: string): string | undefined => (value === '' ? undefined : new Date(base + parseInt(value, 36)).toISOString());

function packClock(clock: SlaClock, createdAt: number): string {
  const base = Date.parse(clock.startedAt);
  const derived = displayState(clock);
  return [
    clock.metric,
    clock.state === derived ? '' : clock.state,
    String(clock.targetMinutes),
    time(createdAt, clock.startedAt),
    time(base, clock.asOf),
    minutes(clock.consumedMinutes),
    minutes(clock.pausedMinutes),
    clock.running ? '1' : '0',
    time(base, clock.deadline),
    Object.entries(clock.due)
      .map(([percent, at]) => `${percent}=${time(base, at)}`)
      .join(','),
    clock.firedThresholds.join(','),
    time(base, clock.metAt),
    time(base, clock.breachedAt),
  ].join(FIELD_SEPARATOR);
}

function unpackClock(packed: string, createdAt: number): SlaClock {
  const [metric, state, target, started, asOf, consumed, paused, running, deadline, due, fired, metAt, breachedAt] = packed.split(FIELD_SEPARATOR) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const startedAt = timeAt(createdAt, started)!;
  const base = Date.parse(startedAt);
  const deadlineAt = timeAt(base, deadline);
  const met = timeAt(base, metAt);
  const breached = timeAt(base, breachedAt);
  const clock: Omit<SlaClock, 'state' | 'metric'> = {
    targetMinutes: Number(target),
    startedAt,
    asOf: timeAt(base, asOf)!,
    consumedMinutes: minutesOf(consumed),
    pausedMinutes: minutesOf(paused),
    running: running === '1',
    ...(deadlineAt ? { deadline: deadlineAt } : {}),
    due: Object.fromEntries(
      due
        .split(',')
        .filter(Boolean)
        .map((entry) => {
          const [percent, at] = entry.split('=') as [string, string];
          return [percent, timeAt(base, at)!];
        }),
    ),
    firedThresholds: fired.split(',').filter(Boolean).map(Number),
    ...(met ? { metAt: met } : {}),
    ...(breached ? { breachedAt: breached } : {}),
  };
  return { metric: metric as SlaMetric, state: (state as SlaDisplayState) || displayState({ metric: metric as SlaMetric, ...clock }), ...clock };
}

/** The SLA of a ticket created at `createdAt` as its packed string, or undefined when packing would lose anything (it then stays a map). */
export function packSla(sla: TicketSla, createdAt: string): string | undefined {
  const base = Date.parse(createdAt);
  const packed = [sla.policy, String(sla.version), ...sla.clocks.map((clock) => packClock(clock, base))].join(CLOCK_SEPARATOR);
  return isDeepStrictEqual(unpackSla(packed, createdAt), sla) ? packed : undefined;
}

export function unpackSla(packed: string, createdAt: string): TicketSla {
  const base = Date.parse(createdAt);
  const [policy, version, ...clocks] = packed.split(CLOCK_SEPARATOR);
  return { policy: policy!, version: Number(version), clocks: clocks.map((clock) => unpackClock(clock, base)) };
}
