import { beforeAll, describe, expect, it } from 'vitest';
import { stackResources, SYNTH_TIMEOUT_MS, type StackKind, type TemplateResource, type TemplateValue, TEST_ENV } from './build-test-app.ts';

type Resource = TemplateResource;
type Kind = StackKind;
type Statement = { Effect: string; Action: string | string[]; Resource?: unknown; Principal?: unknown };

/** Stands for each function of the desk: its role, and its own log group in a resource. */
const EVERY_FUNCTION = '<each function>';
const OWN_LOG_GROUP = '<its log group>';

const { account, region } = TEST_ENV;
const MAIL_BUCKET = `arn:aws:s3:::service-desk-test-mail-${account}-${region}`;
/** CDK's BucketDeployment handler (one per stack and memory size), which copies the web app at deploy time. */
const WEB_DEPLOYMENT = 'CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiB';
const WEB_DEPLOYMENT_BUCKET_ACTIONS = [
  's3:Abort*',
  's3:DeleteObject*',
  's3:GetBucket*',
  's3:GetObject*',
  's3:List*',
  's3:PutObject',
  's3:PutObjectLegalHold',
  's3:PutObjectRetention',
  's3:PutObjectTagging',
  's3:PutObjectVersionTagging',
];
const UPLOAD_BUCKET = `arn:aws:s3:::service-desk-test-uploads-${account}-${region}`;

interface AllowedWildcard {
  stack: Kind;
  /** A function (its construct id), EVERY_FUNCTION, another role (construct id), or a service principal of a resource policy. */
  grantee: string;
  actions: string[];
  resource: string;
  reason: string;
}

/**
 * Every Allow statement whose resource has a wildcard, and why it cannot be narrower. The README's
 * "IAM wildcards" list says the same; change both together.
 */
const ALLOWED_WILDCARDS: AllowedWildcard[] = [
  {
    stack: 'Service',
    grantee: EVERY_FUNCTION,
    actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    resource: `arn:aws:logs:${region}:${account}:log-group:${OWN_LOG_GROUP}:*`,
    reason: "Lambda names a log stream per execution environment at run time; the pattern covers the streams of the function's own log group only.",
  },
  {
    stack: 'Service',
    grantee: 'TicketChanges',
    actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'],
    resource: `arn:aws:scheduler:${region}:${account}:schedule/service-desk-test-sla/*`,
    reason: "SLA schedules are named per ticket, clock and threshold at run time; the pattern covers the desk's SLA schedule group only.",
  },
  {
    stack: 'Service',
    grantee: 'SlaTimerSweep',
    actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'],
    resource: `arn:aws:scheduler:${region}:${account}:schedule/service-desk-test-sla/*`,
    reason: "The daily sweep recreates missing SLA schedules and deletes stale ones, named per ticket at run time; the desk's SLA schedule group only.",
  },
  {
    stack: 'Service',
    grantee: 'SlaTimerSweep',
    actions: ['scheduler:ListSchedules'],
    resource: '*',
    reason: 'ListSchedules has no resource-level permissions; the daily sweep lists schedule names by prefix, nothing more.',
  },
  {
    stack: 'Service',
    grantee: 'EmailIntakeHandler',
    actions: ['s3:GetObject'],
    resource: `${MAIL_BUCKET}/inbound/*`,
    reason: 'SES names each stored mail itself; the intake reads the inbound/ prefix of the mail bucket only.',
  },
  {
    stack: 'Service',
    grantee: 'GetAttachment',
    actions: ['s3:GetObject'],
    resource: `${MAIL_BUCKET}/attachments/*`,
    reason: 'Download links name one attachment each, chosen per request after the access check; the attachments/ prefix of the mail bucket only.',
  },
  {
    stack: 'Service',
    grantee: 'EmailIntakeHandler',
    actions: ['s3:PutObject'],
    resource: `${MAIL_BUCKET}/attachments/*`,
    reason: "Attachment keys are derived from each mail's Message-ID; the intake writes the attachments/ prefix of the mail bucket only.",
  },
  {
    stack: 'Service',
    grantee: 'CreateUpload',
    actions: ['s3:PutObject'],
    resource: `${UPLOAD_BUCKET}/uploads/*`,
    reason: "The upload forms it signs act with its rights: each names one key under the caller's own uploads/ prefix, made per request; uploads/ only.",
  },
  ...(['CreateTicket', 'AddComment'] as const).flatMap((grantee): AllowedWildcard[] => [
    {
      stack: 'Service',
      grantee,
      actions: ['s3:DeleteObject', 's3:GetObject'],
      resource: `${UPLOAD_BUCKET}/uploads/*`,
      reason: "Attaching reads the uploads a request names under the caller's prefix (HeadObject, the copy's source) and deletes them; uploads/ only.",
    },
    {
      stack: 'Service',
      grantee,
      actions: ['s3:PutObject'],
      resource: `${MAIL_BUCKET}/attachments/*`,
      reason: 'Attaching copies each upload to a key derived from its id; the attachments/ prefix of the mail bucket only.',
    },
  ]),
  {
    stack: 'Stateful',
    grantee: 'PreSignUp',
    actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    resource: `arn:aws:logs:${region}:${account}:log-group:${OWN_LOG_GROUP}:*`,
    reason: "Lambda names a log stream per execution environment at run time; the pattern covers the streams of the trigger's own log group only.",
  },
  {
    stack: 'Service',
    grantee: 'cloudfront.amazonaws.com',
    actions: ['s3:GetObject'],
    resource: '{WebBucket.Arn}/*',
    reason: "Origin access control: CloudFront reads the web app's files for this distribution only (AWS:SourceArn); the files are named by each build.",
  },
  {
    stack: 'Service',
    grantee: WEB_DEPLOYMENT,
    actions: WEB_DEPLOYMENT_BUCKET_ACTIONS,
    resource: '{WebBucket.Arn}/*',
    reason: "CDK's deployment handler replaces the web app's files with each build's at deploy time; the web bucket only.",
  },
  {
    stack: 'Service',
    grantee: WEB_DEPLOYMENT,
    actions: ['s3:GetBucket*', 's3:GetObject*', 's3:List*'],
    resource: `arn:aws:s3:::cdk-hnb659fds-assets-${account}-${region}/*`,
    reason: "CDK's deployment handler reads the build's zipped assets, named by their hash, from the bootstrap asset bucket.",
  },
  {
    stack: 'Service',
    grantee: WEB_DEPLOYMENT,
    actions: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'],
    resource: '*',
    reason: "CDK grants its deployment handler invalidations on every distribution; it invalidates the web app's only, at deploy time.",
  },
  {
    stack: 'Stateful',
    grantee: 'ses.amazonaws.com',
    actions: ['s3:PutObject'],
    resource: '{EmailIntakeRawMail.Arn}/inbound/*',
    reason: 'The SES receipt rule stores each mail under a name it chooses; SES of this account only (aws:SourceAccount), inbound/ prefix only.',
  },
];

const resources = {} as Record<Kind, Record<string, Resource>>;

beforeAll(() => {
  Object.assign(resources, stackResources());
}, SYNTH_TIMEOUT_MS);

/** `CreateTicketRole1A2B3C4D` -> `CreateTicketRole`: logical ids without the hash CDK appends. */
function constructId(logicalId: string): string {
  return logicalId.replace(/[0-9A-F]{8}$/, '');
}

/** A policy resource as readable text: intrinsics become `{Id.Attribute}`, a log group's ARN ends in `:*` as it does in AWS. */
function render(kind: Kind, value: unknown): string {
  if (typeof value === 'string') return value;
  const intrinsic = value as Record<string, TemplateValue>;
  if (intrinsic.Ref) return String(intrinsic.Ref).startsWith('AWS::') ? `{${intrinsic.Ref}}` : `{${constructId(intrinsic.Ref)}}`;
  if (intrinsic['Fn::Join']) return (intrinsic['Fn::Join'][1] as unknown[]).map((part) => render(kind, part)).join(intrinsic['Fn::Join'][0]);
  if (intrinsic['Fn::GetAtt']) {
    const [id, attribute] = intrinsic['Fn::GetAtt'] as [string, string];
    if (resources[kind][id]?.Type === 'AWS::Logs::LogGroup' && attribute === 'Arn') return `arn:aws:logs:${region}:${account}:log-group:{${constructId(id)}}:*`;
    return `{${constructId(id)}.${attribute}}`;
  }
  if (intrinsic['Fn::GetStackOutput']) return `{output ${intrinsic['Fn::GetStackOutput'].OutputName}}`;
  return JSON.stringify(value);
}

/** The function (construct id) that runs with each role, by the role's logical id. */
function functionsByRole(kind: Kind): Map<string, string> {
  const byRole = new Map<string, string>();
  for (const [id, resource] of Object.entries(resources[kind])) {
    const role = resource.Properties?.Role?.['Fn::GetAtt']?.[0];
    if (resource.Type === 'AWS::Lambda::Function' && role) byRole.set(role, constructId(id));
  }
  return byRole;
}

/** Every Allow statement of both stacks, identity and resource policies alike, with who it is granted to. */
function allowStatements(): { stack: Kind; grantee: string; statement: Statement }[] {
  return (['Stateful', 'Service'] as const).flatMap((kind) => {
    const functionOf = functionsByRole(kind);
    const granteeOfRole = (roleRef: { Ref: string }) => functionOf.get(roleRef.Ref) ?? constructId(roleRef.Ref);
    return Object.entries(resources[kind]).flatMap(([id, resource]) => {
      const documents: { grantees: string[]; statements: Statement[] }[] = [];
      if (resource.Type === 'AWS::IAM::Role') {
        for (const policy of resource.Properties.Policies ?? []) documents.push({ grantees: [granteeOfRole({ Ref: id })], statements: policy.PolicyDocument.Statement });
      } else if (resource.Properties?.PolicyDocument) {
        const roles: { Ref: string }[] | undefined = resource.Properties.Roles;
        documents.push({ grantees: roles ? roles.map(granteeOfRole) : [], statements: resource.Properties.PolicyDocument.Statement });
      }
      return documents.flatMap(({ grantees, statements }) =>
        statements
          .filter((statement) => statement.Effect === 'Allow')
          .flatMap((statement) => {
            // A resource policy names its grantee in the statement.
            const principal = statement.Principal as { Service?: string; AWS?: string } | undefined;
            const who = principal ? [principal.Service ?? principal.AWS ?? JSON.stringify(principal)] : grantees;
            return who.map((grantee) => ({ stack: kind, grantee, statement }));
          }),
      );
    });
  });
}

/** One line per grant of a wildcard resource: stack | grantee | actions | resource. */
function wildcardGrants(): string[] {
  return allowStatements()
    .flatMap(({ stack, grantee, statement }) =>
      [statement.Resource]
        .flat()
        .map((resource) => render(stack, resource))
        .filter((resource) => resource.includes('*'))
        .map((resource) => `${stack} | ${grantee} | ${[statement.Action].flat().sort().join(',')} | ${resource.replace(`{${grantee}Logs}`, OWN_LOG_GROUP)}`),
    )
    .sort();
}

/** Wildcard actions are CDK's own, of its deploy-time handler: the action groups it grants itself. */
const ALLOWED_WILDCARD_ACTIONS = new Set(['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*'].map((action) => `Service | ${WEB_DEPLOYMENT} | ${action}`));

/** The desk's own functions (named `service-desk-<stage>-...`), not CDK's deploy-time helpers. */
function deskFunctionIds(kind: Kind): string[] {
  return Object.entries(resources[kind])
    .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function' && String(resource.Properties.FunctionName ?? '').startsWith('service-desk-test-'))
    .map(([id]) => constructId(id));
}

function allowedGrants(): string[] {
  const functions = deskFunctionIds('Service');
  return ALLOWED_WILDCARDS.flatMap((entry) =>
    (entry.grantee === EVERY_FUNCTION ? functions : [entry.grantee]).map((grantee) => `${entry.stack} | ${grantee} | ${[...entry.actions].sort().join(',')} | ${entry.resource}`),
  ).sort();
}

describe('IAM wildcards', () => {
  it('finds the functions and the statements it checks', () => {
    expect(functionsByRole('Service').size).toBeGreaterThan(0);
    expect(allowStatements().length).toBeGreaterThan(functionsByRole('Service').size);
  });

  it('allows a wildcard resource exactly where the allow-list says why', () => {
    expect(wildcardGrants()).toEqual(allowedGrants());
  });

  it('gives every allow-list entry a reason', () => {
    for (const entry of ALLOWED_WILDCARDS) expect(entry.reason.length, entry.resource).toBeGreaterThan(20);
  });

  it("allows no wildcard action but CDK's deployment handler's own", () => {
    const wildcardActions = allowStatements().flatMap(({ stack, grantee, statement }) =>
      [statement.Action]
        .flat()
        .filter((action) => action.includes('*'))
        .map((action) => `${stack} | ${grantee} | ${action}`),
    );
    expect(wildcardActions.filter((action) => !ALLOWED_WILDCARD_ACTIONS.has(action))).toEqual([]);
  });

  it('finds the wildcard in a log group ARN, which CloudFormation writes without one', () => {
    expect(wildcardGrants().some((grant) => grant.includes(`log-group:${OWN_LOG_GROUP}:*`))).toBe(true);
  });
});

describe('with X-Ray tracing (-c tracing=active)', () => {
  let traced: Record<string, Resource>;
  beforeAll(() => {
    traced = stackResources({ context: { tracing: 'active' } }).Service;
  }, SYNTH_TIMEOUT_MS);

  it('traces every function, and adds only the trace uploads to the wildcards (X-Ray has no resource-level permissions)', () => {
    const functions = Object.values(traced).filter((resource) => resource.Type === 'AWS::Lambda::Function' && String(resource.Properties.FunctionName ?? '').startsWith('service-desk-test-'));
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    const starResources = Object.values(traced)
      .filter((resource) => resource.Type === 'AWS::IAM::Policy')
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[])
      .filter((statement) => statement.Effect === 'Allow' && [statement.Resource].flat().includes('*'));
    expect(new Set(starResources.flatMap((statement) => [statement.Action].flat()))).toEqual(
      new Set(['xray:PutTelemetryRecords', 'xray:PutTraceSegments', 'scheduler:ListSchedules', 'cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation']),
    );
  });
});
