import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APPROVAL_PAGE_STYLE, DARK_THEME_TOKENS, THEME_TOKENS } from '../../../shared/http/approval-page-style.ts';
import { approvalMessagePage } from '../../../shared/http/approval-pages.ts';

/** The custom properties a CSS block declares, by name. */
function customProperties(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/(--[a-z0-9-]+)\s*:\s*([^;]+);/g)].map(([, name, value]) => [name!, value!.trim()]));
}

describe("the approval page's stylesheet", () => {
  it("has the web app's design tokens, light and dark", () => {
    const theme = readFileSync(new URL('../../../web/src/styles/theme.css', import.meta.url), 'utf8');
    const light = /^:root\s*\{([^}]*)\}/m.exec(theme)![1]!;
    const dark = /@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(theme)![1]!;
    expect(THEME_TOKENS).toEqual(customProperties(light));
    expect(DARK_THEME_TOKENS).toEqual(customProperties(dark));
  });

  it('is the one stylesheet the page carries, allowed by its hash and nothing else', () => {
    const page = approvalMessagePage(403, 'This approval link cannot be used', 'The link has expired.');
    const body = page.body!;
    const styles = [...body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]);
    expect(styles).toEqual([APPROVAL_PAGE_STYLE]);
    expect(body).not.toMatch(/\sstyle=/);
    const policy = page.headers!['content-security-policy'] as string;
    const styleSrc = policy
      .split(';')
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith('style-src'));
    expect(styleSrc).toBe(`style-src 'sha256-${createHash('sha256').update(APPROVAL_PAGE_STYLE).digest('base64')}'`);
    expect(policy).not.toContain('unsafe-inline');
  });
});
