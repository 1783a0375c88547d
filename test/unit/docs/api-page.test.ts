import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_PAGE_FILE, generatedPartOf, renderApiReference, withGeneratedPart } from '../../../docs/generate/api-page.ts';
import { openApiDocument } from '../../../shared/http/openapi-document.ts';

describe('docs/api.md', () => {
  it('holds the reference the OpenAPI document renders now (run `npm run docs:generate` or `npm run docs:generate:api` after changing the API)', async () => {
    const page = await readFile(API_PAGE_FILE, 'utf8');
    expect(generatedPartOf(page), 'docs/api.md has no generated part between its markers').toBeDefined();
    expect(generatedPartOf(page), 'docs/api.md is stale: run `npm run docs:generate` (or `npm run docs:generate:api`)').toBe(renderApiReference(openApiDocument()));
  });

  it('names every operation, who may call it and the token it needs', () => {
    const reference = renderApiReference(openApiDocument());
    expect(reference).toContain('| [createTicket](#createticket) | `POST /tickets` | bearer | Anyone signed in; clients with `servicedesk/tickets.write` |');
    expect(reference).toContain('| [getApprovalPage](#getapprovalpage) | `GET /approvals/decide` | none |');
    expect(reference).toContain('#### decideResolution');
  });

  it('rewrites only the generated part of the page', () => {
    const page = withGeneratedPart('# Title\n\nHand-written.\n\n<!-- generated from the OpenAPI document by npm run docs:generate; do not edit -->\nold\n<!-- end of generated part -->\nAfter.\n', 'new\n');
    expect(page).toBe('# Title\n\nHand-written.\n\n<!-- generated from the OpenAPI document by npm run docs:generate; do not edit -->\n\nnew\n\n<!-- end of generated part -->\nAfter.\n');
    expect(generatedPartOf(page)).toBe('new\n');
  });
});
