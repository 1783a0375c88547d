import { parseConfig } from '../../../shared/config/define-config.ts';
import type { DeskConfig } from '../../../shared/config/config-schema.ts';

export const AGENTS = ['ann@example.com', 'ben@example.com', 'cat@example.com', 'dan@example.com'];

/** A desk with one level per assignment method, all worked by the same four agents. */
export const assignmentConfig = parseConfig({
  ticketKeyPrefix: 'AS',
  defaultDesk: 'ops',
  users: [
    { email: 'root@example.com', name: 'Root Admin', role: 'admin' },
    { email: 'mia@example.com', name: 'Mia Manager', role: 'manager' },
    { email: 'ola@example.com', name: 'Ola Manager', role: 'manager' },
    ...AGENTS.map((email) => ({ email, name: email.split('@')[0]!, role: 'agent' as const })),
    { email: 'eve@example.com', name: 'Eve Elsewhere', role: 'agent' },
  ],
  desks: [
    {
      id: 'ops',
      name: 'Operations',
      managers: ['mia@example.com'],
      levels: [
        { id: 'rr', name: 'Rotation', members: AGENTS, assignment: 'round_robin' },
        { id: 'wl', name: 'Workload', members: AGENTS, assignment: 'workload' },
        { id: 'free', name: 'Free', members: AGENTS, assignment: 'free' },
        { id: 'manual', name: 'Manual', members: AGENTS, assignment: 'manual' },
      ],
    },
    {
      id: 'other',
      name: 'Other',
      managers: ['ola@example.com'],
      levels: [{ id: 'l1', name: 'Level 1', members: ['eve@example.com'] }],
    },
  ],
});

export const opsDesk: DeskConfig = assignmentConfig.desks[0]!;
