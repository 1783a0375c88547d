import { defineConfig } from './shared/config/define-config.ts';

/**
 * The service desk's configuration as code: validated at `cdk synth` (the functions carry the
 * validated result) and at `npm start`. The example organisation below (IT, HR, Facilities) is
 * what `npm start` loads; replace it with yours.
 */
export default defineConfig({
  ticketKeyPrefix: 'SD',
  defaultDesk: 'it',
  // The desk-wide address; IT, HR and Facilities have their own below (desks[].email).
  email: { address: 'support@desk.example.com', name: 'Example Service Desk' },

  // Requesters on these domains sign themselves up for the portal; others are invited by the desk.
  signIn: { selfSignUpDomains: ['example.org'] },

  // Staff: the Cognito group gives the role, this list gives names and desk membership.
  users: [
    { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' },
    { email: 'maria.manager@example.com', name: 'Maria Manager', role: 'manager' },
    { email: 'hugo.hr@example.com', name: 'Hugo HR Manager', role: 'manager' },
    { email: 'alice.agent@example.com', name: 'Alice Agent', role: 'agent' },
    { email: 'dan.agent@example.com', name: 'Dan Agent', role: 'agent' },
    { email: 'bob.agent@example.com', name: 'Bob Agent', role: 'agent' },
    { email: 'eve.agent@example.com', name: 'Eve Agent', role: 'agent' },
    // On HR's tickets Hana signs as HR; a signature without a desk would end her replies everywhere else.
    { email: 'hana.hr@example.com', name: 'Hana HR', role: 'agent', deskSignatures: { hr: 'Hana HR\nHuman Resources, room 2.14' } },
    { email: 'henry.hr@example.com', name: 'Henry HR', role: 'agent' },
    { email: 'frank.facilities@example.com', name: 'Frank Facilities', role: 'agent' },
    { email: 'fiona.facilities@example.com', name: 'Fiona Facilities', role: 'agent' },
    { email: 'femi.facilities@example.com', name: 'Femi Facilities', role: 'agent' },
    { email: 'fatima.facilities@example.com', name: 'Fatima Facilities', role: 'agent' },
  ],

  desks: [
    {
      id: 'it',
      name: 'IT Service Desk',
      email: { addresses: ['it@desk.example.com'] },
      managers: ['maria.manager@example.com'],
      levels: [
        // First line picks from the queue; second line gets work by load.
        { id: 'l1', name: 'Level 1', members: ['alice.agent@example.com', 'dan.agent@example.com'], assignment: 'free' },
        { id: 'l2', name: 'Level 2', members: ['bob.agent@example.com', 'eve.agent@example.com'], assignment: 'workload' },
      ],
    },
    {
      id: 'hr',
      name: 'HR',
      // Personal matters: only HR staff and the requester see these tickets.
      restricted: true,
      // Mail to hr@ opens an HR ticket; HR's replies come from hr@ as Example HR.
      email: { addresses: ['hr@desk.example.com'], name: 'Example HR', signature: 'Example HR: personal matters stay between you and HR.' },
      managers: ['hugo.hr@example.com'],
      levels: [{ id: 'l1', name: 'HR Team', members: ['hana.hr@example.com', 'henry.hr@example.com'], assignment: 'round_robin' }],
    },
    {
      id: 'facilities',
      name: 'Facilities',
      email: { addresses: ['facilities@desk.example.com'], name: 'Example Facilities' },
      managers: ['maria.manager@example.com'],
      escalateTo: 'it',
      levels: [
        {
          id: 'l1',
          name: 'Caretakers',
          members: ['frank.facilities@example.com', 'fiona.facilities@example.com', 'femi.facilities@example.com', 'fatima.facilities@example.com'],
          assignment: 'round_robin',
        },
        { id: 'l2', name: 'Building management', members: ['maria.manager@example.com'], assignment: 'manual' },
      ],
    },
  ],

  // What the desk knows about requesters: VIPs, organisations, locations and their managers.
  directory: [
    { email: 'ceo@example.org', name: 'Cora Chief', organisation: 'Executive', location: 'HQ', vip: true },
    { email: 'jane@example.org', name: 'Jane Doe', organisation: 'Sales', location: 'Berlin', manager: 'mark.lead@example.org' },
    { email: 'rita@example.org', name: 'Rita Requester', organisation: 'Finance', location: 'HQ', manager: 'mark.lead@example.org' },
    { email: 'mark.lead@example.org', name: 'Mark Lead', organisation: 'Sales', location: 'Berlin' },
  ],

  groups: [{ id: 'software-approvers', name: 'Software approvers', members: ['admin@example.com', 'sam.security@example.org'] }],

  catalog: [
    {
      id: 'it',
      name: 'IT',
      desk: 'it',
      children: [
        {
          id: 'it-access',
          name: 'Access',
          children: [
            {
              id: 'it-access-request',
              name: 'Request system access',
              type: 'service_request',
              form: [
                { id: 'system', label: 'System', type: 'choice', required: true, options: ['ERP', 'CRM', 'Data warehouse'] },
                { id: 'accessLevel', label: 'Access level', type: 'choice', options: ['read', 'write'], default: 'read' },
                { id: 'justification', label: 'Why do you need it?', type: 'text', required: true, min: 10, max: 2000 },
              ],
              approval: [{ kind: 'requester_manager' }],
            },
            { id: 'it-access-password', name: 'Password reset', type: 'incident', priority: 'P3', pinned: true, description: 'Locked out or forgot your password' },
          ],
        },
        {
          id: 'it-hardware',
          name: 'Hardware',
          children: [
            {
              id: 'it-hardware-laptop',
              name: 'New laptop',
              type: 'service_request',
              form: [
                { id: 'model', label: 'Model', type: 'choice', required: true, options: ['14-inch', '16-inch'] },
                { id: 'neededBy', label: 'Needed by', type: 'date', help: 'The first working day you need it' },
              ],
              approval: [{ kind: 'requester_manager' }, { kind: 'group', group: 'software-approvers' }],
            },
            {
              id: 'it-hardware-broken',
              name: 'Broken device',
              pinned: true,
              type: 'incident',
              priority: 'P2',
              form: [{ id: 'assetTag', label: 'Asset tag', type: 'asset', required: true, help: 'On the sticker under the device' }],
            },
          ],
        },
        { id: 'it-sla-demo', name: 'SLA demo (2-minute first response)', type: 'incident', description: 'Try the SLA timers: warned at 75%, breached at 2 minutes' },
        {
          id: 'it-software-install',
          name: 'Install software',
          type: 'service_request',
          form: [{ id: 'software', label: 'Software and version', type: 'text', required: true }],
          approval: [{ kind: 'group', group: 'software-approvers' }],
        },
      ],
    },
    {
      id: 'hr',
      name: 'HR',
      desk: 'hr',
      type: 'service_request',
      children: [
        { id: 'hr-payroll', name: 'Payroll question' },
        {
          id: 'hr-leave',
          name: 'Special leave',
          form: [
            { id: 'from', label: 'From', type: 'date', required: true },
            { id: 'until', label: 'Until', type: 'date', required: true },
          ],
          approval: [{ kind: 'requester_manager' }],
        },
      ],
    },
    {
      id: 'facilities',
      name: 'Facilities',
      desk: 'facilities',
      children: [
        {
          id: 'facilities-repair',
          name: 'Something is broken',
          type: 'incident',
          form: [
            { id: 'room', label: 'Room', type: 'text', required: true },
            { id: 'floor', label: 'Floor', type: 'number', min: -2, max: 20 },
          ],
        },
        { id: 'facilities-move', name: 'Desk move', type: 'service_request' },
      ],
    },
  ],

  // Working hours that SLA targets count in.
  calendars: [
    {
      id: 'office',
      timeZone: 'Europe/Berlin',
      hours: { mon: [['08:00', '18:00']], tue: [['08:00', '18:00']], wed: [['08:00', '18:00']], thu: [['08:00', '18:00']], fri: [['08:00', '16:00']] },
      holidays: { country: 'DE', state: 'BE', dates: ['2026-12-24', '2026-12-31'] },
    },
    { id: 'always', timeZone: 'UTC', hours: '24x7' },
  ],

  // Evaluated in order; the first policy whose conditions all hold sets the targets.
  slaPolicies: [
    {
      id: 'sla-demo',
      name: 'Demo: minutes, round the clock',
      when: { catalog: ['it-sla-demo'] },
      calendar: 'always',
      targets: { firstResponse: '2m', resolution: '10m' },
      thresholds: [
        { percent: 75, actions: [{ kind: 'notify', to: ['assignee'] }] },
        {
          percent: 100,
          actions: [
            { kind: 'notify', to: ['desk_managers'] },
            { kind: 'set_priority', priority: 'P1' },
          ],
        },
      ],
    },
    {
      id: 'it-major',
      name: 'IT P1, round the clock',
      when: { desks: ['it'], priorities: ['P1'] },
      calendar: 'always',
      targets: { firstResponse: '30m', nextResponse: '1h', resolution: '4h' },
      thresholds: [
        { percent: 75, actions: [{ kind: 'notify', to: ['assignee', 'desk_managers'] }] },
        { percent: 90, actions: [{ kind: 'escalate' }] },
        { percent: 100, actions: [{ kind: 'notify', to: ['desk_managers'] }] },
      ],
    },
    {
      id: 'it-standard',
      name: 'IT, office hours',
      when: { desks: ['it'] },
      calendar: 'office',
      targets: { firstResponse: '4h', nextResponse: '8h', resolution: '24h' },
      thresholds: [
        { percent: 75, actions: [{ kind: 'notify', to: ['assignee'] }] },
        {
          percent: 100,
          actions: [
            { kind: 'notify', to: ['assignee', 'desk_managers'] },
            { kind: 'set_priority', priority: 'P2' },
          ],
        },
      ],
    },
    {
      id: 'facilities',
      name: 'Facilities, office hours',
      when: { desks: ['facilities'] },
      calendar: 'office',
      targets: { firstResponse: '8h', resolution: '40h' },
      thresholds: [
        { percent: 90, actions: [{ kind: 'notify', to: ['level_members'] }] },
        { percent: 100, actions: [{ kind: 'escalate' }] },
      ],
    },
  ],

  // Evaluated in order; the first rule whose conditions all hold wins.
  routingRules: [
    {
      id: 'major-incident',
      description: 'Outages go to second line at once',
      when: { subjectKeywords: ['outage', 'down for everyone'] },
      then: { desk: 'it', level: 'l2', priority: 'P1', tags: ['major-incident'] },
    },
    {
      id: 'vip-to-l2',
      description: 'VIP IT requests skip the first line',
      when: { vip: true, catalog: ['it'] },
      then: { level: 'l2', tags: ['vip'] },
    },
  ],
});
