import { parseConfig } from '../../../shared/config/define-config.ts';
import type { ServiceDeskConfig, ServiceDeskConfigInput } from '../../../shared/config/config-schema.ts';

/**
 * A configuration with three desks and a catalog that exercises inheritance: IT items inherit the
 * IT desk, Hardware sets level l2 and type service_request, Furniture moves to Facilities.
 */
export const catalogConfigInput = {
  ticketKeyPrefix: 'SD',
  defaultDesk: 'it',
  users: [{ email: 'victor.approver@example.com', name: 'Victor', role: 'manager' }],
  desks: [
    {
      id: 'it',
      name: 'IT',
      levels: [
        { id: 'l1', name: 'Level 1' },
        { id: 'l2', name: 'Level 2' },
        { id: 'l3', name: 'Level 3' },
      ],
    },
    { id: 'hr', name: 'HR', levels: [{ id: 'l1', name: 'Level 1' }] },
    {
      id: 'facilities',
      name: 'Facilities',
      levels: [
        { id: 'f1', name: 'Front desk' },
        { id: 'l2', name: 'Level 2' },
      ],
    },
  ],
  groups: [{ id: 'software-approvers', name: 'Software approvers', members: ['victor.approver@example.com'] }],
  catalog: [
    {
      id: 'it-services',
      name: 'IT',
      description: 'Computers, accounts and software',
      desk: 'it',
      children: [
        {
          id: 'hardware',
          name: 'Hardware',
          level: 'l2',
          type: 'service_request',
          priority: 'P3',
          children: [
            {
              id: 'laptop',
              name: 'New laptop',
              approval: [{ kind: 'requester_manager' }],
              form: [
                { id: 'model', label: 'Model', type: 'choice', required: true, options: ['Laptop', 'Desktop'], help: 'Pick one' },
                { id: 'neededBy', label: 'Needed by', type: 'date' },
              ],
            },
            { id: 'monitor', name: 'Monitor', priority: 'P4' },
            { id: 'furniture', name: 'Desk and chair', desk: 'facilities' },
          ],
        },
        {
          id: 'access',
          name: 'Access',
          children: [
            {
              id: 'system-access',
              name: 'Request system access',
              type: 'service_request',
              approval: [
                { kind: 'group', group: 'software-approvers' },
                { kind: 'user', email: 'victor.approver@example.com' },
              ],
            },
          ],
        },
        { id: 'outage', name: 'Outage', level: 'l3', priority: 'P1' },
      ],
    },
    { id: 'hr-services', name: 'HR', desk: 'hr', type: 'service_request', children: [{ id: 'payroll', name: 'Payroll question' }] },
    { id: 'general', name: 'Something else' },
  ],
} satisfies ServiceDeskConfigInput;

/** The catalog configuration, optionally with routing rules (and other overrides). */
export function catalogConfig(overrides: Partial<ServiceDeskConfigInput> = {}): ServiceDeskConfig {
  return parseConfig({ ...catalogConfigInput, ...overrides });
}
