import { describe, expect, it } from 'vitest';
import { formFieldSchema, type FormField } from '../../../shared/config/catalog-schema.ts';
import { validateRequestForm } from '../../../shared/domain/request-form.ts';
import type { CustomFieldValue } from '../../../shared/domain/ticket.ts';
import { ValidationError, type ErrorDetail } from '../../../shared/errors.ts';

/** A form field as the configuration parses it (required defaults to false). */
const field = (input: Record<string, unknown>): FormField => formFieldSchema.parse({ label: 'A field', ...input });

function problemsOf(form: FormField[], values: Record<string, CustomFieldValue>): ErrorDetail[] {
  try {
    validateRequestForm(form, values);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details;
  }
  throw new Error('expected the form to be refused');
}

const problemOf = (spec: Record<string, unknown>, value: CustomFieldValue): string | undefined => problemsOf([field({ id: 'f', ...spec })], { f: value })[0]?.message;

const valueOf = (spec: Record<string, unknown>, value: CustomFieldValue | undefined): CustomFieldValue | undefined =>
  validateRequestForm([field({ id: 'f', ...spec })], value === undefined ? {} : { f: value }).f;

describe('text fields', () => {
  it('accepts text and trims it', () => {
    expect(valueOf({ type: 'text' }, '  Office 3.14 ')).toBe('Office 3.14');
  });

  it('checks min and max as lengths', () => {
    expect(valueOf({ type: 'text', min: 2, max: 5 }, 'abcde')).toBe('abcde');
    expect(problemOf({ type: 'text', min: 2 }, 'a')).toBe('must be at least 2 characters');
    expect(problemOf({ type: 'text', max: 5 }, 'abcdef')).toBe('must be at most 5 characters');
  });

  it('refuses what is not text', () => {
    expect(problemOf({ type: 'text' }, 42)).toBe('must be text');
    expect(problemOf({ type: 'text' }, ['a'])).toBe('must be text');
  });
});

describe('number fields', () => {
  it('accepts a number within its bounds, the bounds included', () => {
    expect(valueOf({ type: 'number', min: 1, max: 10 }, 1)).toBe(1);
    expect(valueOf({ type: 'number', min: 1, max: 10 }, 10)).toBe(10);
    expect(valueOf({ type: 'number' }, -2.5)).toBe(-2.5);
  });

  it('refuses a number out of bounds', () => {
    expect(problemOf({ type: 'number', min: 1 }, 0)).toBe('must be at least 1');
    expect(problemOf({ type: 'number', max: 10 }, 11)).toBe('must be at most 10');
  });

  it('refuses numeric text, booleans and non-finite numbers', () => {
    expect(problemOf({ type: 'number' }, '3')).toBe('must be a number');
    expect(problemOf({ type: 'number' }, true)).toBe('must be a number');
    expect(problemOf({ type: 'number' }, Number.NaN)).toBe('must be a number');
    expect(problemOf({ type: 'number' }, Number.POSITIVE_INFINITY)).toBe('must be a number');
  });
});

describe('date fields', () => {
  it('accepts a calendar date, leap days included', () => {
    expect(valueOf({ type: 'date' }, '2026-12-24')).toBe('2026-12-24');
    expect(valueOf({ type: 'date' }, '2028-02-29')).toBe('2028-02-29');
  });

  it.each(['2026-02-30', '2027-02-29', '2026-13-01', '2026-00-10', '24.12.2026', '2026-12-24T10:00:00Z', '2026-1-5'])('refuses %s', (value) => {
    expect(problemOf({ type: 'date' }, value)).toBe('must be a date like 2026-12-24');
  });

  it('refuses a number', () => {
    expect(problemOf({ type: 'date' }, 20261224)).toBe('must be a date like 2026-12-24');
  });
});

describe('choice fields', () => {
  const choice = { type: 'choice', options: ['Laptop', 'Desktop'] };

  it('accepts one of the options', () => {
    expect(valueOf(choice, 'Desktop')).toBe('Desktop');
  });

  it('refuses anything else, listing the options', () => {
    expect(problemOf(choice, 'Tablet')).toBe('must be one of: Laptop, Desktop');
    expect(problemOf(choice, 'laptop')).toBe('must be one of: Laptop, Desktop');
    expect(problemOf(choice, ['Laptop'])).toBe('must be one of: Laptop, Desktop');
  });
});

describe('multi-choice fields', () => {
  const multi = { type: 'multi_choice', options: ['VPN', 'Email', 'CRM'] };

  it('accepts distinct options in any order', () => {
    expect(valueOf(multi, ['CRM', 'VPN'])).toEqual(['CRM', 'VPN']);
  });

  it('names the values that are not options', () => {
    expect(problemOf(multi, ['VPN', 'Fax', 'Telex'])).toBe('Fax, Telex are not allowed; must be a list of distinct values from: VPN, Email, CRM');
  });

  it('names a value given twice', () => {
    expect(problemOf(multi, ['VPN', 'VPN'])).toBe('VPN given more than once; must be a list of distinct values from: VPN, Email, CRM');
  });

  it('refuses a single value that is not in a list', () => {
    expect(problemOf(multi, 'VPN')).toBe('must be a list of distinct values from: VPN, Email, CRM');
  });
});

describe('email and user fields', () => {
  it.each(['email', 'user'])('lower-cases and trims a valid %s', (type) => {
    expect(valueOf({ type }, ' Jane.Doe@Example.ORG ')).toBe('jane.doe@example.org');
  });

  it('refuses what is not an email address', () => {
    expect(problemOf({ type: 'email' }, 'jane')).toBe('must be an email address like name@example.org');
    expect(problemOf({ type: 'email' }, 'jane@')).toBe('must be an email address like name@example.org');
    expect(problemOf({ type: 'user' }, 'Jane Doe')).toBe('must be the email address of a person, like name@example.org');
    expect(problemOf({ type: 'user' }, 7)).toBe('must be the email address of a person, like name@example.org');
  });
});

describe('asset fields', () => {
  it('accepts an asset tag, trimmed', () => {
    expect(valueOf({ type: 'asset' }, ' LT-00421 ')).toBe('LT-00421');
  });

  it('refuses what is not text', () => {
    expect(problemOf({ type: 'asset' }, 421)).toBe('must be an asset tag or name');
  });
});

describe('required fields and defaults', () => {
  const required = (type: string, extra: Record<string, unknown> = {}) => field({ id: 'f', type, required: true, ...extra });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['an empty string', ''],
    ['only spaces', '   '],
    ['an empty list', []],
  ] as const)('reports a required field that is %s', (_, value) => {
    const values: Record<string, CustomFieldValue> = value === undefined ? {} : { f: value as CustomFieldValue };
    expect(problemsOf([required('text')], values)).toEqual([{ path: 'customFields.f', message: 'required' }]);
  });

  it('requires at least one choice of a required multi-choice field', () => {
    expect(problemsOf([required('multi_choice', { options: ['A'] })], { f: [] })).toEqual([{ path: 'customFields.f', message: 'required' }]);
  });

  it('leaves out an optional field that is not given', () => {
    expect(validateRequestForm([field({ id: 'f', type: 'text' })], {})).toEqual({});
    expect(validateRequestForm([field({ id: 'f', type: 'text' })], { f: null })).toEqual({});
  });

  it('fills in a default for a field that is not given, which also satisfies required', () => {
    const form = [
      required('choice', { options: ['Laptop', 'Desktop'], default: 'Laptop' }),
      field({ id: 'count', type: 'number', default: 1 }),
      field({ id: 'apps', type: 'multi_choice', options: ['VPN', 'CRM'], default: ['VPN'] }),
    ];
    expect(validateRequestForm(form, { count: null })).toEqual({ f: 'Laptop', count: 1, apps: ['VPN'] });
  });

  it('keeps a given value over the default', () => {
    expect(valueOf({ type: 'choice', options: ['Laptop', 'Desktop'], default: 'Laptop' }, 'Desktop')).toBe('Desktop');
  });

  it('checks a default like a given value', () => {
    expect(problemsOf([field({ id: 'f', type: 'choice', options: ['A', 'B'], default: 'C' })], {})).toEqual([{ path: 'customFields.f', message: 'must be one of: A, B' }]);
  });
});

describe('fields that are not on the form', () => {
  it('keeps every value when the form is empty, since agents set custom fields freely', () => {
    const values = { costCentre: 'CC-12', seats: 3, urgent: true, tags: ['x'], cleared: null };
    const result = validateRequestForm([], values);
    expect(result).toEqual(values);
    expect(result).not.toBe(values);
  });

  it('refuses a key that is not a field of a non-empty form', () => {
    expect(problemsOf([field({ id: 'f', type: 'text' })], { f: 'ok', costCentre: 'CC-12' })).toEqual([{ path: 'customFields.costCentre', message: 'not a field of this request form' }]);
  });
});

describe('reporting', () => {
  const form = [
    field({ id: 'model', type: 'choice', required: true, options: ['Laptop', 'Desktop'] }),
    field({ id: 'neededBy', type: 'date' }),
    field({ id: 'manager', type: 'user', required: true }),
    field({ id: 'monitors', type: 'number', min: 0, max: 2 }),
  ];

  it('reports every problem at once, in form order then unknown keys', () => {
    try {
      validateRequestForm(form, { neededBy: '2026-02-30', monitors: 3, colour: 'red' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toBe('5 fields of the request form are invalid');
      expect((error as ValidationError).details).toEqual([
        { path: 'customFields.model', message: 'required' },
        { path: 'customFields.neededBy', message: 'must be a date like 2026-12-24' },
        { path: 'customFields.manager', message: 'required' },
        { path: 'customFields.monitors', message: 'must be at most 2' },
        { path: 'customFields.colour', message: 'not a field of this request form' },
      ]);
    }
  });

  it('returns every value of a valid form, normalised, and does not touch the input', () => {
    const values = { model: 'Laptop', neededBy: '2026-12-24', manager: 'Maria.Manager@Example.com', monitors: 2 };
    const copy = structuredClone(values);
    expect(validateRequestForm(form, values)).toEqual({ ...values, manager: 'maria.manager@example.com' });
    expect(values).toEqual(copy);
  });

  it('does not mistake inherited object keys for fields', () => {
    expect(problemsOf(form, { model: 'Laptop', manager: 'm@example.com', toString: 'x' })).toEqual([{ path: 'customFields.toString', message: 'not a field of this request form' }]);
  });
});
