import type { LocalizedStringFormatter } from '@internationalized/string';
import type { FieldValue, FormField } from './api/request-form-api';

type Formatter = Pick<LocalizedStringFormatter<string, never>, 'format'>;

export const SUBJECT_MAX = 250;
export const DESCRIPTION_MAX = 50_000;

// The API's rules (shared/domain/request-form.ts), checked here without its zod so the form's chunk stays small.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const fieldKey = (field: Pick<FormField, 'id'>) => `customFields.${field.id}`;

export function isBlank(value: FieldValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  if (typeof value === 'string') return value.trim() === '';
  return value.length === 0;
}

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function problemOf(field: FormField, value: FieldValue | undefined, t: Formatter): string | undefined {
  if (isBlank(value)) {
    if (!field.required) return undefined;
    return field.type === 'choice' || field.type === 'multi_choice' ? t.format('choiceRequired') : t.format('fieldRequired');
  }
  switch (field.type) {
    case 'text': {
      const length = String(value).trim().length;
      if (field.min !== undefined && length < field.min) return t.format('textTooShort', { min: field.min });
      if (field.max !== undefined && length > field.max) return t.format('textTooLong', { max: field.max });
      return undefined;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return t.format('notANumber');
      if (field.min !== undefined && value < field.min) return t.format('numberTooSmall', { min: field.min });
      if (field.max !== undefined && value > field.max) return t.format('numberTooLarge', { max: field.max });
      return undefined;
    }
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? undefined : t.format('notADate');
    case 'email':
    case 'user':
      return typeof value === 'string' && EMAIL.test(value.trim()) ? undefined : t.format('notAnEmail');
    default:
      return undefined;
  }
}

/** The form's problems by field key (`subject`, `customFields.<id>`), in the person's language. */
export function validateForm(form: readonly FormField[], input: { subject: string; description: string; values: Record<string, FieldValue> }, t: Formatter): Record<string, string> {
  const problems: Record<string, string> = {};
  const subject = input.subject.trim();
  if (subject === '') problems.subject = t.format('fieldRequired');
  else if (subject.length > SUBJECT_MAX) problems.subject = t.format('textTooLong', { max: SUBJECT_MAX });
  if (input.description.length > DESCRIPTION_MAX) problems.description = t.format('textTooLong', { max: DESCRIPTION_MAX });
  for (const field of form) {
    const problem = problemOf(field, input.values[field.id], t);
    if (problem) problems[fieldKey(field)] = problem;
  }
  return problems;
}

/** The custom fields to send: given values only, text trimmed (blank ones count as not given). */
export function customFieldsOf(form: readonly FormField[], values: Record<string, FieldValue>): Record<string, string | number | string[]> {
  const result: Record<string, string | number | string[]> = {};
  for (const field of form) {
    const value = values[field.id];
    if (value === undefined || value === null || isBlank(value)) continue;
    result[field.id] = typeof value === 'string' ? value.trim() : value;
  }
  return result;
}

/** A field's starting value: the draft's, else the form's default, else empty. */
export function initialValue(field: FormField): FieldValue {
  if (field.default !== undefined) {
    if (field.type === 'multi_choice') return Array.isArray(field.default) ? field.default : [String(field.default)];
    if (field.type === 'number') return typeof field.default === 'number' ? field.default : Number(field.default);
    return Array.isArray(field.default) ? (field.default[0] ?? '') : String(field.default);
  }
  if (field.type === 'multi_choice') return [];
  if (field.type === 'number') return null;
  return '';
}
