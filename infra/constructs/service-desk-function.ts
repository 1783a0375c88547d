import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct, IConstruct } from 'constructs';
import { ENV } from '../../shared/environment.ts';
import { TABLE_INDEXES } from '../../shared/store/table-definition.ts';
import type { StageSettings } from '../stage.ts';
import { CONFIG_LOADER_IMPORT, shippedConfigModuleOf } from '../bundling/shipped-config.ts';
import { OPENAPI_LOADER_IMPORT, shippedOpenApiModule } from '../bundling/shipped-openapi.ts';

/** Repository root: entries, package-lock.json and tsconfig.json are resolved from here. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type TableAccessMode = 'read' | 'write';

/**
 * Item reads the handlers make: single gets, batch gets (the same items in one round trip: the mail
 * intake's blocklist check) and queries. No Scan: no production path scans.
 */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;

/** Transactions need no action of their own: TransactWriteItems is authorised per Put, Update and ConditionCheck (the workload guard). */
export const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'] as const;

export interface ServiceDeskFunctionProps extends Omit<NodejsFunctionProps, 'entry' | 'role' | 'logGroup'> {
  /** Entry file relative to the repository root, e.g. `functions/http/health.ts`. */
  entry: string;
  settings: StageSettings;
  /** Public holiday dates worked out at build time (see shared/domain/public-holidays.ts). */
  publicHolidays?: string;
  /** For a function invoked asynchronously (by a schedule): why a failed invocation needs no dead-letter queue. */
  asyncInvocationWithoutDlqBecause?: string;
  /**
   * Ship iconv-lite's multi-byte charset tables (CJK, about 450 KB) as files beside the bundle
   * instead of inside it: iconv-lite requires a table only when a mail uses that charset, so the
   * function starts without parsing them. For the functions that parse mail.
   */
  charsetTablesOnDemand?: boolean;
}

/** iconv-lite requires its multi-byte tables as `./tables/<charset>.json`, lazily: kept external, they load from the asset. */
const ICONV_TABLES_IMPORT = './tables/*';
const ICONV_TABLES_DIRECTORY = join('node_modules', 'iconv-lite', 'encodings', 'tables');

/** Lets ESM bundles load CommonJS dependencies that call require() (esbuild's ESM output has none). */
const ESM_REQUIRE_SHIM = "import { createRequire as __sdCreateRequire } from 'node:module'; const require = __sdCreateRequire(import.meta.url);";

/** Environment credentials only, in place of the SDK's default chain: see the module's comment. */
export const LAMBDA_CREDENTIALS_MODULE = join(PROJECT_ROOT, 'infra', 'bundling', 'lambda-credentials.ts');

/**
 * libmime as CommonJS for every importer: mailparser imports its ES build, mailsplit requires its
 * CommonJS build, and a bundle would otherwise carry both (with their MIME type tables, about 90 KB).
 */
const LIBMIME_COMMONJS = join(PROJECT_ROOT, 'node_modules', 'libmime', 'dist', 'cjs', 'libmime.js');

/** In place of postcss, which the comment sanitiser never calls: see the module's comment. */
export const POSTCSS_LEFT_OUT_MODULE = join(PROJECT_ROOT, 'infra', 'bundling', 'postcss-left-out.ts');

/** In place of htmlparser2, its parts the sanitiser and the HTML-to-text conversion use: see the module's comment. */
export const HTMLPARSER2_SHAKEN_MODULE = join(PROJECT_ROOT, 'infra', 'bundling', 'htmlparser2-shaken.ts');

/** In place of linkify-it, which the mail intake never calls: see the module's comment. */
export const LINKIFY_LEFT_OUT_MODULE = join(PROJECT_ROOT, 'infra', 'bundling', 'linkify-left-out.ts');

/** In place of the SDK's event stream support, which no call of the desk uses: see the module's comment. */
export const EVENT_STREAMS_LEFT_OUT_MODULE = join(PROJECT_ROOT, 'infra', 'bundling', 'event-streams-left-out.ts');

/** In place of the DynamoDB client's endpoint discovery cache, which stays empty: see the module's comment. */
export const ENDPOINT_CACHE_LEFT_OUT_MODULE = join(PROJECT_ROOT, 'infra', 'bundling', 'endpoint-cache-left-out.ts');

/** In place of the fault injection of local runs, which Lambda never turns on: see the module's comment. */
export const FAULT_INJECTION_LEFT_OUT_MODULE = join(PROJECT_ROOT, 'infra', 'bundling', 'fault-injection-left-out.ts');

/**
 * The SecureString parameter that holds the approval link key of a stage. It lives outside the
 * stacks (the first function that needs it creates it), so it outlasts a redeploy or a deleted
 * stack and the links already mailed stay valid.
 */
export const approvalLinkKeyParameterName = (stage: string): string => `/service-desk/${stage}/approval-link-key`;

/**
 * How every function is bundled, apart from its entry and the built-in holidays; the benchmarks
 * rebuild the bundles with the same options to see what they are made of.
 */
export const FUNCTION_BUNDLING = {
  format: OutputFormat.ESM,
  target: 'node22',
  minify: true,
  sourceMap: true,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_SHIM,
  // Bundle the SDK v3 clients, tree-shaken: the runtime's SDK version drifts under us.
  bundleAwsSDK: true,
  // The holiday library is only used where it is installed; its dates are built in instead.
  externalModules: ['date-holidays'],
  alias: {
    '@aws-sdk/credential-provider-node': LAMBDA_CREDENTIALS_MODULE,
    libmime: LIBMIME_COMMONJS,
    postcss: POSTCSS_LEFT_OUT_MODULE,
    htmlparser2: HTMLPARSER2_SHAKEN_MODULE,
    'linkify-it': LINKIFY_LEFT_OUT_MODULE,
    '@smithy/core/event-streams': EVENT_STREAMS_LEFT_OUT_MODULE,
    '@aws-sdk/endpoint-cache': ENDPOINT_CACHE_LEFT_OUT_MODULE,
    '#fault-injection': FAULT_INJECTION_LEFT_OUT_MODULE,
  },
} as const;

/**
 * The bundle's aliases: FUNCTION_BUNDLING's, the OpenAPI document generated at synth, and the
 * configuration validated at synth when the app ships one (`configModule`).
 */
export function bundleAliases(configModule: string | undefined): Record<string, string> {
  return { ...FUNCTION_BUNDLING.alias, [OPENAPI_LOADER_IMPORT]: shippedOpenApiModule(), ...(configModule ? { [CONFIG_LOADER_IMPORT]: configModule } : {}) };
}

/** The aliases of a function's bundle in the app of `scope`. */
export function functionAliases(scope: IConstruct): Record<string, string> {
  return bundleAliases(shippedConfigModuleOf(scope));
}

/**
 * A Lambda function with the project's defaults set once: Node.js 22 on arm64, active tracing,
 * its own log group, an ESM bundle that includes the SDK v3 clients it uses, and a role that can
 * only write its own logs until a bind method grants more.
 */
export class ServiceDeskFunction extends NodejsFunction {
  readonly functionLogGroup: LogGroup;
  readonly functionRole: Role;
  private readonly stage: string;

  constructor(scope: Construct, id: string, props: ServiceDeskFunctionProps) {
    const { settings, entry, environment, bundling, publicHolidays = '{}', asyncInvocationWithoutDlqBecause, charsetTablesOnDemand = false, ...rest } = props;
    // Created beside the function because a subclass cannot create children before super().
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: settings.logRetention,
      removalPolicy: settings.logRemovalPolicy,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${id} function (${settings.stage})`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      tracing: settings.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      memorySize: 512,
      timeout: Duration.seconds(10),
      ...rest,
      entry: join(PROJECT_ROOT, entry),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      logGroup,
      role,
      // Only meaningful for SDK v2; v3 reuses connections by default.
      awsSdkConnectionReuse: false,
      environment: {
        ...(settings.sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
        POWERTOOLS_SERVICE_NAME: 'service-desk',
        POWERTOOLS_LOG_LEVEL: settings.logLevel,
        SERVICE_DESK_STAGE: settings.stage,
        ...environment,
      },
      bundling: {
        format: FUNCTION_BUNDLING.format,
        target: FUNCTION_BUNDLING.target,
        minify: FUNCTION_BUNDLING.minify,
        sourceMap: FUNCTION_BUNDLING.sourceMap,
        mainFields: [...FUNCTION_BUNDLING.mainFields],
        banner: FUNCTION_BUNDLING.banner,
        bundleAwsSDK: FUNCTION_BUNDLING.bundleAwsSDK,
        externalModules: [...FUNCTION_BUNDLING.externalModules, ...(charsetTablesOnDemand ? [ICONV_TABLES_IMPORT] : [])],
        ...(charsetTablesOnDemand
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) => [`cp -R "${join(inputDir, ICONV_TABLES_DIRECTORY)}" "${join(outputDir, 'tables')}"`],
              },
            }
          : {}),
        esbuildArgs: { '--alias': Object.entries(functionAliases(scope)).map(([module, path]) => `${module}=${path}`) },
        define: { 'process.env.SERVICEDESK_PUBLIC_HOLIDAYS': JSON.stringify(publicHolidays) },
        ...bundling,
      },
    });
    this.functionLogGroup = logGroup;
    this.functionRole = role;
    this.stage = settings.stage;

    if (settings.tracing) {
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions (active tracing).',
      });
    } else {
      Validations.of(this).acknowledge({
        id: 'Serverless-LambdaTracing',
        reason: 'Tracing is opt-in (-c tracing=active): X-Ray would be the largest line of the bill after mail, and every log line ' + "carries the request's id for following one request.",
      });
    }
    for (const rule of ['AwsSolutions-L1', 'Serverless-LambdaLatestVersion']) {
      Validations.of(this).acknowledge({
        id: rule,
        reason: 'nodejs22.x is pinned on purpose: Middy 6 is the last major that supports Node 22 (Middy 7 needs Node 24).',
      });
    }
    Validations.of(this).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        asyncInvocationWithoutDlqBecause ??
        'Invoked synchronously only: API Gateway waits for the route functions, and event source mappings poll for the ' +
          "queue and stream consumers; a function's dead-letter queue catches asynchronous invocations only. Failed messages " +
          "go to their queue's dead-letter queue, failed stream records to the stream consumer's failure queue.",
    });
  }

  /**
   * Lets the function read the approval link signing key, and create it if it is not there yet,
   * never replace it; tells the function where the key is. The parameter is encrypted with
   * Parameter Store's AWS managed key, whose key policy lets the account's roles use it through
   * Parameter Store, so no KMS grant is needed.
   */
  bindApprovalLinkKey(): void {
    const name = approvalLinkKeyParameterName(this.stage);
    const parameterArn = Stack.of(this).formatArn({ service: 'ssm', resource: 'parameter', resourceName: name.slice(1) });
    this.addEnvironment(ENV.approvalLinkKeyParameter, name);
    this.functionRole.addToPrincipalPolicy(new PolicyStatement({ actions: ['ssm:GetParameter', 'ssm:PutParameter'], resources: [parameterArn] }));
    this.functionRole.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.DENY, actions: ['ssm:PutParameter'], resources: [parameterArn], conditions: { StringEquals: { 'ssm:Overwrite': 'true' } } }));
  }

  /**
   * Gives the function the table's name and exactly the access it needs, in one place so the
   * environment variable and the grant cannot drift apart.
   */
  bindTable(table: ITableV2, access: TableAccessMode): void {
    this.addEnvironment(ENV.tableName, table.tableName);
    // The table and its named indexes only: grantReadData() would add "<table>/index/*".
    const resources = [table.tableArn, ...TABLE_INDEXES.map((index) => `${table.tableArn}/index/${index.indexName}`)];
    const actions = access === 'write' ? [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS] : [...TABLE_READ_ACTIONS];
    this.functionRole.addToPrincipalPolicy(new PolicyStatement({ actions, resources }));
  }
}
