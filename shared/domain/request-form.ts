import * as z from '../schema/zod-mini.ts';
import type { FormField } from '../config/catalog-schema.ts';
import { ValidationError, type ErrorDetail } from '../errors.ts';
import type { CustomFieldValue } from './ticket.ts';

const emailFormat = z.email();
const DATE_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

type Check = { value: CustomFieldValue } | { problem: string };

/**
 * Checks the custom fields of a request against its catalog item's form and returns them
 * normalised: defaults filled in, text trimmed, emails lower-cased, absent optional fields left out.
 * With an empty form every value is kept as given, since agents may set custom fields freely; with a
 * form, a key that is not one of its fields is refused. An empty string, an empty list or null
 * counts as not given. Every problem is reported at once, in one ValidationError whose details name
 * `customFields.<fieldId>`.
 */
export function validateRequestForm(form: readonly FormField[], values: Readonly<Record<string, CustomFieldValue>>): Record<string, CustomFieldValue> {
  if (form.length === 0) return { ...values };
  const result: Record<string, CustomFieldValue> = {};
  const details: ErrorDetail[] = [];
  const fieldIds = new Set(form.map((field) => field.id));

  for (const field of form) {
    const given = Object.hasOwn(values, field.id) ? values[field.id] : undefined;
    const value = isBlank(given) && field.default !== undefined ? field.default : given;
    if (isBlank(value)) {
      if (field.required) details.push({ path: `customFields.${field.id}`, message: 'required' });
      continue;
    }
    const check = checkValue(field, value);
    if ('problem' in check) details.push({ path: `customFields.${field.id}`, message: check.problem });
    else result[field.id] = check.value;
  }
  for (const key of Object.keys(values)) {
    if (!fieldIds.has(key)) details.push({ path: `customFields.${key}`, message: 'not a field of this request form' });
  }

  if (details.length > 0) {
    throw new ValidationError(details.length === 1 ? 'A field of the request form is invalid' : `${details.length} fields of the request form are invalid`, details);
  }
  return result;
}

function isBlank(value: CustomFieldValue | undefined): value is null | undefined | '' | [] {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

function checkValue(field: FormField, value: CustomFieldValue): Check {
  switch (field.type) {
    case 'text':
      return checkText(field, value);
    case 'number':
      return checkNumber(field, value);
    case 'date':
      return typeof value === 'string' && isCalendarDate(value.trim()) ? { value: value.trim() } : { problem: 'must be a date like 2026-12-24' };
    case 'choice':
      return typeof value === 'string' && options(field).includes(value) ? { value } : { problem: `must be one of: ${options(field).join(', ')}` };
    case 'multi_choice':
      return checkMultiChoice(field, value);
    case 'email':
      return checkEmail(value, 'must be an email address like name@example.org');
    case 'user':
      return checkEmail(value, 'must be the email address of a person, like name@example.org');
    case 'asset':
      return typeof value === 'string' ? { value: value.trim() } : { problem: 'must be an asset tag or name' };
  }
}

function checkText(field: FormField, value: CustomFieldValue): Check {
  if (typeof value !== 'string') return { problem: 'must be text' };
  const text = value.trim();
  if (field.min !== undefined && text.length < field.min) return { problem: `must be at least ${field.min} characters` };
  if (field.max !== undefined && text.length > field.max) return { problem: `must be at most ${field.max} characters` };
  return { value: text };
}

function checkNumber(field: FormField, value: CustomFieldValue): Check {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { problem: 'must be a number' };
  if (field.min !== undefined && value < field.min) return { problem: `must be at least ${field.min}` };
  if (field.max !== undefined && value > field.max) return { problem: `must be at most ${field.max}` };
  return { value };
}

function checkMultiChoice(field: FormField, value: CustomFieldValue): Check {
  const allowed = options(field);
  const problem = `must be a list of distinct values from: ${allowed.join(', ')}`;
  if (!Array.isArray(value)) return { problem };
  const unknown = value.filter((choice) => !allowed.includes(choice));
  if (unknown.length > 0) return { problem: `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not allowed; ${problem}` };
  const repeated = value.filter((choice, index) => value.indexOf(choice) !== index);
  if (repeated.length > 0) return { problem: `${[...new Set(repeated)].join(', ')} given more than once; ${problem}` };
  return { value: [...value] };
}

function checkEmail(value: CustomFieldValue, problem: string): Check {
  if (typeof value !== 'string') return { problem };
  const email = value.trim().toLowerCase();
  return z.safeParse(emailFormat, email).success ? { value: email } : { problem };
}

// The configuration requires options on choice fields; an empty list only guards the type.
const options = (field: FormField): string[] => field.options ?? [];

/** A real day of the Gregorian calendar written as YYYY-MM-DD (so 2026-02-30 is refused). */
function isCalendarDate(text: string): boolean {
  const match = DATE_FORMAT.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
