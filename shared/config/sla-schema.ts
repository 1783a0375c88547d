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
  z.strictObject({ kind: z.literal('notify'), to: z.array(z.enum(SLA_RECIPIENTS)).min(1) }),
  z.strictObject({ kind: z.literal('reassign') }),
  z.strictObject({ kind: z.literal('escalate') }),
  z.strictObject({ kind: z.literal('set_priority'), priority: z.enum(PRIORITIES) }),
]);

export const slaThresholdSchema = z.strictObject({
  /** Share of the target used up; 100 is the breach itself. */
  percent: z.number().int().min(1).max(100),
  actions: z.array(slaActionSchema).default([]),
});

export const slaPolicySchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1).max(100).optional(),
    /** Every condition given must hold; the first matching policy in order applies. */
    when: z
      .strictObject({
        desks: z.array(idSchema).min(1).optional(),
        catalog: z.array(idSchema).min(1).optional(),
        priorities: z.array(z.enum(PRIORITIES)).min(1).optional(),
        vip: z.boolean().optional(),
        organisations: z.array(z.string().min(1)).min(1).optional(),
        locations: z.array(z.string().min(1)).min(1).optional(),
        types: z.array(z.enum(TICKET_TYPES)).min(1).optional(),
      })
      .default({}),
    /** Calendar id; the targets count in its working hours. */
    calendar: idSchema,
    targets: z
      .strictObject({
        firstResponse: durationSchema.optional(),
        nextResponse: durationSchema.optional(),
        resolution: durationSchema.optional(),
      })
      .refine((targets) => Object.keys(targets).length > 0, { message: 'give at least one of firstResponse, nextResponse, resolution' }),
    /** Statuses that stop the clock. */
    pauseOn: z.array(z.enum(TICKET_STATUSES)).default(['pending', 'on_hold']),
    thresholds: z.array(slaThresholdSchema).default([{ percent: 100, actions: [] }]),
  })
  .superRefine((policy, ctx) => {
    const percents = policy.thresholds.map((threshold) => threshold.percent);
    if (new Set(percents).size !== percents.length) ctx.addIssue({ code: 'custom', path: ['thresholds'], message: 'each percent may appear once' });
  });

export type SlaAction = z.output<typeof slaActionSchema>;
export type SlaThreshold = z.output<typeof slaThresholdSchema>;
export type SlaPolicy = z.output<typeof slaPolicySchema>;
