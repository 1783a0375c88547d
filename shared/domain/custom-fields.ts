import type { CustomFieldValue } from './ticket.ts';

/**
 * The most a ticket's custom fields may take, serialised. The ticket is one DynamoDB item (at most
 * 400 KB) beside a 50 KB description, and an update's history event holds old and new values.
 */
export const MAX_CUSTOM_FIELDS_BYTES = 64 * 1024;

/** Whether custom fields stay within {@link MAX_CUSTOM_FIELDS_BYTES}. */
export function customFieldsFit(values: Readonly<Record<string, CustomFieldValue>>): boolean {
  return Buffer.byteLength(JSON.stringify(values), 'utf8') <= MAX_CUSTOM_FIELDS_BYTES;
}

export const CUSTOM_FIELDS_TOO_LARGE = `take at most ${MAX_CUSTOM_FIELDS_BYTES / 1024} KB in all`;

/** The smallest magnitude a DynamoDB number takes (besides zero): 1E-130. */
const SMALLEST_STORABLE = 1e-130;

/**
 * Whether a custom field's number is stored and read back exactly. DynamoDB numbers hold 38 digits
 * between 1E-130 and 1E+126 in magnitude, and the marshaller refuses integers beyond 2^53 - 1 (they
 * would come back as another number): so an integer must be a safe one, a fraction at least 1E-130.
 * Every fraction a JavaScript number holds is below 2^53, so no upper bound is needed for them.
 */
export function isStorableNumber(value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (Number.isInteger(value)) return Number.isSafeInteger(value);
  return Math.abs(value) >= SMALLEST_STORABLE;
}

export const NUMBER_NOT_STORABLE = `must be an integer within ±${Number.MAX_SAFE_INTEGER} or a fraction of magnitude at least 1e-130`;
