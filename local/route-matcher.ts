import type { HttpRoute } from '#functions/http/routes';

export interface RouteMatch<R extends HttpRoute = HttpRoute> {
  route: R;
  /** API Gateway's routeKey, e.g. 'GET /tickets/{key}'. */
  routeKey: string;
  /** Decoded values by name; undefined when the route has none, as in the AWS event. */
  pathParameters?: Record<string, string>;
}

type Segment = { literal: string } | { param: string; greedy: boolean };

interface CompiledRoute<R> {
  route: R;
  segments: Segment[];
}

/**
 * Matches a method and a raw path against API Gateway route templates. As in API Gateway, the most
 * specific template wins (literal segments before `{param}`, `{param+}` last); a path that matches
 * only under another method is not found (HTTP APIs answer 404, not 405).
 */
export function createRouteMatcher<R extends HttpRoute>(routes: readonly R[]): (method: string, rawPath: string) => RouteMatch<R> | undefined {
  const compiled = routes.map((route) => ({ route, segments: compile(route.path) })).sort(bySpecificity);
  return (method, rawPath) => {
    const parts = splitPath(rawPath);
    for (const candidate of compiled) {
      if (candidate.route.method !== method.toUpperCase()) continue;
      const params = matchSegments(candidate.segments, parts);
      if (!params) continue;
      return {
        route: candidate.route,
        routeKey: `${candidate.route.method} ${candidate.route.path}`,
        ...(Object.keys(params).length > 0 ? { pathParameters: params } : {}),
      };
    }
    return undefined;
  };
}

function compile(path: string): Segment[] {
  return splitPath(path).map((part) => {
    const param = /^\{([^{}]+?)(\+)?\}$/.exec(part);
    return param ? { param: param[1]!, greedy: param[2] === '+' } : { literal: part };
  });
}

function splitPath(path: string): string[] {
  return path.split('/').filter((part, index, all) => !(part === '' && (index === 0 || index === all.length - 1)));
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    if ('literal' in segment) {
      if (parts[index] !== segment.literal) return undefined;
      continue;
    }
    if (segment.greedy) {
      const rest = parts.slice(index);
      if (rest.length === 0) return undefined;
      params[segment.param] = safeDecode(rest.join('/'));
      return params;
    }
    const part = parts[index];
    if (part === undefined || part === '') return undefined;
    params[segment.param] = safeDecode(part);
  }
  return segments.length === parts.length ? params : undefined;
}

/** Literal segments first, position by position; then longer templates; greedy ones last. */
function bySpecificity<R>(a: CompiledRoute<R>, b: CompiledRoute<R>): number {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let index = 0; index < length; index++) {
    const rank = segmentRank(b.segments[index]) - segmentRank(a.segments[index]);
    if (rank !== 0) return rank;
  }
  return 0;
}

function segmentRank(segment: Segment | undefined): number {
  if (!segment) return 0;
  if ('literal' in segment) return 3;
  return segment.greedy ? 1 : 2;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
