import type { ServiceDeskConfig } from '../config/config-schema.ts';
import type { SlaPolicy } from '../config/sla-schema.ts';
import { createBusinessCalendar, type BusinessCalendar } from './business-calendar.ts';

// Calendars are built once per configuration (which is parsed once per process) and reused.
const calendarsByConfig = new WeakMap<ServiceDeskConfig, Map<string, BusinessCalendar>>();

/**
 * The business calendar an SLA policy counts in, built once per configuration; undefined when the
 * policy is absent or names no configured calendar.
 */
export function policyCalendar(config: ServiceDeskConfig, policy: SlaPolicy | undefined): BusinessCalendar | undefined {
  if (!policy) return undefined;
  let built = calendarsByConfig.get(config);
  if (!built) {
    built = new Map(config.calendars.map((calendar) => [calendar.id, createBusinessCalendar(calendar)]));
    calendarsByConfig.set(config, built);
  }
  return built.get(policy.calendar);
}
