import * as z from '../schema/zod-mini.ts';

/** The three clocks an SLA policy measures. */
export type SlaMetric = 'first_response' | 'next_response' | 'resolution';

/** Every SlaMetric, for schemas and tests. */
export const SLA_METRICS = ['first_response', 'next_response', 'resolution'] as const satisfies readonly SlaMetric[];

/**
 * One moment at which something must happen to a ticket's SLA: a warning at a percentage of the
 * target, or the breach itself (100).
 */
export interface SlaTimer {
  ticketKey: string;
  metric: SlaMetric;
  /** Percent of the target elapsed when the timer fires; 100 is the breach, above 100 a reminder after it. */
  threshold: number;
  /** The ticket's SLA computation this deadline belongs to; a firing of an older version is stale. */
  slaVersion: number;
  /** When it fires, ISO 8601 in UTC (`2026-11-02T09:00:00.000Z`). */
  at: string;
}

/** Ticket keys as `ticketKeyPrefix-number` makes them: 1-10 prefix characters, up to 12 digits. */
export const TIMER_TICKET_KEY_PATTERN = /^[A-Z][A-Z0-9]{0,9}-[1-9][0-9]{0,11}$/;

/** EventBridge Scheduler's schedule name rule; the local scheduler keeps the same one. */
export const TIMER_NAME_PATTERN = /^[0-9a-zA-Z\-_.]{1,64}$/;

/** Thresholds stay below four digits so every name fits the 64 characters. */
export const MAX_TIMER_THRESHOLD = 999;

/** Short metric codes keep names readable and short: `sla.SD-123.fr.75.v4`. */
const METRIC_CODES: Record<SlaMetric, string> = { first_response: 'fr', next_response: 'nr', resolution: 'res' };

/** Marks a queue message as an SLA timer firing, so a shared queue or a DLQ redrive can tell it apart. */
export const TIMER_PAYLOAD_TYPE = 'sla_timer';

const slaTimerSchema = z.object({
  ticketKey: z.string().check(z.regex(TIMER_TICKET_KEY_PATTERN, 'must be a ticket key such as SD-123')),
  metric: z.enum(SLA_METRICS),
  threshold: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_TIMER_THRESHOLD)),
  slaVersion: z.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
  // offset: false: only `Z` times, so that comparing and sorting the strings compares instants.
  at: z.iso.datetime({ offset: false, error: 'must be an ISO 8601 UTC time such as 2026-11-02T09:00:00.000Z' }),
});

const timerPayloadSchema = z.extend(slaTimerSchema, { type: z.literal(TIMER_PAYLOAD_TYPE) });

/** An SLA timer or a timer payload that does not validate; `problems` name each field. */
export class InvalidSlaTimerError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid SLA timer: ${problems.join('; ')}`);
    this.name = 'InvalidSlaTimerError';
  }
}

function problemsOf(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
}

/** Checks a timer before it is named or scheduled; throws InvalidSlaTimerError naming each bad field. */
export function assertValidTimer(timer: SlaTimer): SlaTimer {
  const result = z.safeParse(slaTimerSchema, timer);
  if (!result.success) throw new InvalidSlaTimerError(problemsOf(result.error));
  return result.data;
}

/**
 * The timer's schedule name, e.g. `sla.SD-123.fr.75.v4`. Deterministic, so scheduling the same
 * timer twice collides instead of doubling; the SLA version is part of it, so a recomputed deadline
 * gets a new name and the old schedule is deleted rather than updated in place. At most 54
 * characters of `[0-9a-zA-Z-_.]`, inside Scheduler's 64.
 */
export function timerName(timer: SlaTimer): string {
  const { ticketKey, metric, threshold, slaVersion } = assertValidTimer(timer);
  return `sla.${ticketKey}.${METRIC_CODES[metric]}.${threshold}.v${slaVersion}`;
}

/** The message body a firing delivers: the timer itself, tagged with its type. */
export function timerPayload(timer: SlaTimer): string {
  const { ticketKey, metric, threshold, slaVersion, at } = assertValidTimer(timer);
  return JSON.stringify({ type: TIMER_PAYLOAD_TYPE, ticketKey, metric, threshold, slaVersion, at });
}

/** Reads a firing's message body back; throws InvalidSlaTimerError naming each bad field. */
export function parseTimerPayload(json: string): SlaTimer {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new InvalidSlaTimerError(['(root): not JSON']);
  }
  const result = z.safeParse(timerPayloadSchema, value);
  if (!result.success) throw new InvalidSlaTimerError(problemsOf(result.error));
  const { ticketKey, metric, threshold, slaVersion, at } = result.data;
  return { ticketKey, metric, threshold, slaVersion, at };
}

/** What to change so that the scheduled timers become `next`. */
export interface TimerChanges {
  create: SlaTimer[];
  /** Schedule names to delete. */
  delete: string[];
}

/**
 * Compares two sets of timers by name. A timer in both is left alone: since the name carries the
 * SLA version, a deadline can only move with a new version, which is a new name. Duplicates count once.
 */
export function reconcileTimers(previous: readonly SlaTimer[], next: readonly SlaTimer[]): TimerChanges {
  const previousNames = new Set(previous.map(timerName));
  const nextByName = new Map<string, SlaTimer>();
  for (const timer of next) {
    const name = timerName(timer);
    if (!nextByName.has(name)) nextByName.set(name, timer);
  }
  return {
    create: [...nextByName].filter(([name]) => !previousNames.has(name)).map(([, timer]) => timer),
    delete: [...previousNames].filter((name) => !nextByName.has(name)),
  };
}
