import * as z from 'zod';
import { PRIORITIES } from '../domain/priority.ts';
import { TICKET_TYPES } from '../domain/ticket.ts';
import { TICKET_STATUSES } from '../domain/ticket-status.ts';
import { idSchema } from './config-primitives.ts';
import { durationSchema } from './duration.ts';

/** Who an SLA notification goes to. */
export const SLA_RECIPIENTS = ['assignee', 'desk_managers', 'level_members', 'requester'] as const;
export type SlaRecipient = (typeof SLA_RECIPIENTS)[number];

export const slaActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('notify').describe('mails the sla notification'),
    to: z.array(z.enum(SLA_RECIPIENTS)).min(1).describe("Who gets it: the assignee, the desk's managers, the members of the ticket's level, the requester."),
  }),
  z.strictObject({ kind: z.literal('reassign').describe("chooses the assignee anew by the level's assignment method") }),
  z.strictObject({ kind: z.literal('escalate').describe("moves the ticket to the next level, from the last one to the desk's escalateTo; never out of a restricted desk") }),
  z.strictObject({
    kind: z.literal('set_priority').describe('changes the priority'),
    priority: z.enum(PRIORITIES).describe('The priority the ticket gets.'),
  }),
]);

export const slaThresholdSchema = z.strictObject({
  /** Share of the target used up; 100 is the breach itself. */
  percent: z.number().int().min(1).max(100).describe('Share of the target used up, in percent; 100 is the breach itself. Each percent once per policy.'),
  actions: z.array(slaActionSchema).default([]).describe('What happens when the share is reached; escalate goes last, whatever the order.'),
});

export const slaPolicySchema = z
  .strictObject({
    id: idSchema.describe("The policy's id, unique."),
    name: z.string().min(1).max(100).optional().describe('What the desk calls the policy, like IT, office hours.'),
    /** Every condition given must hold; the first matching policy in order applies. */
    when: z
      .strictObject({
        desks: z.array(idSchema).min(1).optional().describe("The ticket's desk is one of these."),
        catalog: z.array(idSchema).min(1).optional().describe("Catalog node ids; the ticket's catalog item is one of them or below one."),
        priorities: z.array(z.enum(PRIORITIES)).min(1).optional().describe("The ticket's priority is one of these."),
        vip: z.boolean().optional().describe('true: only requesters marked VIP in the directory; false: only the others.'),
        organisations: z.array(z.string().min(1)).min(1).optional().describe("The requester's organisation in the directory is one of these."),
        locations: z.array(z.string().min(1)).min(1).optional().describe("The requester's location in the directory is one of these."),
        types: z.array(z.enum(TICKET_TYPES)).min(1).optional().describe("The ticket's type is one of these."),
      })
      .default({})
      .describe('Conditions that must all hold; a list matches any of its values. Left out, the policy matches every ticket.'),
    /** Calendar id; the targets count in its working hours. */
    calendar: idSchema.describe('The id of a calendar in `calendars`; the targets count in its working hours.'),
    targets: z
      .strictObject({
        firstResponse: durationSchema.optional().describe("Until the desk's first public reply."),
        nextResponse: durationSchema.optional().describe("Until the desk's public reply after each reply of the requester."),
        resolution: durationSchema.optional().describe('Until the ticket is resolved.'),
      })
      .refine((targets) => Object.keys(targets).length > 0, { message: 'give at least one of firstResponse, nextResponse, resolution' })
      .describe("Durations like 30m, 4h, 2h30m, 1d (24 hours of counted time) or ISO PT8H, counted in the calendar's working time."),
    /** Statuses that stop the clock. */
    pauseOn: z.array(z.enum(TICKET_STATUSES)).default(['pending', 'on_hold']).describe('Statuses that stop the clock; a request waiting for approval is paused too.'),
    thresholds: z
      .array(slaThresholdSchema)
      .default([{ percent: 100, actions: [] }])
      .describe('Shares of a target at which actions happen; 100% is the breach and is always watched, listed or not.'),
  })
  .superRefine((policy, ctx) => {
    const percents = policy.thresholds.map((threshold) => threshold.percent);
    if (new Set(percents).size !== percents.length) ctx.addIssue({ code: 'custom', path: ['thresholds'], message: 'each percent may appear once' });
  });

export type SlaAction = z.output<typeof slaActionSchema>;
export type SlaThreshold = z.output<typeof slaThresholdSchema>;
export type SlaPolicy = z.output<typeof slaPolicySchema>;
