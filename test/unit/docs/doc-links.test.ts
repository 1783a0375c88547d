import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DOC_FILES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The text outside fenced code blocks, where links are links. */
function proseOf(markdown: string): string {
  return markdown.replace(/^ *```[\s\S]*?^ *```/gm, '');
}

/** GitHub's anchors of a page: one per heading, numbered like GitHub when a heading repeats. */
function anchorsOf(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const headings = proseOf(markdown).match(/^#{1,6} .+$/gm) ?? [];
  return new Set(headings.map((heading) => slugger.slug(heading.replace(/^#+ /, '').replace(/`/g, ''))));
}

/** Every relative link target of a page, as written: `[text](target)` and `![alt](target)`. */
function relativeLinksOf(markdown: string): string[] {
  const withoutInlineCode = proseOf(markdown).replace(/`[^`\n]*`/g, '');
  const targets = [...withoutInlineCode.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
  return targets.filter((target) => !/^[a-z]+:/i.test(target));
}

describe('the documentation pages', () => {
  it.each(DOC_FILES)('%s links only to files and headings that exist', (file) => {
    const broken: string[] = [];
    for (const target of relativeLinksOf(readFileSync(join(ROOT, file), 'utf8'))) {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const linked = path === '' ? join(ROOT, file) : resolve(ROOT, dirname(file), path);
      if (!existsSync(linked)) {
        broken.push(`${target}: no file ${relative(ROOT, linked)}`);
        continue;
      }
      if (anchor !== undefined && linked.endsWith('.md') && !anchorsOf(readFileSync(linked, 'utf8')).has(anchor)) {
        broken.push(`${target}: no heading #${anchor} in ${relative(ROOT, linked)}`);
      }
    }
    expect(broken, `broken links in ${file}`).toEqual([]);
  });

  it('each docs page says first whom it is for', () => {
    const withoutReader = DOC_FILES.filter((file) => file.startsWith('docs/')).filter((file) => {
      const firstParagraph = readFileSync(join(ROOT, file), 'utf8').split(/\n\s*\n/)[1] ?? '';
      return !/^For /.test(firstParagraph.trim());
    });
    expect(withoutReader, 'pages whose first paragraph does not start with "For ..."').toEqual([]);
  });

  it('the README stays a front page of at most 150 lines', () => {
    const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').trimEnd().split('\n').length;
    expect(lines).toBeLessThanOrEqual(150);
  });
});
