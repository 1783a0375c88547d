import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesSource } from '../../../web/scripts/api-types.ts';

describe('the web app API types', () => {
  it('match the OpenAPI document the API serves (run `npm run web:api` after changing the API)', async () => {
    expect(await readFile(API_TYPES_FILE, 'utf8')).toBe(await apiTypesSource());
  });
});
