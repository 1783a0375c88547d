import { createHash } from 'node:crypto';

/**
 * The approval page's look: the web app's design tokens (web/src/styles/theme.css; a unit test
 * keeps them the same), light by default and dark when the system asks for it, and the few rules
 * the page needs. It is one static stylesheet, allowed by its hash in the page's CSP.
 */
export const THEME_TOKENS: Record<string, string> = {
  '--font-sans': "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  '--font-mono': "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace",
  '--radius': '8px',
  '--space-1': '0.25rem',
  '--space-2': '0.5rem',
  '--space-3': '0.75rem',
  '--space-4': '1rem',
  '--space-6': '1.5rem',
  '--space-8': '2rem',
  '--content-width': '60rem',
  '--color-bg': '#ffffff',
  '--color-surface': '#f6f7f9',
  '--color-surface-raised': '#ffffff',
  '--color-border': '#c9ced6',
  '--color-text': '#1a1d23',
  '--color-text-muted': '#4b5361',
  '--color-accent': '#1d4ed8',
  '--color-accent-hover': '#1e40af',
  '--color-on-accent': '#ffffff',
  '--color-focus': '#1d4ed8',
  '--color-danger': '#b42318',
  '--color-danger-bg': '#fdecea',
  '--color-success': '#146c2e',
  '--color-success-bg': '#e7f6ec',
  '--color-warning': '#8a4b00',
  '--color-warning-bg': '#fff4e0',
};

export const DARK_THEME_TOKENS: Record<string, string> = {
  '--color-bg': '#111318',
  '--color-surface': '#1a1d24',
  '--color-surface-raised': '#222630',
  '--color-border': '#444b58',
  '--color-text': '#eceef2',
  '--color-text-muted': '#b3b9c5',
  '--color-accent': '#8fb1ff',
  '--color-accent-hover': '#b0c8ff',
  '--color-on-accent': '#0b1330',
  '--color-focus': '#8fb1ff',
  '--color-danger': '#ff9c91',
  '--color-danger-bg': '#3a1715',
  '--color-success': '#86d99e',
  '--color-success-bg': '#12301c',
  '--color-warning': '#ffc46b',
  '--color-warning-bg': '#3a2a10',
};

const declarations = (tokens: Record<string, string>) =>
  Object.entries(tokens)
    .map(([name, value]) => `${name}:${value}`)
    .join(';');

const RULES = [
  '*,*::before,*::after{box-sizing:border-box}',
  'html{font-family:var(--font-sans);line-height:1.5;background:var(--color-bg);color:var(--color-text);-webkit-text-size-adjust:100%}',
  'body{max-width:40rem;margin:0 auto;padding:var(--space-6) var(--space-4);overflow-wrap:anywhere}',
  'h1{font-size:1.5rem;line-height:1.25;margin:0 0 var(--space-3)}',
  'a{color:var(--color-accent)}',
  '.meta{color:var(--color-text-muted)}',
  'blockquote{margin:var(--space-4) 0;padding:var(--space-3) var(--space-4);border-left:4px solid var(--color-border);border-radius:var(--radius);background:var(--color-surface);white-space:pre-wrap}',
  'label{font-weight:600}',
  'textarea{width:100%;min-height:7rem;margin-top:var(--space-1);padding:var(--space-2) var(--space-3);border:1px solid var(--color-border);border-radius:var(--radius);background:var(--color-bg);color:var(--color-text);font:inherit;resize:vertical}',
  'button{min-height:2.75rem;margin:0 var(--space-2) var(--space-2) 0;padding:var(--space-2) var(--space-4);border:1px solid var(--color-border);border-radius:var(--radius);background:var(--color-surface-raised);color:var(--color-text);font:inherit;font-weight:600;cursor:pointer}',
  "button[value='approve']{background:var(--color-accent);border-color:var(--color-accent);color:var(--color-on-accent)}",
  "button[value='approve']:hover{background:var(--color-accent-hover);border-color:var(--color-accent-hover)}",
  "button[value='reject']{color:var(--color-danger);border-color:var(--color-danger)}",
  "button[value='reject']:hover{background:var(--color-danger-bg)}",
  ':focus-visible{outline:3px solid var(--color-focus);outline-offset:2px}',
  'code{font-family:var(--font-mono);overflow-wrap:anywhere}',
  '@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}',
].join('');

export const APPROVAL_PAGE_STYLE = `:root{color-scheme:light dark;${declarations(THEME_TOKENS)}}@media (prefers-color-scheme:dark){:root{${declarations(DARK_THEME_TOKENS)}}}${RULES}`;

/** The CSP source that allows exactly this stylesheet and no other. */
export const APPROVAL_PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(APPROVAL_PAGE_STYLE).digest('base64')}'`;
