import * as z from 'zod';
import { FORM_FIELD_TYPES } from '../config/catalog-schema.ts';
import { TICKET_TYPES } from '../domain/ticket.ts';

/** The service catalog as requesters see it: what they can ask for and the form to fill in. */

export const catalogFormFieldSchema = z
  .object({
    id: z.string().describe('The custom field the value is stored in'),
    label: z.string(),
    type: z.enum(FORM_FIELD_TYPES),
    required: z.boolean(),
    help: z.string().optional(),
    options: z.array(z.string()).optional().describe('Allowed values of choice and multi_choice fields'),
    default: z.union([z.string(), z.number(), z.array(z.string())]).optional(),
    min: z.number().optional().describe('Lower bound of a number, or minimum length of text'),
    max: z.number().optional().describe('Upper bound of a number, or maximum length of text'),
  })
  .meta({ id: 'CatalogFormField' });

export const catalogNodeResponseSchema = z
  .object({
    id: z.string().describe('The catalog item id; tickets opened from it record it as catalogItem'),
    name: z.string(),
    description: z.string().optional(),
    pinned: z.boolean().describe("Shown first on the portal's home page"),
    type: z.enum(TICKET_TYPES).describe('The type of ticket a request for this item opens'),
    requiresApproval: z.boolean(),
    form: z.array(catalogFormFieldSchema),
    get children(): z.ZodArray<typeof catalogNodeResponseSchema> {
      return z.array(catalogNodeResponseSchema);
    },
  })
  .meta({ id: 'CatalogNode' });

export const catalogResponseSchema = z.object({ catalog: z.array(catalogNodeResponseSchema) });

export type CatalogResponse = z.output<typeof catalogResponseSchema>;
