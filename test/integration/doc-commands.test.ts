import { describe, expect, it } from 'vitest';
import { checkDocFile, docFiles, failed, formatFileResult } from '../../docs/check/docs-check.ts';

/**
 * `npm run docs:check` inside `npm test`: every sh/bash/shell block of README.md and docs/**\/*.md
 * runs against a local runtime started for its page alone (docs/check/), so the docs never show
 * a command that fails. The report of a failing page names the line, the command and its output.
 */
describe('the commands the docs show', () => {
  for (const file of docFiles()) {
    it(`${file}: each one runs against a fresh local runtime`, async () => {
      const result = await checkDocFile(file);
      expect(failed(result), formatFileResult(result)).toBe(false);
    }, 300_000);
  }
});
