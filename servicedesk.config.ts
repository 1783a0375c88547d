import { defineConfig } from './shared/config/define-config.ts';

/**
 * The service desk's configuration as code: validated at `cdk synth`, at `npm start` and when a
 * function starts. The demo organisation below is what `npm start` seeds; replace it with yours.
 */
export default defineConfig({
  ticketKeyPrefix: 'SD',
  defaultDesk: 'it',
  users: [
    { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' },
    { email: 'maria.manager@example.com', name: 'Maria Manager', role: 'manager' },
    { email: 'alice.agent@example.com', name: 'Alice Agent', role: 'agent' },
    { email: 'bob.agent@example.com', name: 'Bob Agent', role: 'agent' },
    { email: 'hana.hr@example.com', name: 'Hana HR', role: 'agent' },
    { email: 'frank.facilities@example.com', name: 'Frank Facilities', role: 'agent' },
  ],
  desks: [
    {
      id: 'it',
      name: 'IT Service Desk',
      managers: ['maria.manager@example.com'],
      levels: [
        { id: 'l1', name: 'Level 1', members: ['alice.agent@example.com'] },
        { id: 'l2', name: 'Level 2', members: ['bob.agent@example.com'] },
      ],
    },
    {
      id: 'hr',
      name: 'HR',
      levels: [{ id: 'l1', name: 'Level 1', members: ['hana.hr@example.com'] }],
    },
    {
      id: 'facilities',
      name: 'Facilities',
      managers: ['maria.manager@example.com'],
      levels: [{ id: 'l1', name: 'Level 1', members: ['frank.facilities@example.com'] }],
    },
  ],
});
