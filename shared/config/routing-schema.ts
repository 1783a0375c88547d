import * as z from 'zod';
import { PRIORITIES } from '../domain/priority.ts';
import { CHANNELS } from '../domain/ticket.ts';
import { idSchema } from './config-primitives.ts';

const tagSchema = z.string().regex(/^[a-z0-9][a-z0-9_:-]{0,49}$/, 'use 1-50 lower-case letters, digits, _ : or -');

/** Conditions of a routing rule: every condition given must hold; a list matches any of its values. */
export const routingConditionsSchema = z.strictObject({
  priorities: z.array(z.enum(PRIORITIES)).min(1).optional().describe("The ticket's priority is one of these."),
  /** true: only requesters marked VIP in the directory; false: only the others. */
  vip: z.boolean().optional().describe('true: only requesters marked VIP in the directory; false: only the others.'),
  organisations: z.array(z.string().min(1)).min(1).optional().describe("The requester's organisation in the directory is one of these (case and spacing aside)."),
  locations: z.array(z.string().min(1)).min(1).optional().describe("The requester's location in the directory is one of these (case and spacing aside)."),
  /** Catalog node ids; a ticket matches when its catalog item is one of them or below one. */
  catalog: z.array(idSchema).min(1).optional().describe("Catalog node ids; the ticket's catalog item is one of them or below one."),
  channels: z.array(z.enum(CHANNELS)).min(1).optional().describe('The ticket came in by one of these: api (the web app or the API), email, intake (the SQS intake queue for other systems).'),
  /** Case-insensitive words or phrases, any of which in the subject matches. */
  subjectKeywords: z.array(z.string().min(1)).min(1).optional().describe('Words or phrases, any of which in the subject matches, ignoring case.'),
});

export const routingOutcomeSchema = z
  .strictObject({
    desk: idSchema.optional().describe('The desk the ticket goes to.'),
    level: idSchema.optional().describe("The level it starts on, in the rule's desk or else the desk the ticket goes to; a desk without that level takes its first."),
    priority: z.enum(PRIORITIES).optional().describe("Its priority, ahead of the one the creator gave and the catalog item's."),
    tags: z.array(tagSchema).optional().describe('The tags the ticket gets.'),
  })
  .refine((outcome) => Object.keys(outcome).length > 0, { message: 'a rule must set desk, level, priority or tags' });

export const routingRuleSchema = z.strictObject({
  id: idSchema.describe("The rule's id, unique; the ticket's routing decisions name it."),
  description: z.string().max(500).optional().describe('What the rule is for, for the people who read the configuration.'),
  when: routingConditionsSchema.describe('Conditions that must all hold; a list matches any of its values. {} matches every ticket.'),
  then: routingOutcomeSchema.describe('What the rule sets: at least one of desk, level, priority, tags.'),
});

export type RoutingConditions = z.output<typeof routingConditionsSchema>;
export type RoutingOutcome = z.output<typeof routingOutcomeSchema>;
export type RoutingRule = z.output<typeof routingRuleSchema>;
