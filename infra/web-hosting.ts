import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultStackSynthesizer, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { CfnManagedLoginBranding, OAuthScope, UserPoolClient, type UserPool, type UserPoolClientIdentityProvider, type UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { IdentityProviderConfig } from '../shared/config/sign-in-schema.ts';
import { nagEnvironment } from './nag-text.ts';
import { contentSecurityPolicy, HSTS_MAX_AGE_SECONDS } from './web-security-headers.ts';
import type { StageSettings } from './stage.ts';

/** Where CloudFront sends API calls, and the HTTP API stage of the same name that serves them there. */
export const WEB_API_PATH = 'api';

/** Paths of the web app that Cognito redirects to after signing in and out. */
export const WEB_AUTH_PATHS = { redirect: '/auth/callback', signOut: '/signed-out' } as const;

/** What the web app reads from `/config.json` when it starts. */
export interface WebAppConfig {
  apiBaseUrl: string;
  auth: { authority: string; clientId: string; domain: string; redirectPath: string; signOutPath: string };
  identityProviders: { id: string; name: string }[];
}

/** The built web app is missing: the stack deploys what `npm run build:web` wrote. */
export class WebAppBuildMissingError extends Error {
  constructor(directory: string) {
    super(`The web app is not built: ${directory} has no index.html. Run \`npm run build:web\` first, then synthesise or deploy again.`);
    this.name = 'WebAppBuildMissingError';
  }
}

export interface WebHostingProps {
  settings: StageSettings;
  /** The built web app (web/dist); must hold index.html. Tests pass a temporary folder. */
  webAppDirectory: string;
  api: HttpApi;
  userPool: UserPool;
  userPoolDomain: UserPoolDomain;
  /** Cognito's own sign-in and the configured identity providers, as the stateful stack added them. */
  identityProviders: UserPoolClientIdentityProvider[];
  /** The same providers as configured, for their button names in config.json. */
  identityProviderConfigs: readonly IdentityProviderConfig[];
  /**
   * The upload bucket's regional URL (`https://<bucket>.s3.<region>.amazonaws.com`), which the app
   * posts files to. Build it from the bucket's fixed name, not a reference to the bucket: the bucket's
   * CORS names this distribution, so a reference back would close a cycle.
   */
  uploadBucketUrl?: string;
}

/** Extensionless paths are the app's own routes: serve them index.html; files keep their paths. */
export const SPA_ROUTING_CODE = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * The web app: a private bucket behind CloudFront (origin access control), `/api/*` passed to the
 * HTTP API's `api` stage on the same origin, and the user pool client the app signs in with.
 *
 * The client lives here, in the service stack, not beside the pool: its callback URLs name the
 * distribution, the distribution needs the API's domain and the API's authorizer must list the
 * client. In the stateful stack the client would need the service stack and the service stack
 * the client, a cycle; here API -> distribution -> client -> authorizer -> routes is one stack's order.
 */
export class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly client: UserPoolClient;
  /** `https://<distribution domain>`: where the app is served, for CORS of the upload bucket and links. */
  readonly origin: string;
  readonly contentSecurityPolicy: string;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const { settings } = props;
    if (!existsSync(join(props.webAppDirectory, 'index.html'))) throw new WebAppBuildMissingError(props.webAppDirectory);
    const stack = Stack.of(this);

    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Build output only; kept when the stack goes rather than adding CDK's emptying function and its wildcard grants.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Holds the built web app only, the same files for everyone, written by the deployment and read by CloudFront through origin access control; no request here carries personal data.',
    });

    const issuer = `https://cognito-idp.${stack.region}.amazonaws.com/${props.userPool.userPoolId}`;
    const signInDomain = props.userPoolDomain.baseUrl();
    // What the app calls: its own origin (the files, config.json, /api), the issuer's discovery
    // document, the managed login's token endpoint, and the upload bucket.
    // The same policy the local runtime serves the app with.
    this.contentSecurityPolicy = contentSecurityPolicy({
      connectSrc: [`${issuer}/`, signInDomain, ...(props.uploadBucketUrl ? [props.uploadBucketUrl] : [])],
      formAction: [signInDomain],
    });

    const securityHeaders: Omit<ResponseSecurityHeadersBehavior, 'contentSecurityPolicy'> = {
      strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
    };
    const appHeaders = new ResponseHeadersPolicy(this, 'AppHeaders', {
      responseHeadersPolicyName: `service-desk-${settings.stage}-web-app`,
      comment: 'The web app: strict CSP without inline script, HSTS, no framing',
      securityHeadersBehavior: { ...securityHeaders, contentSecurityPolicy: { contentSecurityPolicy: this.contentSecurityPolicy, override: true } },
    });
    // The API's responses are JSON (and the approval page, which sets its own CSP): the same headers but the app's CSP.
    const apiHeaders = new ResponseHeadersPolicy(this, 'ApiHeaders', {
      responseHeadersPolicyName: `service-desk-${settings.stage}-web-api`,
      comment: 'The API under /api: HSTS, nosniff, no framing',
      securityHeadersBehavior: securityHeaders,
    });

    const spaRouting = new CloudFrontFunction(this, 'SpaRouting', {
      functionName: `service-desk-${settings.stage}-spa-routing`,
      comment: 'Serves index.html for the web app routes (paths without a file extension)',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(SPA_ROUTING_CODE),
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Service desk web app (${settings.stage})`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // North America and Europe edges: the cheapest class; viewers elsewhere are served from the nearest of them.
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: appHeaders,
        // Here only: distribution-wide error responses would turn the API's 403 and 404 into the page.
        functionAssociations: [{ function: spaRouting, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        [`/${WEB_API_PATH}/*`]: {
          origin: new HttpOrigin(`${props.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          // A redirect would turn a POST into a GET: plain HTTP is refused instead.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Nothing of the API is cached, so nothing personal is; with caching disabled, the all-viewer
          // policies forward Authorization (Host stays the API's own, which API Gateway needs). See
          // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-401-unauthorized.html
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: apiHeaders,
        },
      },
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;
    acknowledgeDistribution(this.distribution);

    this.client = new UserPoolClient(this, 'Client', {
      userPool: props.userPool,
      userPoolClientName: `service-desk-${settings.stage}-web`,
      // A public client in the browser: the authorisation code grant with PKCE, no secret.
      generateSecret: false,
      // user: the choice-based sign-in of managed login (password or a mailed one-time code).
      authFlows: { user: true, userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${this.origin}${WEB_AUTH_PATHS.redirect}`, ...settings.callbackUrls],
        logoutUrls: [`${this.origin}/`, `${this.origin}${WEB_AUTH_PATHS.signOut}`, ...settings.logoutUrls],
      },
      supportedIdentityProviders: props.identityProviders,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: settings.idTokenValidity,
      accessTokenValidity: settings.idTokenValidity,
      refreshTokenValidity: Duration.days(30),
    });
    // The identity providers are created in the stateful stack, which deploys first.

    // Managed login pages need a style per client; Cognito's own defaults until the desk brands them.
    new CfnManagedLoginBranding(this, 'ManagedLoginBranding', {
      userPoolId: props.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    const appConfig: WebAppConfig = {
      apiBaseUrl: `/${WEB_API_PATH}`,
      auth: { authority: issuer, clientId: this.client.userPoolClientId, domain: signInDomain, redirectPath: WEB_AUTH_PATHS.redirect, signOutPath: WEB_AUTH_PATHS.signOut },
      identityProviders: props.identityProviderConfigs.map((provider) => ({ id: provider.id, name: provider.name })),
    };
    // Hashed bundles (Vite's assets/) never change under their name: cached for a year, and kept when
    // a release removes them so that pages still open load theirs.
    const assets = join(props.webAppDirectory, 'assets');
    const assetsDeployment = existsSync(assets)
      ? new BucketDeployment(this, 'DeployAssets', {
          destinationBucket: this.bucket,
          destinationKeyPrefix: 'assets/',
          sources: [Source.asset(assets)],
          prune: false,
          cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
          memoryLimit: 512,
        })
      : undefined;
    // Everything else (index.html, config.json, icons) is revalidated on every load, and the edge
    // caches are invalidated with each deploy.
    const files = new BucketDeployment(this, 'DeployFiles', {
      destinationBucket: this.bucket,
      sources: [Source.asset(props.webAppDirectory, { exclude: ['assets/**'] }), Source.jsonData('config.json', appConfig)],
      exclude: ['assets/*'],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    if (assetsDeployment) files.node.addDependency(assetsDeployment);
    acknowledgeDeploymentHandler(stack, this.bucket);
  }
}

function acknowledgeDistribution(distribution: Distribution): void {
  const findings: Record<string, string> = {
    'AwsSolutions-CFR1': 'Requesters may sign in from anywhere; the desk has no country to keep out.',
    'AwsSolutions-CFR2': 'A web ACL costs USD 5 a month and USD 1 a rule, more than the idle desk; the API behind /api has its own throttle and the JWT authorizer, and the rest is static files.',
    'AwsSolutions-CFR3': 'Both API stages keep an access log of every API call; the distribution otherwise serves the same static files to everyone, so its logs would record nothing the desk needs.',
    'AwsSolutions-CFR4': "The distribution uses CloudFront's default *.cloudfront.net certificate, whose minimum TLS version cannot be raised; a custom domain with its own certificate can (TLSv1.2_2021).",
  };
  for (const [id, reason] of Object.entries(findings)) Validations.of(distribution).acknowledge({ id, reason });
}

/** CDK's BucketDeployment handler: one function per stack and memory size, created by the library at the stack's root. */
function acknowledgeDeploymentHandler(stack: Stack, webBucket: Bucket): void {
  const because = "CDK's BucketDeployment handler runs only at deploy time to copy the built web app into its bucket";
  const { account, region, partition } = nagEnvironment(stack);
  const qualifier = stack.synthesizer instanceof DefaultStackSynthesizer ? stack.synthesizer.bootstrapQualifier : undefined;
  const assetBucket = `arn:${partition}:s3:::cdk-${qualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${account}-${region}/*`;
  const webBucketId = stack.resolve(stack.getLogicalId(webBucket.node.defaultChild as CfnBucket)) as string;
  const grants = `${because}: CDK grants it read of the deployment asset bucket, write and delete of the web bucket's objects, and invalidations`;
  const findings: Record<string, string> = {
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]': `${because}; its logging policy is CDK's.`,
    ...Object.fromEntries(['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((action) => [`AwsSolutions-IAM5[Action::${action}]`, `${grants}; the action groups are CDK's.`])),
    [`AwsSolutions-IAM5[Resource::${assetBucket}]`]: `${grants}; the assets are named by their hash.`,
    [`AwsSolutions-IAM5[Resource::<${webBucketId}.Arn>/*]`]: `${grants}; the web bucket's objects are the files of each build.`,
    'AwsSolutions-IAM5[Resource::*]': `${grants}, which CDK grants on every distribution (the invalidation is of this one).`,
    'AwsSolutions-L1': `${because}; its Python runtime is chosen by CDK and moves with the CDK version.`,
    'Serverless-LambdaLatestVersion': `${because}; its runtime is chosen by CDK.`,
    'Serverless-LambdaDLQ': `${because}, invoked by CloudFormation, which reports a failure as a failed deployment.`,
    'Serverless-LambdaTracing': `${because}; there is no request to trace.`,
  };
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
    for (const [id, reason] of Object.entries(findings)) Validations.of(child).acknowledge({ id, reason });
  }
}
