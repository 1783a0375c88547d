import { createHash } from 'node:crypto';
import Mustache from 'mustache';
import type { HttpResponse } from './api-gateway-event.ts';

/** One small stylesheet for every page of the local issuers: readable on a phone, light or dark as the system is. */
const STYLESHEET = `:root{color-scheme:light dark;--fg:#1b1b1f;--bg:#fff;--muted:#55575d;--line:#8a8d94;--accent:#0b57d0;--accent-fg:#fff;--error:#b3261e}
@media (prefers-color-scheme:dark){:root{--fg:#e6e6ea;--bg:#16171a;--muted:#b4b6bc;--line:#7b7e86;--accent:#a8c7fa;--accent-fg:#062e6f;--error:#f2b8b5}}
*{box-sizing:border-box}body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:28rem;margin:0 auto;padding:1.5rem 1rem 3rem}h1{font-size:1.5rem;margin:0 0 1rem}h2{font-size:1.1rem;margin:2rem 0 .5rem}
p{margin:.5rem 0}.hint{color:var(--muted);font-size:.95rem}label{display:block;font-weight:600;margin-bottom:.25rem}
input{width:100%;font:inherit;padding:.6rem .7rem;border:1px solid var(--line);border-radius:.4rem;background:var(--bg);color:var(--fg)}
input[aria-invalid=true]{border-color:var(--error);border-width:2px}.error{color:var(--error);font-weight:600}
button{width:100%;font:inherit;min-height:2.75rem;padding:.5rem 1rem;margin-top:.75rem;border-radius:.4rem;border:1px solid var(--accent);background:var(--accent);color:var(--accent-fg);cursor:pointer;text-align:left}
button.secondary{background:transparent;color:var(--fg);border-color:var(--line)}button .role{display:block;color:var(--muted);font-size:.9rem}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}ul{list-style:none;margin:0;padding:0}li button{margin-top:.5rem}`;

const STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLESHEET).digest('base64')}'`;

const LAYOUT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title><style>{{{stylesheet}}}</style></head>
<body><main>{{{body}}}</main></body></html>`;

/**
 * A server-rendered page that runs no script and loads nothing; its forms post only to this server
 * and, since browsers apply form-action to the redirect a post answers with, to `formTargets`.
 */
export function htmlPage(statusCode: number, title: string, body: string, options: { formTargets?: readonly string[]; headers?: Record<string, string | string[]> } = {}): HttpResponse {
  const formAction = ["'self'", ...new Set(options.formTargets ?? [])].join(' ');
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': `default-src 'none'; style-src ${STYLE_SOURCE}; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      ...options.headers,
    },
    body: Buffer.from(Mustache.render(LAYOUT, { title, body, stylesheet: STYLESHEET })),
  };
}

/** A page that explains what went wrong and what to do, for errors that cannot go back to the app. */
export function messagePage(statusCode: number, heading: string, text: string): HttpResponse {
  return htmlPage(statusCode, heading, Mustache.render('<h1>{{heading}}</h1><p>{{text}}</p>', { heading, text }));
}
