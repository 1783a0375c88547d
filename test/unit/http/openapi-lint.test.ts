import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../shared/http/openapi-document.ts';

/** One problem as Redocly's CLI would print it: severity, rule, message and where in the document. */
function describeProblem(problem: NormalizedProblem): string {
  const where = problem.location.map((location) => location.pointer ?? location.source.absoluteRef).join(', ');
  return `${problem.severity} ${problem.ruleId}: ${problem.message} at ${where}`;
}

describe('the OpenAPI document under Redocly lint', () => {
  it('has no problem, error or warning, under the recommended ruleset', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(openApiDocument(), null, 2), absoluteRef: 'openapi.json', config });
    expect(problems.map(describeProblem)).toEqual([]);
  });
});
