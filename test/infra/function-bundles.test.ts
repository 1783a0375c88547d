import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import rawConfig from '#config';
import { shipConfig } from '../../infra/bundling/shipped-config.ts';
import { FUNCTION_BUNDLING, PROJECT_ROOT, ServiceDeskFunction } from '../../infra/constructs/service-desk-function.ts';
import { stageSettings } from '../../infra/stage.ts';
import { parseConfig } from '../../shared/config/define-config.ts';
import { openApiDocument } from '../../shared/http/openapi-document.ts';
import { fixture, fixturePaths } from '../unit/email/email-fixtures.ts';
import { SYNTH_TIMEOUT_MS, TEST_ENV } from './build-test-app.ts';

/** The asset directory CDK builds for one entry, in an app that ships `ticketKeyPrefix` (or none). */
function assetOf(entry: string, options: { ticketKeyPrefix?: string; charsetTablesOnDemand?: boolean } = {}): string {
  const { ticketKeyPrefix, charsetTablesOnDemand } = options;
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'service-desk-bundle-')), context: { 'aws:cdk:enable-asset-metadata': true } });
  if (ticketKeyPrefix) shipConfig(app, parseConfig({ ...rawConfig, ticketKeyPrefix }));
  const stack = new Stack(app, 'Bundles', { env: TEST_ENV });
  new ServiceDeskFunction(stack, 'Fn', { entry, settings: stageSettings('test'), ...(charsetTablesOnDemand ? { charsetTablesOnDemand } : {}) });
  const assembly = app.synth();
  const template = assembly.getStackByName('Bundles').template as { Resources: Record<string, { Type: string; Metadata?: Record<string, string> }> };
  const asset = Object.values(template.Resources).find((resource) => resource.Type === 'AWS::Lambda::Function')!.Metadata!['aws:asset:path']!;
  return join(assembly.directory, asset);
}

const bundleOf = (entry: string, ticketKeyPrefix?: string): string => readFileSync(join(assetOf(entry, ticketKeyPrefix ? { ticketKeyPrefix } : {}), 'index.mjs'), 'utf8');

// zod's schema classes carry their names as strings, which minifying keeps.
const ZOD_MARKER = '"$ZodType"';

let shipped: string;
let unshipped: string;
let openApi: string;
let mailAsset: string;
let mailAssetWithTables: string;

beforeAll(() => {
  shipped = bundleOf('functions/http/get-catalog.ts', 'CARRIED');
  unshipped = bundleOf('functions/http/get-catalog.ts');
  openApi = bundleOf('functions/http/openapi.ts', 'SD');
  mailAsset = assetOf('functions/sqs/email-intake.ts', { ticketKeyPrefix: 'SD', charsetTablesOnDemand: true });
  mailAssetWithTables = assetOf('functions/sqs/email-intake.ts', { ticketKeyPrefix: 'SD' });
}, SYNTH_TIMEOUT_MS);

describe('the configuration in the function bundles', () => {
  it('carries the configuration the app was built with, as data, without its schemas', () => {
    expect(shipped).toContain('"ticketKeyPrefix":"CARRIED"');
    expect(shipped).not.toContain(ZOD_MARKER);
  });

  it('validates servicedesk.config.ts as the function starts when the app ships no configuration', () => {
    expect(unshipped).toContain(ZOD_MARKER);
    expect(unshipped).not.toContain('CARRIED');
  });
});

describe('the OpenAPI document in its function bundle', () => {
  it('is the document generated at synth, as data, without the schemas it was generated from', () => {
    // esbuild may requote the JSON string, so each operation id is looked for on its own.
    const operationIds = JSON.stringify(openApiDocument()).match(/"operationId":"\w+"/g)!;
    expect(operationIds.length).toBeGreaterThan(20);
    for (const operationId of operationIds) expect(openApi.includes(operationId), operationId).toBe(true);
    expect(openApi.includes(ZOD_MARKER)).toBe(false);
  });
});

describe('the mail charset tables of the email intake', () => {
  it('ships every table the bundle requires as a file beside it, and none inside it', () => {
    const bundle = readFileSync(join(mailAsset, 'index.mjs'), 'utf8');
    // Minified: the shim's require() is renamed, the path it is called with is not.
    const required = [...bundle.matchAll(/\("\.\/tables\/([\w-]+\.json)"\)/g)].map((match) => match[1]!);
    expect(new Set(required)).toEqual(new Set(['shiftjis.json', 'eucjp.json', 'cp936.json', 'gbk-added.json', 'gb18030-ranges.json', 'cp949.json', 'cp950.json', 'big5-added.json']));
    for (const table of required) expect(existsSync(join(mailAsset, 'tables', table)), table).toBe(true);
  });

  it('leaves the tables, about 450 KB, out of the bundle', () => {
    const inside = statSync(join(mailAssetWithTables, 'index.mjs')).size;
    expect(inside - statSync(join(mailAsset, 'index.mjs')).size).toBeGreaterThan(300_000);
    expect(existsSync(join(mailAssetWithTables, 'tables'))).toBe(false);
  });
});

describe('comment HTML in the function bundles', () => {
  it('is sanitised without postcss: style attributes are dropped, not parsed', async () => {
    const { module, text } = await bundledModule<typeof import('../../shared/text/sanitize-comment-html.ts')>('sanitiser', 'shared/text/sanitize-comment-html.ts');
    expect(text).not.toContain('CssSyntaxError');
    const { sanitizeCommentHtml } = module;
    expect(sanitizeCommentHtml('<p style="color: red; background: url(https://tracker.example/p.gif)">Hello <b style="x">you</b></p>')).toBe('<p>Hello <b>you</b></p>');
  });

  it("is parsed with htmlparser2's Parser alone, and sanitised and turned into text as without the bundle", async () => {
    type Html = typeof import('./fixtures/bundled-html.ts');
    const { module: bundled } = await bundledModule<Html>('html', 'test/infra/fixtures/bundled-html.ts');
    const { text: sanitiserOnly } = await bundledModule('sanitiser-only', 'shared/text/sanitize-comment-html.ts');
    // The DOM utilities (their feed reader among them) are what a require of htmlparser2 would add.
    expect(sanitiserOnly).not.toContain('"pubDate"');
    const unbundled = await import('./fixtures/bundled-html.ts');
    const samples = [
      '<p>Caf&eacute; &amp; cr&egrave;me &#x27;br&#xfb;l&eacute;e&#39; &notin; &NotNestedGreaterGreater; &bogus; 5 &lt; 6</p>',
      '<table><tr><th colspan="2">Drucker</th></tr><tr><td>3. Stock</td><td><a href="https://intra.example/p?a=1&amp;b=2">Status</a></td></tr></table>',
      '<div><p>Unclosed <b>bold <i>both</p><ul><li>one<li>two</ul><a href="jav&#x09;ascript:alert(1)">x</a><script>alert(1)</script><!-- note -->',
      '<![CDATA[raw]]><svg><title>t</title></svg><textarea><b>in</b></textarea><p title="a &quot;b&quot;">q</p>',
    ];
    for (const html of samples) {
      expect(bundled.sanitizeCommentHtml(html)).toBe(unbundled.sanitizeCommentHtml(html));
      expect(bundled.htmlToText(html, { wordwrap: false })).toBe(unbundled.htmlToText(html, { wordwrap: false }));
    }
  });
});

/** Bundles `entry` (a module of the project) as the functions are bundled, and imports it. */
async function bundledModule<T>(name: string, entry: string): Promise<{ module: T; text: string }> {
  const outfile = join(mkdtempSync(join(tmpdir(), `service-desk-${name}-`)), `${name}.mjs`);
  await build({
    entryPoints: [join(PROJECT_ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    banner: { js: FUNCTION_BUNDLING.banner },
    alias: { ...FUNCTION_BUNDLING.alias },
    outfile,
    logLevel: 'error',
  });
  return { module: (await import(pathToFileURL(outfile).href)) as T, text: readFileSync(outfile, 'utf8') };
}

describe('the signing key in the function bundles', () => {
  it('is read from Parameter Store without the SSM client and its models of every operation', async () => {
    const { text } = await bundledModule('signing-key', 'shared/adapters/ssm/ssm-signing-key.ts');
    expect(text).toContain('AmazonSSM.');
    expect(text).not.toContain('GetParametersByPath');
    expect(text).not.toContain('@aws-sdk/client-ssm');
  });
});

describe('uploaded files in the function bundles', () => {
  it('are moved into the attachments without the S3 client', async () => {
    const { text } = await bundledModule('upload-store', 'shared/adapters/s3/s3-upload-store.ts');
    expect(text).toContain('x-amz-copy-source');
    expect(text).not.toContain('S3Client');
    expect(text).not.toContain('@aws-sdk/client-s3');
  });
});

describe('mail and its files in the email intake bundle', () => {
  it('are read and stored without the S3 client', () => {
    const bundle = readFileSync(join(mailAsset, 'index.mjs'), 'utf8');
    expect(bundle).not.toContain('S3Client');
    expect(bundle).not.toContain('@aws-sdk/client-s3');
  });

  it('are parsed as without the bundle, every mail of the corpus, with the linkifier left out', async () => {
    type Mail = typeof import('./fixtures/bundled-mail.ts');
    const { module: bundled, text } = await bundledModule<Mail>('mail', 'test/infra/fixtures/bundled-mail.ts');
    expect(text).toContain('linkify-it is left out');
    const unbundled = await import('./fixtures/bundled-mail.ts');
    const mails = fixturePaths('.eml');
    expect(mails.length).toBeGreaterThan(50);
    for (const path of mails) {
      const raw = fixture(path);
      const [ours, reference] = await Promise.all([bundled.parseInboundMail(raw).catch(String), unbundled.parseInboundMail(raw).catch(String)]);
      expect(ours, path).toEqual(reference);
      if (typeof ours !== 'string' && typeof reference !== 'string') expect(await bundled.readDeliveryReport(ours), path).toEqual(await unbundled.readDeliveryReport(reference));
    }
  });
});

describe('the AWS clients in the function bundles', () => {
  it('leave out event streams and endpoint discovery, and still send their calls', async () => {
    type Clients = typeof import('./fixtures/bundled-clients.ts');
    const { module, text } = await bundledModule<Clients>('clients', 'test/infra/fixtures/bundled-clients.ts');
    expect(text).not.toContain('":event-type"');
    expect(text).not.toContain('mnemonist/lru-cache');

    const requests: { target: string | undefined; method: string | undefined; url: string | undefined }[] = [];
    const server = createServer((request, response) => {
      requests.push({ target: request.headers['x-amz-target'] as string | undefined, method: request.method, url: request.url });
      request.resume();
      request.on('end', () => {
        if (request.headers['x-amz-target']) {
          response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify({ Item: { pk: { S: 'TICKET#IT-1' } } }));
        } else {
          response.writeHead(200, { etag: '"stored"' }).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect(await module.readAndStore(endpoint)).toEqual({ pk: 'TICKET#IT-1', etag: '"stored"' });
      expect(requests).toEqual([
        { target: 'DynamoDB_20120810.GetItem', method: 'POST', url: '/' },
        { target: undefined, method: 'PUT', url: '/attachments/IT-1/note.txt?x-id=PutObject' },
      ]);
    } finally {
      server.close();
    }
  });
});
