import { describe, expect, it } from 'vitest';
import { HTTP_ROUTES, type HttpRoute } from '../../../functions/http/routes.ts';
import { createRouteMatcher } from '../../../local/route-matcher.ts';

const match = createRouteMatcher(HTTP_ROUTES);

describe('createRouteMatcher', () => {
  it('matches a literal path without path parameters', () => {
    const found = match('GET', '/tickets');
    expect(found?.routeKey).toBe('GET /tickets');
    expect(found?.pathParameters).toBeUndefined();
  });

  it('matches a template and decodes its parameter', () => {
    const found = match('GET', '/tickets/SD%2D1');
    expect(found?.routeKey).toBe('GET /tickets/{key}');
    expect(found?.pathParameters).toEqual({ key: 'SD-1' });
  });

  it('tells /tickets/{key} from /tickets/{key}/comments', () => {
    expect(match('POST', '/tickets/SD-7/comments')?.route.handler).toBe('add-comment');
    expect(match('GET', '/tickets/SD-7/history')?.route.handler).toBe('get-ticket-history');
    expect(match('PATCH', '/tickets/SD-7')?.route.handler).toBe('update-ticket');
  });

  it('prefers a literal segment over a parameter, whatever the order of the table', () => {
    const routes: HttpRoute[] = [
      { method: 'GET', path: '/tickets/{key}', handler: 'by-key', auth: true, table: 'read' },
      { method: 'GET', path: '/tickets/mine', handler: 'mine', auth: true, table: 'read' },
    ];
    const matchFake = createRouteMatcher(routes);
    expect(matchFake('GET', '/tickets/mine')?.route.handler).toBe('mine');
    expect(matchFake('GET', '/tickets/SD-1')?.route.handler).toBe('by-key');
  });

  it('finds nothing for a known path under another method, as API Gateway answers 404 there', () => {
    expect(match('DELETE', '/tickets/SD-1')).toBeUndefined();
    expect(match('PUT', '/health')).toBeUndefined();
  });

  it('finds nothing for unknown or partial paths', () => {
    expect(match('GET', '/nope')).toBeUndefined();
    expect(match('GET', '/tickets/SD-1/unknown')).toBeUndefined();
    expect(match('GET', '/tickets//comments')).toBeUndefined();
  });

  it('tolerates a trailing slash and matches the method case-insensitively', () => {
    expect(match('get', '/health/')?.routeKey).toBe('GET /health');
  });

  it('lets a greedy {proxy+} parameter take the rest of the path, after more specific routes', () => {
    const matchFake = createRouteMatcher([
      { method: 'GET', path: '/files/{proxy+}', handler: 'files', auth: false, table: 'none' },
      { method: 'GET', path: '/files/{name}', handler: 'file', auth: false, table: 'none' },
    ]);
    expect(matchFake('GET', '/files/a')?.route.handler).toBe('file');
    expect(matchFake('GET', '/files/a/b/c')?.pathParameters).toEqual({ proxy: 'a/b/c' });
  });
});
