import * as z from 'zod';
import { multiLineText } from '../text/normalise-text.ts';
import { calendarSchema } from './calendar-schema.ts';
import { catalogNodeSchema } from './catalog-schema.ts';
import { emailSchema, idSchema } from './config-primitives.ts';
import { checkConfigReferences } from './config-references.ts';
import { checkDeskMail } from './desk-mail-references.ts';
import { deskEmailSchema, deskSignaturesSchema } from './desk-mail-schema.ts';
import { directoryEntrySchema, groupSchema } from './directory-schema.ts';
import { emailConfigSchema, uploadLimitsSchema } from './email-schema.ts';
import { checkLanguages } from './language-check.ts';
import { FALLBACK_LANGUAGE } from './languages.ts';
import { languageCodeSchema } from './language-schema.ts';
import { routingRuleSchema } from './routing-schema.ts';
import { signInSchema } from './sign-in-schema.ts';
import { slaPolicySchema } from './sla-schema.ts';

export const staffRoleSchema = z.enum(['admin', 'manager', 'agent']);

/** The longest signature an agent's mailed replies may end with, in characters. */
export const MAX_SIGNATURE_LENGTH = 1000;

export const staffUserSchema = z
  .strictObject({
    email: emailSchema.describe("The staff member's sign-in address; unique; compared in lower case."),
    name: z.string().min(1).max(200).describe('The name the desk shows.'),
    role: staffRoleSchema.describe(
      'agent works the levels that list them, manager also runs the desks that list them as managers, admin sees every desk but restricted ones. Sign-in takes the role from the Cognito group of the same name; keep the two alike.',
    ),
    /** Plain text, line breaks kept, that ends this agent's public replies as they are mailed (not as they are stored). */
    signature: z
      .string()
      .overwrite(multiLineText)
      .trim()
      .optional()
      .describe(
        `Plain text, line breaks kept, that ends each public reply of this agent as it is mailed (text and HTML part, before the desk's footer); the comment on the ticket stays as typed. Not empty, at most ${MAX_SIGNATURE_LENGTH} characters.`,
      ),
    deskSignatures: deskSignaturesSchema,
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

export const levelSchema = z.strictObject({
  id: idSchema.describe("The level's id, unique within its desk; catalog nodes and routing rules name it."),
  name: z.string().min(1).max(100).describe('What the desk calls the level, like Level 1.'),
  /** Agents (by email) who work this level. */
  members: z.array(emailSchema).default([]).describe('The staff (by email, each in `users`) who work this level.'),
  /**
   * How new tickets of this level get an agent: round_robin (even rotation over available members),
   * workload (fewest open tickets), free (agents pick from the queue), manual (a manager assigns).
   */
  assignment: z
    .enum(['round_robin', 'workload', 'free', 'manual'])
    .default('free')
    .describe(
      'How a new ticket of this level gets an agent: round_robin (an atomic rotation counter per level; unavailable agents are skipped), workload (fewest open tickets, ties to whoever was assigned longest ago), free (agents take tickets from the queue), manual (a manager assigns). round_robin and workload need members.',
    ),
});

export const deskSchema = z.strictObject({
  id: idSchema.describe("The desk's id, unique; tickets, catalog nodes, routing rules and SLA policies name it."),
  name: z.string().min(1).max(100).describe('What people see, like IT Service Desk.'),
  /** Ordered: the first level receives new tickets, escalation moves down the list. */
  levels: z.array(levelSchema).min(1, 'a desk needs at least one level').describe('In order: the first level receives new tickets, escalation moves down the list.'),
  /** Managers (by email) who see and run this desk. */
  managers: z.array(emailSchema).default([]).describe('Who sees and runs this desk, by email; each must be in `users` with role manager or admin.'),
  /** Only members, managers and the requester see its tickets; admins and clients do not. */
  restricted: z.boolean().default(false).describe('true: only its members, its managers and the requester see its tickets; admins and machine clients do not.'),
  /** Desk that receives an escalation from this desk's last level. */
  escalateTo: idSchema.optional().describe("Another desk, which receives an escalation from this desk's last level."),
  defaultLanguage: languageCodeSchema
    .optional()
    .describe("The language of mail and pages for this desk's requesters whom neither the directory nor their own mail places; by default the top-level defaultLanguage."),
  email: deskEmailSchema.optional().describe("The desk's own addresses, sender name and signature; without it the desk's mail uses the desk-wide `email`."),
});

export const serviceDeskConfigSchema = z
  .strictObject({
    /** Prefix of human ticket keys: `SD` gives SD-1, SD-2, ... */
    ticketKeyPrefix: z
      .string()
      .regex(/^[A-Z][A-Z0-9]{0,9}$/, 'use 1-10 upper-case letters or digits, starting with a letter')
      .describe('Prefix of human ticket keys: SD gives SD-1, SD-2, ...'),
    /** The language of mail and pages when neither the directory nor the requester's own mail says. */
    defaultLanguage: languageCodeSchema
      .default(FALLBACK_LANGUAGE)
      .describe(
        'The language of mail and pages to requesters whom neither the directory (directory[].language) nor the language of their mail places, unless their desk sets its own; en and de are built in, others need every template under email.templates.',
      ),
    /** Desk that receives tickets which name no desk. */
    defaultDesk: idSchema.describe('The desk that receives tickets no catalog item, routing rule or creator places.'),
    /** Staff directory: agents, managers and admins (requesters need no entry). */
    users: z.array(staffUserSchema).default([]).describe('Staff: agents, managers and admins, with names, roles and signatures; requesters need no entry.'),
    desks: z.array(deskSchema).min(1, 'configure at least one help desk').describe('The help desks, each with its levels of agents, managers and visibility.'),
    /** People's organisation, location, VIP flag and manager, for routing and approvals. */
    directory: z.array(directoryEntrySchema).default([]).describe('What the desk knows about people beyond their sign-in (organisation, location, VIP flag, manager), for routing, SLA policies and approvals.'),
    /** Named sets of approvers. */
    groups: z.array(groupSchema).default([]).describe("Named sets of people: the approvers of `kind: 'group'` approval steps."),
    /** The service catalog: what people can ask for, where it goes, and its request forms. */
    catalog: z.array(catalogNodeSchema).default([]).describe('The service catalog: a tree of what people can ask for, where it goes, its request forms and approvals.'),
    /** Evaluated in order; the first rule whose conditions all hold overrides the catalog's routing. */
    routingRules: z
      .array(routingRuleSchema)
      .default([])
      .describe("Evaluated in order; the first rule whose conditions all hold overrides the catalog's routing. Not applied when staff name a desk as they create a ticket."),
    /** The desk's mailbox: where requesters write, and the base of signed reply addresses. */
    email: emailConfigSchema
      .optional()
      .describe(
        "The desk's mailbox: where requesters write, what notifications come from, the base of signed reply addresses. Without it the desk neither receives nor sends mail, and signIn.emailCode must be false.",
      ),
    /** Files people attach from the web app to new tickets and replies: size per file, files per ticket or reply. */
    uploads: uploadLimitsSchema.prefault({}).describe('Files people attach from the web app to a new ticket or reply: size per file, files per ticket or reply.'),
    /** Business-hours calendars that SLA targets count in. */
    calendars: z.array(calendarSchema).default([]).describe('Business-hours calendars that SLA targets count in.'),
    /** Evaluated in order; the first policy whose conditions all hold sets a ticket's SLA targets. */
    slaPolicies: z.array(slaPolicySchema).default([]).describe("Evaluated in order; the first policy whose conditions all hold sets a ticket's SLA targets. A ticket no policy matches has none."),
    /** How people sign in to the web app: self sign-up domains, one-time codes, the organisation's identity providers. */
    signIn: signInSchema.prefault({}).describe("How people sign in to the web app: self sign-up domains, one-time codes, the organisation's identity providers."),
  })
  .superRefine(checkConfigReferences)
  .superRefine(checkLanguages)
  .superRefine((config, ctx) => checkDeskMail(config, ctx, MAX_SIGNATURE_LENGTH));

export type ServiceDeskConfigInput = z.input<typeof serviceDeskConfigSchema>;
export type ServiceDeskConfig = z.output<typeof serviceDeskConfigSchema>;
export type DeskConfig = z.output<typeof deskSchema>;
export type StaffUser = z.output<typeof staffUserSchema>;
export type StaffRole = z.output<typeof staffRoleSchema>;
export type LevelConfig = z.output<typeof levelSchema>;
export type AssignmentMethod = LevelConfig['assignment'];
