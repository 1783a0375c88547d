import * as z from 'zod';
import { multiLineText } from '../text/normalise-text.ts';
import { calendarSchema } from './calendar-schema.ts';
import { catalogNodeSchema } from './catalog-schema.ts';
import { emailSchema, idSchema } from './config-primitives.ts';
import { checkConfigReferences } from './config-references.ts';
import { directoryEntrySchema, groupSchema } from './directory-schema.ts';
import { emailConfigSchema, uploadLimitsSchema } from './email-schema.ts';
import { routingRuleSchema } from './routing-schema.ts';
import { signInSchema } from './sign-in-schema.ts';
import { slaPolicySchema } from './sla-schema.ts';

export const staffRoleSchema = z.enum(['admin', 'manager', 'agent']);

/** The longest signature an agent's mailed replies may end with, in characters. */
export const MAX_SIGNATURE_LENGTH = 1000;

export const staffUserSchema = z
  .object({
    email: emailSchema,
    name: z.string().min(1).max(200),
    role: staffRoleSchema,
    /** Plain text, line breaks kept, that ends this agent's public replies as they are mailed (not as they are stored). */
    signature: z.string().overwrite(multiLineText).trim().optional(),
  })
  .superRefine((user, ctx) => {
    // Checked here rather than on the field, so the message can name the staff entry by its address.
    if (user.signature === undefined) return;
    if (user.signature === '') ctx.addIssue({ code: 'custom', path: ['signature'], message: `the signature of ${user.email} is empty; write one or leave signature out` });
    if (user.signature.length > MAX_SIGNATURE_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        path: ['signature'],
        message: `the signature of ${user.email} has ${user.signature.length} characters; shorten it to at most ${MAX_SIGNATURE_LENGTH}`,
      });
    }
  });

export const levelSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(100),
  /** Agents (by email) who work this level. */
  members: z.array(emailSchema).default([]),
  /**
   * How new tickets of this level get an agent: round_robin (even rotation over available members),
   * workload (fewest open tickets), free (agents pick from the queue), manual (a manager assigns).
   */
  assignment: z.enum(['round_robin', 'workload', 'free', 'manual']).default('free'),
});

export const deskSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(100),
  /** Ordered: the first level receives new tickets, escalation moves down the list. */
  levels: z.array(levelSchema).min(1, 'a desk needs at least one level'),
  /** Managers (by email) who see and run this desk. */
  managers: z.array(emailSchema).default([]),
  /** Only members, managers and the requester see its tickets; admins and clients do not. */
  restricted: z.boolean().default(false),
  /** Desk that receives an escalation from this desk's last level. */
  escalateTo: idSchema.optional(),
});

export const serviceDeskConfigSchema = z
  .object({
    /** Prefix of human ticket keys: `SD` gives SD-1, SD-2, ... */
    ticketKeyPrefix: z.string().regex(/^[A-Z][A-Z0-9]{0,9}$/, 'use 1-10 upper-case letters or digits, starting with a letter'),
    /** Desk that receives tickets which name no desk. */
    defaultDesk: idSchema,
    /** Staff directory: agents, managers and admins (requesters need no entry). */
    users: z.array(staffUserSchema).default([]),
    desks: z.array(deskSchema).min(1, 'configure at least one help desk'),
    /** People's organisation, location, VIP flag and manager, for routing and approvals. */
    directory: z.array(directoryEntrySchema).default([]),
    /** Named sets of approvers. */
    groups: z.array(groupSchema).default([]),
    /** The service catalog: what people can ask for, where it goes, and its request forms. */
    catalog: z.array(catalogNodeSchema).default([]),
    /** Evaluated in order; the first rule whose conditions all hold overrides the catalog's routing. */
    routingRules: z.array(routingRuleSchema).default([]),
    /** The desk's mailbox: where requesters write, and the base of signed reply addresses. */
    email: emailConfigSchema.optional(),
    /** Files people attach from the web app to new tickets and replies: size per file, files per ticket or reply. */
    uploads: uploadLimitsSchema.prefault({}),
    /** Business-hours calendars that SLA targets count in. */
    calendars: z.array(calendarSchema).default([]),
    /** Evaluated in order; the first policy whose conditions all hold sets a ticket's SLA targets. */
    slaPolicies: z.array(slaPolicySchema).default([]),
    /** How people sign in to the web app: self sign-up domains, one-time codes, the organisation's identity providers. */
    signIn: signInSchema.prefault({}),
  })
  .superRefine(checkConfigReferences);

export type ServiceDeskConfigInput = z.input<typeof serviceDeskConfigSchema>;
export type ServiceDeskConfig = z.output<typeof serviceDeskConfigSchema>;
export type DeskConfig = z.output<typeof deskSchema>;
export type StaffUser = z.output<typeof staffUserSchema>;
export type StaffRole = z.output<typeof staffRoleSchema>;
export type LevelConfig = z.output<typeof levelSchema>;
export type AssignmentMethod = LevelConfig['assignment'];
