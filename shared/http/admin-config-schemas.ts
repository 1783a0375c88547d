import * as z from 'zod';
import { WEEKDAYS } from '../config/weekdays.ts';
import { FORM_FIELD_TYPES } from '../config/catalog-schema.ts';
import { SLA_RECIPIENTS } from '../config/sla-schema.ts';
import { APPROVAL_STEP_KINDS } from '../domain/approval.ts';
import { PRIORITIES } from '../domain/priority.ts';
import { CHANNELS, TICKET_TYPES } from '../domain/ticket.ts';
import { TICKET_STATUSES } from '../domain/ticket-status.ts';

/** `GET /admin/config`: the configuration the desk runs, as an admin screen shows it; nothing secret. */

const priority = z.enum(PRIORITIES);
const interval = z.tuple([z.string(), z.string()]).describe("[start, end) as HH:mm in the calendar's zone");

const levelSchema = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(z.string()),
  assignment: z.enum(['round_robin', 'workload', 'free', 'manual']),
});

const deskSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    restricted: z.boolean().describe('Only members, managers and the requester see its tickets'),
    managers: z.array(z.string()),
    escalateTo: z.string().optional().describe('The desk an escalation from the last level goes to'),
    levels: z.array(levelSchema).describe('In order: the first receives new tickets, escalation moves down'),
  })
  .meta({ id: 'AdminDesk' });

const staffSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'manager', 'agent']),
    signature: z.string().optional().describe("Ends the agent's mailed public replies"),
  })
  .meta({ id: 'AdminStaffMember' });

const formFieldSchema = z.object({
  id: z.string(),
  label: z.string(),
  type: z.enum(FORM_FIELD_TYPES),
  required: z.boolean(),
  help: z.string().optional(),
  options: z.array(z.string()).optional(),
  default: z.union([z.string(), z.number(), z.array(z.string())]).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});

const approvalStepSchema = z.object({
  kind: z.enum(APPROVAL_STEP_KINDS),
  label: z.string(),
  email: z.string().optional().describe('kind user: the approver'),
  group: z.string().optional().describe('kind group: the group id'),
  approvers: z.array(z.string()).describe("Who decides: the person or the group's members; empty for requester_manager, decided per request from the directory (else the desk's managers)"),
});

export const adminCatalogNodeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    pinned: z.boolean(),
    type: z.enum(TICKET_TYPES).describe('As inherited'),
    priority: priority.optional().describe('As inherited; absent when the priority comes from impact x urgency'),
    desk: z.string().describe('The desk its requests go to, as inherited (routing rules may still move them)'),
    level: z.string().describe("The level they start on, as inherited; the desk's first level by default"),
    form: z.array(formFieldSchema),
    approvals: z.array(approvalStepSchema).describe("The node's own approval steps, in order"),
    get children(): z.ZodArray<typeof adminCatalogNodeSchema> {
      return z.array(adminCatalogNodeSchema);
    },
  })
  .meta({ id: 'AdminCatalogNode' });

const slaActionSchema = z.object({
  kind: z.enum(['notify', 'reassign', 'escalate', 'set_priority']),
  to: z.array(z.enum(SLA_RECIPIENTS)).optional(),
  priority: priority.optional(),
});

const slaPolicySchema = z
  .object({
    id: z.string(),
    name: z.string().optional(),
    when: z.object({
      desks: z.array(z.string()).optional(),
      catalog: z.array(z.string()).optional(),
      priorities: z.array(priority).optional(),
      vip: z.boolean().optional(),
      organisations: z.array(z.string()).optional(),
      locations: z.array(z.string()).optional(),
      types: z.array(z.enum(TICKET_TYPES)).optional(),
    }),
    calendar: z.string(),
    targets: z.object({ firstResponse: z.number().optional(), nextResponse: z.number().optional(), resolution: z.number().optional() }).describe('Working minutes'),
    pauseOn: z.array(z.enum(TICKET_STATUSES)),
    thresholds: z.array(z.object({ percent: z.number().int(), actions: z.array(slaActionSchema) })),
  })
  .meta({ id: 'AdminSlaPolicy' });

const calendarSchema = z
  .object({
    id: z.string(),
    timeZone: z.string(),
    hours: z.union([
      z.literal('24x7'),
      z.object(Object.fromEntries(WEEKDAYS.map((day) => [day, z.array(interval).optional()])) as Record<(typeof WEEKDAYS)[number], z.ZodOptional<z.ZodArray<typeof interval>>>),
    ]),
    holidays: z.object({ dates: z.array(z.string()).optional(), country: z.string().optional(), state: z.string().optional() }).optional(),
  })
  .meta({ id: 'AdminCalendar' });

const routingRuleSchema = z
  .object({
    id: z.string(),
    description: z.string().optional(),
    when: z.object({
      priorities: z.array(priority).optional(),
      vip: z.boolean().optional(),
      organisations: z.array(z.string()).optional(),
      locations: z.array(z.string()).optional(),
      catalog: z.array(z.string()).optional(),
      channels: z.array(z.enum(CHANNELS)).optional(),
      subjectKeywords: z.array(z.string()).optional(),
    }),
    then: z.object({ desk: z.string().optional(), level: z.string().optional(), priority: priority.optional(), tags: z.array(z.string()).optional() }),
  })
  .meta({ id: 'AdminRoutingRule' });

const identityProviderSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['oidc', 'saml']),
  issuerUrl: z.string().optional().describe('oidc'),
  metadataUrl: z.string().optional().describe('saml'),
  emailDomains: z.array(z.string()),
});

export const adminConfigSchema = z
  .object({
    ticketKeyPrefix: z.string(),
    defaultDesk: z.string(),
    desks: z.array(deskSchema),
    staff: z.array(staffSchema),
    groups: z.array(z.object({ id: z.string(), name: z.string(), members: z.array(z.string()) })),
    catalog: z.array(adminCatalogNodeSchema),
    slaPolicies: z.array(slaPolicySchema),
    calendars: z.array(calendarSchema),
    routingRules: z.array(routingRuleSchema),
    email: z
      .object({
        address: z.string(),
        name: z.string().optional(),
        maxAutomaticRepliesPerHour: z.number().int(),
        retainRawMailDays: z.number().int(),
        attachments: z.object({ maxFileBytes: z.number().int(), maxTotalBytes: z.number().int(), maxCount: z.number().int() }),
      })
      .optional()
      .describe('Absent when the desk has no mailbox'),
    uploads: z.object({ maxFileBytes: z.number().int(), maxCount: z.number().int() }),
    signIn: z.object({
      selfSignUpDomains: z.array(z.string()),
      emailCode: z.boolean(),
      identityProviders: z.array(identityProviderSchema).describe('Without client ids or the names of their secrets'),
    }),
  })
  .meta({ id: 'AdminConfig' });

export const adminConfigResponseSchema = z.object({ config: adminConfigSchema });

export type AdminConfigView = z.output<typeof adminConfigSchema>;
export type AdminCatalogNodeView = z.output<typeof adminCatalogNodeSchema>;
