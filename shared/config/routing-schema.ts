import * as z from 'zod';
import { PRIORITIES } from '../domain/priority.ts';
import { CHANNELS } from '../domain/ticket.ts';
import { idSchema } from './config-primitives.ts';

const tagSchema = z.string().regex(/^[a-z0-9][a-z0-9_:-]{0,49}$/, 'use 1-50 lower-case letters, digits, _ : or -');

/** Conditions of a routing rule: every condition given must hold; a list matches any of its values. */
export const routingConditionsSchema = z.strictObject({
  priorities: z.array(z.enum(PRIORITIES)).min(1).optional(),
  /** true: only requesters marked VIP in the directory; false: only the others. */
  vip: z.boolean().optional(),
  organisations: z.array(z.string().min(1)).min(1).optional(),
  locations: z.array(z.string().min(1)).min(1).optional(),
  /** Catalog node ids; a ticket matches when its catalog item is one of them or below one. */
  catalog: z.array(idSchema).min(1).optional(),
  channels: z.array(z.enum(CHANNELS)).min(1).optional(),
  /** Case-insensitive words or phrases, any of which in the subject matches. */
  subjectKeywords: z.array(z.string().min(1)).min(1).optional(),
});

export const routingOutcomeSchema = z
  .strictObject({
    desk: idSchema.optional(),
    level: idSchema.optional(),
    priority: z.enum(PRIORITIES).optional(),
    tags: z.array(tagSchema).optional(),
  })
  .refine((outcome) => Object.keys(outcome).length > 0, { message: 'a rule must set desk, level, priority or tags' });

export const routingRuleSchema = z.strictObject({
  id: idSchema,
  description: z.string().max(500).optional(),
  when: routingConditionsSchema,
  then: routingOutcomeSchema,
});

export type RoutingConditions = z.output<typeof routingConditionsSchema>;
export type RoutingOutcome = z.output<typeof routingOutcomeSchema>;
export type RoutingRule = z.output<typeof routingRuleSchema>;
