import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { API_TYPES_FILE, apiTypesSource } from './api-types.ts';

await writeFile(API_TYPES_FILE, await apiTypesSource());
console.log(`Wrote ${fileURLToPath(API_TYPES_FILE)}`);
