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
