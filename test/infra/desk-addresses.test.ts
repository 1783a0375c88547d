import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import rawConfig from '#config';
import { parseConfig } from '../../shared/config/define-config.ts';
import { receivingAddresses } from '../../shared/email/desk-addresses.ts';
import { buildTestApp, SYNTH_TIMEOUT_MS, type TemplateValue } from './build-test-app.ts';

// The shipped desks, with HR's address moved to a domain of its own.
const config = structuredClone(rawConfig) as typeof rawConfig & { email: { otherDomains?: string[] }; desks: { id: string; email?: { addresses: string[] } }[] };
config.email.otherDomains = ['people.example.com'];
config.desks = config.desks.map((desk) => (desk.id === 'hr' ? { ...desk, email: { ...desk.email, addresses: ['hr@people.example.com'] } } : desk));
const addresses = receivingAddresses(parseConfig(config));
const domainOf = (address: string) => address.slice(address.indexOf('@') + 1);

let stateful: Template;
let service: Template;

beforeAll(() => {
  const built = buildTestApp({ skipBundling: true, config });
  stateful = Template.fromStack(built.stateful);
  service = Template.fromStack(built.service);
}, SYNTH_TIMEOUT_MS);

describe("desks' own addresses", () => {
  it('are what the example configures: support@ desk-wide, then IT, HR and Facilities', () => {
    expect(receivingAddresses(parseConfig(rawConfig))).toEqual(['support@desk.example.com', 'it@desk.example.com', 'hr@desk.example.com', 'facilities@desk.example.com']);
    expect(addresses).toContain('hr@people.example.com');
  });

  it("are received: the receipt rule's recipients cover the domain of every configured address", () => {
    const rules = Object.values(stateful.findResources('AWS::SES::ReceiptRule')) as { Properties: { Rule: { Recipients: string[] } } }[];
    expect(rules).toHaveLength(1);
    const recipients = rules[0]!.Properties.Rule.Recipients;
    expect(recipients).toEqual(['desk.example.com', 'people.example.com']);
    for (const address of addresses) expect(recipients).toContain(domainOf(address));
  });

  it('may each be sent from by the mail sender, and nothing else', () => {
    const sender = Object.entries(service.findResources('AWS::Lambda::Function', { Properties: { FunctionName: 'service-desk-test-notifications' } }))[0]!;
    const role = (sender[1].Properties as TemplateValue).Role['Fn::GetAtt'][0] as string;
    const policies = service.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([{ Ref: role }]) } });
    const statements = Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: TemplateValue }[]);
    const ses = statements.filter((statement) => [statement.Action].flat().some((action) => action.startsWith('ses:')));
    expect(ses.map((statement) => statement.Action)).toEqual(['ses:SendRawEmail']);
    const identities = [ses[0]!.Resource].flat().map((resource: TemplateValue) => JSON.stringify(resource).match(/identity\/([^"]+)"/)?.[1]);
    expect(identities.sort()).toEqual([...addresses, 'desk.example.com', 'people.example.com'].sort());
  });
});
