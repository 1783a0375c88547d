import { createHash } from 'node:crypto';

/**
 * The security headers of every page the web app serves: the CloudFront distribution's response
 * headers policy and the local runtime's web app files use this one set.
 */

export interface WebSecurityHeaderOrigins {
  /** Origins besides the app's own that scripts may call (the sign-in domain's token endpoint, an upload bucket). */
  connectSrc?: readonly string[];
  /** Origins besides the app's own that forms may post to (the hosted sign-in page). */
  formAction?: readonly string[];
}

/**
 * The one style element React Aria adds to the page (touch-action on pressable elements, so a tap
 * is not delayed by double-tap zoom), exactly as its usePress writes it; a unit test compares it
 * with the installed library, so an upgrade that changes it fails there rather than in a browser.
 */
export const REACT_ARIA_PRESS_STYLE = '@layer {\n  [data-react-aria-pressable] {\n    touch-action: pan-x pan-y pinch-zoom;\n  }\n}';

/** Lets exactly that style element in, and no other inline style. */
export const REACT_ARIA_PRESS_STYLE_SOURCE = `'sha256-${createHash('sha256').update(REACT_ARIA_PRESS_STYLE).digest('base64')}'`;

/** Two years, the preload list's minimum. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

/** Header names (lower case) and values, in the order they are listed. */
export function webSecurityHeaders(origins: WebSecurityHeaderOrigins = {}): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(origins),
    'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
}

/** No inline script, no inline style element but React Aria's one, nothing framed, nothing loaded from elsewhere but what is listed. */
export function contentSecurityPolicy(origins: WebSecurityHeaderOrigins = {}): string {
  const sources = (extra: readonly string[] | undefined) => ["'self'", ...unique(extra ?? [])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${REACT_ARIA_PRESS_STYLE_SOURCE}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${sources(origins.connectSrc)}`,
    `form-action ${sources(origins.formAction)}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const origin = value.trim();
    if (!origin) continue;
    if (/[\s;,]/.test(origin)) throw new Error(`"${value}" is not a CSP source: use an origin such as https://auth.example.com`);
    seen.add(origin);
  }
  return [...seen];
}
