import * as z from 'zod';
import { PRIORITIES } from '../domain/priority.ts';
import { TICKET_TYPES } from '../domain/ticket.ts';
import { emailSchema, fieldNameSchema, idSchema } from './config-primitives.ts';

export const FORM_FIELD_TYPES = ['text', 'number', 'date', 'choice', 'multi_choice', 'email', 'user', 'asset'] as const;

/** One field of a request form; its value is stored in the ticket's custom field of the same id. */
export const formFieldSchema = z
  .strictObject({
    id: fieldNameSchema.describe("The ticket's custom field the value is stored in; unique within the form."),
    label: z.string().min(1).max(200).describe('What the form shows beside the field.'),
    type: z
      .enum(FORM_FIELD_TYPES)
      .describe('text, number, date (YYYY-MM-DD), choice (one of options), multi_choice (several of options), email, user (a person by email address) or asset (an asset tag or name).'),
    required: z.boolean().default(false).describe('The request cannot be sent without a value.'),
    help: z.string().max(1000).optional().describe('A hint the form shows under the field.'),
    /** Allowed values of choice and multi_choice fields. */
    options: z.array(z.string().min(1).max(200)).min(1).optional().describe('The allowed values of a choice or multi_choice field, which needs them; other types take none.'),
    default: z
      .union([z.string(), z.number(), z.array(z.string())])
      .optional()
      .describe('The value used when the requester gives none: a string, a number, or a list for multi_choice.'),
    /** Bounds of number fields, or length bounds of text fields. */
    min: z.number().optional().describe('The smallest number of a number field, or the fewest characters of a text field.'),
    max: z.number().optional().describe('The largest number of a number field, or the most characters of a text field.'),
  })
  .superRefine((field, ctx) => {
    const choice = field.type === 'choice' || field.type === 'multi_choice';
    if (choice && !field.options) ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${field.type} field needs options` });
    if (!choice && field.options) ctx.addIssue({ code: 'custom', path: ['options'], message: `only choice fields take options` });
  });

/**
 * One step of an approval: a named approver, the requester's manager from the directory, or any
 * member of a group.
 */
export const approvalStepSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('user').describe('one named person approves'),
    email: emailSchema.describe('The approver, by email address.'),
  }),
  z.strictObject({ kind: z.literal('requester_manager').describe("the requester's manager in `directory` approves; without one, the desk's managers decide") }),
  z.strictObject({
    kind: z.literal('group').describe('any one member of a group approves'),
    group: idSchema.describe('The id of a group in `groups`.'),
  }),
]);

/** What a catalog node says of itself, as written and once validated. */
interface CatalogNodeFields {
  id: string;
  name: string;
  description?: string;
  desk?: string;
  level?: string;
  type?: (typeof TICKET_TYPES)[number];
  priority?: (typeof PRIORITIES)[number];
  /** Shown first on the portal's home page. */
  pinned?: boolean;
}

export interface CatalogNodeInput extends CatalogNodeFields {
  form?: z.input<typeof formFieldSchema>[];
  approval?: z.input<typeof approvalStepSchema>[];
  children?: CatalogNodeInput[];
}

/**
 * A node of the service catalog tree (category > subcategory > item). Desk, level, type and
 * priority are inherited by the node's children unless they set their own.
 */
export const catalogNodeSchema: z.ZodType<CatalogNode, CatalogNodeInput> = z.lazy(() =>
  z.strictObject({
    id: idSchema.describe("The node's id, unique in the whole catalog; tickets opened from it record it, and routing rules and SLA policies name it."),
    name: z.string().min(1).max(100).describe('What the portal shows.'),
    description: z.string().max(2000).optional().describe('A line the portal shows under the name.'),
    desk: idSchema.optional().describe('The desk its requests go to; inherited by the children. Without one up the tree, `defaultDesk`.'),
    level: idSchema.optional().describe("The level of that desk they start on; inherited. By default the desk's first level."),
    type: z.enum(TICKET_TYPES).optional().describe('The type of ticket a request opens; inherited.'),
    priority: z.enum(PRIORITIES).optional().describe('The priority of its tickets; inherited. A routing rule or the priority the creator gives wins over it; without any, impact x urgency, then P3.'),
    pinned: z.boolean().optional().describe("Shown first on the portal's home page."),
    form: z.array(formFieldSchema).default([]).describe("The request form: its fields' values become the ticket's custom fields."),
    approval: z
      .array(approvalStepSchema)
      .default([])
      .describe(
        "Approval steps, decided one after the other while the ticket waits in pending_approval; the requester is left out of every step, and a step left empty goes to the desk's other managers, else the other admins.",
      ),
    children: z.array(catalogNodeSchema).default([]).describe('Nodes below this one (category > subcategory > item), with the same keys.'),
  }),
);

export type FormField = z.output<typeof formFieldSchema>;
export type ApprovalStepConfig = z.output<typeof approvalStepSchema>;

export interface CatalogNode extends CatalogNodeFields {
  form: FormField[];
  approval: ApprovalStepConfig[];
  children: CatalogNode[];
}
