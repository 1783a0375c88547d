// The direction of imports, checked by dependency-cruiser (`npm run lint:imports`). The layers
// and why each rule holds are in docs/contributing.md; a failure names the rule and the import.
//
//   functions/ (handlers, the composition roots) -> shared/use-cases -> shared/ports <- shared/adapters
//   shared/domain and shared/email: pure rules, no AWS, no I/O layers
//   web/src: lib, components, styles -> features -> app, each feature on its own

/** Pure domain rules: what they may not reach. */
const PURE = '^shared/(domain|email)/';
/** Packages that tie code to AWS or to Lambda (rules match the resolved path, in node_modules). */
const AWS_PACKAGES = '^node_modules/(@aws-sdk/|@aws-lambda-powertools/|@middy/|@types/aws-lambda/|aws-cdk-lib/|constructs/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import each other in a circle, type-only imports included: move what both need into a module of its own, lower in the layers.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'The import names a module that does not exist (or a package that is not installed).',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'shared/domain and shared/email are pure rules, tested without AWS: no AWS or Lambda packages, no adapters, ports, use cases, composition, HTTP, queue or store modules. Pass what they need as arguments.',
      from: { path: PURE },
      to: {
        path: [AWS_PACKAGES, '^shared/(adapters|ports|use-cases|composition|http|queue|store|observability)/', '^(functions|infra|local|bench|test|web)/'],
      },
    },
    {
      name: 'use-cases-use-ports',
      severity: 'error',
      comment: 'A use case reaches AWS only through a port (shared/ports): no adapters, no composition, no AWS packages, no table layout (shared/store), no handlers.',
      from: { path: '^shared/use-cases/' },
      to: { path: [AWS_PACKAGES, '^shared/(adapters|composition|store|queue)/', '^functions/'] },
    },
    {
      name: 'use-cases-take-the-http-contract-as-types',
      severity: 'error',
      comment: 'A use case may take the types of the HTTP contract (the bodies and views of shared/http/*-schemas.ts) as its input and output, imported as types; never the HTTP handling itself.',
      from: { path: '^shared/use-cases/' },
      to: { path: '^shared/http/', pathNot: '^shared/http/[^/]+-schemas\\.ts$' },
    },
    {
      name: 'use-cases-import-the-http-contract-as-types-only',
      severity: 'error',
      comment: 'A use case imports the HTTP contract as types only (`import type`), so no zod schema of the API is bundled with it by accident.',
      from: { path: '^shared/use-cases/' },
      to: { path: '^shared/http/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'ports-are-interfaces',
      severity: 'error',
      comment: 'A port describes what a use case needs of the outside world; it knows no adapter, use case, composition or AWS package.',
      from: { path: '^shared/ports/' },
      to: { path: [AWS_PACKAGES, '^shared/(adapters|use-cases|composition|http|store|queue)/', '^functions/'] },
    },
    {
      name: 'adapters-implement-ports',
      severity: 'error',
      comment: 'An adapter wraps one AWS service behind a port; it does not call use cases, composition or handlers.',
      from: { path: '^shared/adapters/' },
      to: { path: ['^shared/(use-cases|composition|http)/', '^functions/'] },
    },
    {
      name: 'adapters-only-in-composition-roots',
      severity: 'error',
      comment:
        'Adapters are built only where the dependencies are wired: the entry points of functions/ and shared/composition (and local/, bench/, test/, infra/maintenance, which run outside Lambda). The rest of shared/ uses ports.',
      from: { path: '^shared/', pathNot: '^shared/(adapters|composition)/' },
      to: { path: '^shared/adapters/' },
    },
    {
      name: 'aws-sdk-only-in-adapters',
      severity: 'error',
      comment: 'In shared/, only the adapters talk to AWS: wrap a new client in shared/adapters and give it a port.',
      from: { path: '^shared/', pathNot: '^shared/adapters/' },
      to: { path: '^node_modules/@aws-sdk/' },
    },
    {
      name: 'table-layout-is-the-adapters',
      severity: 'error',
      comment: 'shared/store (keys, the table definition, cursors) is the layout of the single table: the DynamoDB adapters, infra and the local runtime use it; the rest of shared/ and the handlers do not.',
      from: { path: '^(shared|functions)/', pathNot: '^shared/(store|adapters/dynamodb)/' },
      to: { path: '^shared/store/' },
    },
    {
      name: 'shared-is-not-a-handler',
      severity: 'error',
      comment: 'shared/ is used by the handlers in functions/, never the other way round.',
      from: { path: '^shared/' },
      to: { path: '^functions/' },
    },
    {
      name: 'no-local-bench-or-tests-in-deployed-code',
      severity: 'error',
      comment: 'What is deployed (functions/, shared/, infra/) never imports the local runtime, the bench or the tests: they are not in the bundles.',
      from: { path: '^(functions|shared|infra)/' },
      to: { path: '^(local|bench|test)/' },
    },
    {
      name: 'backend-not-in-web',
      severity: 'error',
      comment: 'The backend never imports the web app.',
      from: { path: '^(functions|shared|infra)/' },
      to: { path: '^web/src/' },
    },
    {
      name: 'local-takes-web-types-only',
      severity: 'error',
      comment: "The local runtime may take the web app's types (the /config.json it serves is the web's RuntimeConfig), imported as types only.",
      from: { path: '^local/' },
      to: { path: '^web/src/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-is-self-contained',
      severity: 'error',
      comment: 'The web app imports only its own modules and packages; the API it knows through the generated types (web/src/lib/api/schema.d.ts, `npm run web:api`).',
      from: { path: '^web/src/' },
      to: { path: '^(?!web/src/|node_modules/)', dependencyTypesNot: ['core'] },
    },
    {
      name: 'web-shared-code-knows-no-feature',
      severity: 'error',
      comment: 'web/src/lib, components and styles are shared by the features: they import no feature and not the app.',
      from: { path: '^web/src/(lib|components|styles)/' },
      to: { path: '^web/src/(features|app)/' },
    },
    {
      name: 'web-features-know-no-app',
      severity: 'error',
      comment: 'A feature does not import the app (routes, shell); the app imports the features.',
      from: { path: '^web/src/features/' },
      to: { path: '^web/src/app/' },
    },
    {
      name: 'web-features-stand-alone',
      severity: 'error',
      comment: 'A feature does not import another feature: move what two features share to web/src/lib or web/src/components, or compose them in web/src/app.',
      from: { path: '^web/src/features/([^/]+)/' },
      to: { path: '^web/src/features/', pathNot: '^web/src/features/$1/' },
    },
    {
      name: 'web-test-helpers-only-in-tests',
      severity: 'error',
      comment: 'web/src/test holds helpers of the web tests; the app does not import them.',
      from: { path: '^web/src/', pathNot: ['^web/src/test/', '\\.test\\.tsx?$'] },
      to: { path: '^web/src/test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // A work tree's node_modules may be a link to another's: keep the paths as they are, node_modules/...
    preserveSymlinks: true,
    exclude: { path: '^(web/dist|cdk\\.out|\\.local|bench/results|test/fixtures|coverage)/' },
    // Type-only imports count: a circle of types is a circle of modules all the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // The package.json `imports` (#shared/*, #functions/*, #config) resolve as Node resolves them.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
