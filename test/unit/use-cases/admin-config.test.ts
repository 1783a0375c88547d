import { describe, expect, it } from 'vitest';
import rawConfig from '../../../servicedesk.config.ts';
import type { Principal } from '../../../shared/auth/principal.ts';
import { SCOPES } from '../../../shared/auth/scopes.ts';
import { parseConfig } from '../../../shared/config/define-config.ts';
import { ForbiddenError } from '../../../shared/errors.ts';
import { adminConfigResponseSchema } from '../../../shared/http/admin-config-schemas.ts';
import { getAdminConfig } from '../../../shared/use-cases/get-admin-config.ts';

const SECRET_NAME = 'prod/entra-client-secret-4711';
const CLIENT_ID = 'client-id-0b6f2e';

const config = parseConfig({
  ...rawConfig,
  users: rawConfig.users!.map((user) => (user.email === 'alice.agent@example.com' ? { ...user, signature: 'Alice Agent\nIT Service Desk' } : user)),
  email: { ...rawConfig.email!, receiptRuleSet: 'shared-rules', templates: { acknowledgement: { text: 'Template text 93af' } } },
  signIn: {
    selfSignUpDomains: ['example.org'],
    identityProviders: [
      { id: 'Entra', name: 'Sign in with Entra ID', type: 'oidc', issuerUrl: 'https://login.example.com/tenant/v2.0', clientId: CLIENT_ID, clientSecretName: SECRET_NAME, emailDomains: ['corp.example.com'] },
      { id: 'Okta', name: 'Okta', type: 'saml', metadataUrl: 'https://okta.example.com/metadata.xml' },
    ],
  },
});

const person = (roles: ('admin' | 'manager' | 'agent')[]): Principal => ({ kind: 'user', sub: 'x', email: 'someone@example.com', roles });

describe('the configuration as an admin reads it', () => {
  const { config: view } = getAdminConfig({ config }, person(['admin']));

  it('is for admins only: staff of other roles, requesters and machine clients are refused', () => {
    for (const principal of [person(['agent']), person(['manager']), person([]), { kind: 'client', clientId: 'c', scopes: [SCOPES.ticketsRead, SCOPES.ticketsWrite] } as Principal]) {
      expect(() => getAdminConfig({ config }, principal)).toThrow(ForbiddenError);
    }
  });

  it('matches the response schema of the OpenAPI document', () => {
    expect(adminConfigResponseSchema.parse({ config: view })).toEqual({ config: view });
  });

  it('lists desks with their levels, members and assignment, and staff with their signatures', () => {
    expect(view.desks.find((desk) => desk.id === 'hr')).toEqual({
      id: 'hr',
      name: 'HR',
      restricted: true,
      managers: ['hugo.hr@example.com'],
      levels: [{ id: 'l1', name: 'HR Team', members: ['hana.hr@example.com', 'henry.hr@example.com'], assignment: 'round_robin' }],
    });
    expect(view.desks.find((desk) => desk.id === 'facilities')!.escalateTo).toBe('it');
    expect(view.staff).toContainEqual({ email: 'alice.agent@example.com', name: 'Alice Agent', role: 'agent', signature: 'Alice Agent\nIT Service Desk' });
  });

  it('gives each catalog node its inherited desk and level, its form, and its approvals with their approvers', () => {
    const laptop = view.catalog
      .find((node) => node.id === 'it')!
      .children.find((node) => node.id === 'it-hardware')!
      .children.find((node) => node.id === 'it-hardware-laptop')!;
    expect(laptop).toMatchObject({ desk: 'it', level: 'l1', type: 'service_request' });
    expect(laptop.form.map((field) => field.id)).toEqual(['model', 'neededBy']);
    expect(laptop.approvals).toEqual([
      { kind: 'requester_manager', label: expect.stringContaining("requester's manager"), approvers: [] },
      { kind: 'group', label: 'Approval by Software approvers', group: 'software-approvers', approvers: ['admin@example.com', 'sam.security@example.org'] },
    ]);
    expect(view.catalog.find((node) => node.id === 'hr')!.children[0]).toMatchObject({ id: 'hr-payroll', desk: 'hr', level: 'l1', type: 'service_request' });
  });

  it('gives SLA targets in working minutes, calendars with hours and holidays, and the routing rules', () => {
    expect(view.slaPolicies.find((policy) => policy.id === 'it-standard')).toMatchObject({
      calendar: 'office',
      targets: { firstResponse: 240, nextResponse: 480, resolution: 1440 },
      pauseOn: ['pending', 'on_hold'],
    });
    expect(view.calendars.find((calendar) => calendar.id === 'office')).toMatchObject({ timeZone: 'Europe/Berlin', holidays: { country: 'DE', state: 'BE', dates: ['2026-12-24', '2026-12-31'] } });
    expect(view.routingRules.map((rule) => rule.id)).toEqual(['major-incident', 'vip-to-l2']);
  });

  it("keeps out every secret and what is not the screen's: client ids, secret names, the rule set, templates, the directory", () => {
    const text = JSON.stringify(view);
    for (const kept of [SECRET_NAME, CLIENT_ID, 'clientSecretName', 'clientId', 'shared-rules', 'Template text 93af', 'mark.lead@example.org', 'Cora Chief']) expect(text).not.toContain(kept);
    expect(view.email).toEqual({
      address: 'support@desk.example.com',
      name: 'Example Service Desk',
      maxAutomaticRepliesPerHour: 5,
      retainRawMailDays: 365,
      attachments: { maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 25 * 1024 * 1024, maxCount: 20 },
    });
    expect(view.signIn.identityProviders).toEqual([
      { id: 'Entra', name: 'Sign in with Entra ID', type: 'oidc', issuerUrl: 'https://login.example.com/tenant/v2.0', emailDomains: ['corp.example.com'] },
      { id: 'Okta', name: 'Okta', type: 'saml', metadataUrl: 'https://okta.example.com/metadata.xml', emailDomains: [] },
    ]);
  });
});
