import * as z from 'zod';
import { PRIORITIES } from '../domain/priority.ts';
import { TICKET_TYPES } from '../domain/ticket.ts';
import { emailSchema, fieldNameSchema, idSchema } from './config-primitives.ts';

export const FORM_FIELD_TYPES = ['text', 'number', 'date', 'choice', 'multi_choice', 'email', 'user', 'asset'] as const;

/** One field of a request form; its value is stored in the ticket's custom field of the same id. */
export const formFieldSchema = z
  .object({
    id: fieldNameSchema,
    label: z.string().min(1).max(200),
    type: z.enum(FORM_FIELD_TYPES),
    required: z.boolean().default(false),
    help: z.string().max(1000).optional(),
    /** Allowed values of choice and multi_choice fields. */
    options: z.array(z.string().min(1).max(200)).min(1).optional(),
    default: z.union([z.string(), z.number(), z.array(z.string())]).optional(),
    /** Bounds of number fields, or length bounds of text fields. */
    min: z.number().optional(),
    max: z.number().optional(),
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
  z.object({ kind: z.literal('user'), email: emailSchema }),
  z.object({ kind: z.literal('requester_manager') }),
  z.object({ kind: z.literal('group'), group: idSchema }),
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
  z.object({
    id: idSchema,
    name: z.string().min(1).max(100),
    description: z.string().max(2000).optional(),
    desk: idSchema.optional(),
    level: idSchema.optional(),
    type: z.enum(TICKET_TYPES).optional(),
    priority: z.enum(PRIORITIES).optional(),
    pinned: z.boolean().optional(),
    form: z.array(formFieldSchema).default([]),
    approval: z.array(approvalStepSchema).default([]),
    children: z.array(catalogNodeSchema).default([]),
  }),
);

export type FormField = z.output<typeof formFieldSchema>;
export type ApprovalStepConfig = z.output<typeof approvalStepSchema>;

export interface CatalogNode extends CatalogNodeFields {
  form: FormField[];
  approval: ApprovalStepConfig[];
  children: CatalogNode[];
}
