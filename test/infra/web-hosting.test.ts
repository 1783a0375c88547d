import { runInNewContext } from 'node:vm';
import { App, Stack } from 'aws-cdk-lib';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { UserPool, UserPoolClientIdentityProvider } from 'aws-cdk-lib/aws-cognito';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_THROTTLE } from '../../infra/service-stack.ts';
import { stageSettings } from '../../infra/stage.ts';
import { SPA_ROUTING_CODE, WebAppBuildMissingError, WebHosting } from '../../infra/web-hosting.ts';
import { REACT_ARIA_PRESS_STYLE_SOURCE } from '../../infra/web-security-headers.ts';
import { buildTestApp, SYNTH_TIMEOUT_MS, testWebAppDirectory, TEST_ENV, type TemplateResource, type TemplateValue } from './build-test-app.ts';

/** CloudFront's managed policies, by the ids its documentation gives. */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

let template: Template;
let resources: Record<string, TemplateResource>;

beforeAll(() => {
  const { service } = buildTestApp({ skipBundling: true });
  template = Template.fromStack(service);
  resources = template.toJSON().Resources;
}, SYNTH_TIMEOUT_MS);

const idOf = (type: string, prefix: string): string => {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  expect(ids, `${type} ${prefix}`).toHaveLength(1);
  return ids[0]!;
};
const distributionConfig = (): Record<string, TemplateValue> => resources[idOf('AWS::CloudFront::Distribution', 'WebDistribution')]!.Properties.DistributionConfig;
const distributionDomain = () => ({ 'Fn::GetAtt': [idOf('AWS::CloudFront::Distribution', 'WebDistribution'), 'DomainName'] });
const onDistribution = (path: string) => ({ 'Fn::Join': ['', ['https://', distributionDomain(), path]] });

/** A CloudFormation string with its references written as `{...}`, to read whole policies. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  const intrinsic = value as Record<string, TemplateValue>;
  if (intrinsic['Fn::Join']) return (intrinsic['Fn::Join'][1] as unknown[]).map(text).join(intrinsic['Fn::Join'][0]);
  if (intrinsic['Fn::GetStackOutput'])
    return `{${String(intrinsic['Fn::GetStackOutput'].OutputName)
      .replace(/^PublishOutputRef/, '')
      .replace(/[0-9A-F]{16}$/, '')}}`;
  if (intrinsic.Ref) return `{${intrinsic.Ref}}`;
  return JSON.stringify(value);
}

describe('web bucket', () => {
  it('is private, encrypted and TLS-only, readable by this distribution alone through origin access control', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    const bucket = idOf('AWS::S3::Bucket', 'WebBucket');
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucket },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
    const origin = distributionConfig().Origins.find((o: TemplateValue) => o.S3OriginConfig);
    expect(origin).toMatchObject({
      DomainName: { 'Fn::GetAtt': [bucket, 'RegionalDomainName'] },
      OriginAccessControlId: { 'Fn::GetAtt': [idOf('AWS::CloudFront::OriginAccessControl', 'WebDistributionOrigin1S3OriginAccessControl'), 'Id'] },
      // No legacy origin access identity.
      S3OriginConfig: { OriginAccessIdentity: '' },
    });
  });

  it('deploys the build with config.json beside it, revalidated on each load, and invalidates the distribution', () => {
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment'));
    const files = deployments.find((d) => d.Properties.DistributionId)!;
    expect(files.Properties).toMatchObject({
      DistributionId: { Ref: idOf('AWS::CloudFront::Distribution', 'WebDistribution') },
      DistributionPaths: ['/*'],
      Prune: true,
      Exclude: ['assets/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
    // The jsonData source of config.json: the client id and the user pool filled in at deploy time.
    expect(JSON.stringify(files.Properties.SourceMarkers)).toContain(idOf('AWS::Cognito::UserPoolClient', 'WebClient'));
    const assets = deployments.find((d) => d.Properties.DestinationBucketKeyPrefix === 'assets/')!;
    expect(assets.Properties).toMatchObject({ Prune: false, SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' } });
  });
});

describe('distribution', () => {
  it('serves the app from the bucket over HTTPS with the app headers and the SPA routing function on the default behaviour', () => {
    const config = distributionConfig();
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      CachePolicyId: CACHING_OPTIMIZED,
      ResponseHeadersPolicyId: { Ref: idOf('AWS::CloudFront::ResponseHeadersPolicy', 'WebAppHeaders') },
      FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [idOf('AWS::CloudFront::Function', 'WebSpaRouting'), 'FunctionARN'] } }],
    });
  });

  it('has no distribution-wide error responses, which would turn API errors into the page', () => {
    expect(distributionConfig().CustomErrorResponses).toBeUndefined();
  });

  it('sends /api/* to the HTTP API with every method, nothing cached and Authorization forwarded', () => {
    const config = distributionConfig();
    expect(config.CacheBehaviors).toHaveLength(1);
    const api = config.CacheBehaviors[0];
    expect(api).toMatchObject({
      PathPattern: '/api/*',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      ViewerProtocolPolicy: 'https-only',
      // CachingDisabled with the all-viewer policy (but Host) is the pair that passes Authorization on.
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      ResponseHeadersPolicyId: { Ref: idOf('AWS::CloudFront::ResponseHeadersPolicy', 'WebApiHeaders') },
    });
    expect(api.FunctionAssociations).toBeUndefined();
    const origin = config.Origins.find((o: TemplateValue) => o.Id === api.TargetOriginId);
    expect(origin.CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(text(origin.DomainName)).toBe(`{${idOf('AWS::ApiGatewayV2::Api', 'HttpApi')}}.execute-api.${TEST_ENV.region}.{AWS::URLSuffix}`);
  });

  it('outputs its URL', () => {
    template.hasOutput('WebUrl', { Value: { 'Fn::Join': ['', ['https://', distributionDomain()]] } });
  });
});

describe('SPA routing function', () => {
  const route = (uri: string): string => {
    const handler = runInNewContext(`${SPA_ROUTING_CODE}; handler`) as (event: unknown) => { uri: string };
    return handler({ request: { uri, method: 'GET', headers: {} } }).uri;
  };

  it.each(['/', '/requests', '/requests/SD-5', '/request/laptop', '/auth/callback', '/signed-out', '/console/queue'])('serves index.html for the app route %s', (uri) => {
    expect(route(uri)).toBe('/index.html');
  });

  it.each(['/index.html', '/config.json', '/assets/index-abc123.js', '/favicon.ico'])('leaves the file %s as it is', (uri) => {
    expect(route(uri)).toBe(uri);
  });

  it('runs on the cloudfront-js-2.0 runtime', () => {
    template.hasResourceProperties('AWS::CloudFront::Function', { FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }), AutoPublish: true });
  });
});

describe('response headers', () => {
  const policy = (prefix: string) => resources[idOf('AWS::CloudFront::ResponseHeadersPolicy', prefix)]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;

  it('gives the app a strict CSP without inline script, connecting to the issuer, the managed login and the upload bucket only', () => {
    const csp = text(policy('WebAppHeaders').ContentSecurityPolicy.ContentSecurityPolicy);
    const domain = '{UserPoolDomain}';
    expect(csp).toBe(
      [
        "default-src 'self'",
        "script-src 'self'",
        `style-src 'self' ${REACT_ARIA_PRESS_STYLE_SOURCE}`,
        "img-src 'self' data: blob:",
        "font-src 'self'",
        `connect-src 'self' https://cognito-idp.${TEST_ENV.region}.amazonaws.com/{UserPool}/ https://${domain}.auth.${TEST_ENV.region}.amazoncognito.com ` +
          `https://service-desk-test-uploads-${TEST_ENV.account}-${TEST_ENV.region}.s3.${TEST_ENV.region}.{AWS::URLSuffix}`,
        `form-action 'self' https://${domain}.auth.${TEST_ENV.region}.amazoncognito.com`,
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
      ].join('; '),
    );
    expect(csp).not.toContain('unsafe-inline');
    expect(policy('WebAppHeaders').ContentSecurityPolicy.Override).toBe(true);
  });

  it.each(['WebAppHeaders', 'WebApiHeaders'])('%s: HSTS for two years with subdomains, nosniff, no framing, a strict referrer policy', (prefix) => {
    expect(policy(prefix)).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    });
  });

  it("leaves the API's own content security policy alone (the approval page sets its own)", () => {
    expect(policy('WebApiHeaders').ContentSecurityPolicy).toBeUndefined();
  });
});

describe('API stage for the web app', () => {
  it('serves the same routes under /api with auto-deploy, throttling and its own access log', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage', { Properties: { StageName: 'api' } }));
    expect(stage).toHaveLength(1);
    expect(stage[0]!.Properties).toMatchObject({
      ApiId: { Ref: idOf('AWS::ApiGatewayV2::Api', 'HttpApi') },
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: API_THROTTLE.burstLimit, ThrottlingRateLimit: API_THROTTLE.rateLimit },
    });
    const logs = stage[0]!.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
    const defaultStage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage', { Properties: { StageName: '$default' } }))[0]!;
    expect(logs).toMatch(/^WebApiAccessLogs/);
    expect(defaultStage.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0]).not.toBe(logs);
    expect(stage[0]!.Properties.AccessLogSettings.Format).toBe(defaultStage.Properties.AccessLogSettings.Format);
  });
});

describe('web client', () => {
  const client = () => resources[idOf('AWS::Cognito::UserPoolClient', 'WebClient')]!.Properties;

  it('is a public authorisation code client (PKCE, no secret) with the OpenID scopes', () => {
    expect(client()).toMatchObject({
      ClientName: 'service-desk-test-web',
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      PreventUserExistenceErrors: 'ENABLED',
      SupportedIdentityProviders: ['COGNITO'],
    });
    expect(client().ExplicitAuthFlows).toContain('ALLOW_USER_AUTH');
  });

  it('redirects to the distribution after signing in and out, and to the local app', () => {
    expect(client().CallbackURLs).toEqual([onDistribution('/auth/callback'), 'http://localhost:3000/auth/callback']);
    expect(client().LogoutURLs).toEqual([onDistribution('/'), onDistribution('/signed-out'), 'http://localhost:3000/', 'http://localhost:3000/signed-out']);
  });

  it("is accepted by the API's authorizer beside the machine client", () => {
    const authorizer = Object.values(template.findResources('AWS::ApiGatewayV2::Authorizer'))[0]!;
    const audience = authorizer.Properties.JwtConfiguration.Audience as unknown[];
    expect(audience).toHaveLength(2);
    expect(audience[0]).toEqual({ Ref: idOf('AWS::Cognito::UserPoolClient', 'WebClient') });
    expect(text(audience[1])).toBe('{UserPoolMachineClient}');
  });

  it("has managed login pages in Cognito's default style", () => {
    template.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      ClientId: { Ref: idOf('AWS::Cognito::UserPoolClient', 'WebClient') },
      UseCognitoProvidedValues: true,
    });
  });
});

describe('WebHosting on its own', () => {
  const build = (props: { webAppDirectory: string; uploadBucketUrl?: string }) => {
    const stack = new Stack(new App(), 'Web', { env: TEST_ENV });
    const userPool = new UserPool(stack, 'Pool');
    const userPoolDomain = userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: 'desk-test' } });
    new WebHosting(stack, 'Web', {
      settings: stageSettings('test'),
      api: new HttpApi(stack, 'Api', { createDefaultStage: false }),
      userPool,
      userPoolDomain,
      identityProviders: [UserPoolClientIdentityProvider.COGNITO],
      identityProviderConfigs: [],
      ...props,
    });
    return Template.fromStack(stack);
  };

  it('lets the app post files to the upload bucket when it is given', () => {
    const url = 'https://service-desk-test-uploads-123456789012-eu-west-1.s3.eu-west-1.amazonaws.com';
    const policies = Object.values(build({ webAppDirectory: testWebAppDirectory(), uploadBucketUrl: url }).findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const csp = policies.map((p) => text(p.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy?.ContentSecurityPolicy ?? '')).join('');
    expect(csp).toMatch(new RegExp(`connect-src [^;]* ${url.replace(/\./g, '\\.')};`));
  });

  it('refuses a folder without index.html, saying to build the web app first', () => {
    expect(() => build({ webAppDirectory: '/nonexistent/web/dist' })).toThrow(WebAppBuildMissingError);
    expect(() => build({ webAppDirectory: '/nonexistent/web/dist' })).toThrow('/nonexistent/web/dist has no index.html. Run `npm run build:web` first');
  });
});
