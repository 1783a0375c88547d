import { parseDate } from '@internationalized/date';
import type { ReactNode } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  Checkbox,
  CheckboxGroup,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  NumberField,
  Popover,
  Radio,
  RadioGroup,
  Select,
  SelectValue,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { FieldValue, FormField } from '../api/request-form-api';
import { requestFormMessages } from '../messages';

/** Choices with this many options or fewer are radio buttons, all visible; more are a list box. */
const RADIO_LIMIT = 5;
/** Text fields that may hold more than this are multi-line. */
const LONG_TEXT = 250;

export interface FieldControlProps {
  field: FormField;
  value: FieldValue;
  onChange: (value: FieldValue) => void;
  error?: string | undefined;
}

function FieldLabel({ field }: { field: Pick<FormField, 'label' | 'required'> }) {
  return (
    <Label className="field-label">
      {field.label}
      {field.required && (
        <span className="required-mark" aria-hidden="true">
          *
        </span>
      )}
    </Label>
  );
}

function HelpAndError({ help, error }: { help?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {help && (
        <Text slot="description" className="field-help">
          {help}
        </Text>
      )}
      <FieldError className="field-error">{error}</FieldError>
    </>
  );
}

function parseDay(value: FieldValue) {
  if (typeof value !== 'string' || value === '') return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
}

/** One field of a catalog item's form, by its type, with its label, help, required mark and error. */
export function FieldControl({ field, value, onChange, error }: FieldControlProps) {
  const t = useMessages(requestFormMessages);
  const common = { isRequired: field.required, isInvalid: error !== undefined, className: 'field' } as const;
  const options = field.options ?? [];
  let control: ReactNode;

  switch (field.type) {
    case 'number':
      control = (
        <NumberField
          {...common}
          value={typeof value === 'number' ? value : Number.NaN}
          onChange={(next) => onChange(Number.isNaN(next) ? null : next)}
          {...(field.min !== undefined ? { minValue: field.min } : {})}
          {...(field.max !== undefined ? { maxValue: field.max } : {})}
          formatOptions={{ useGrouping: false, maximumFractionDigits: 6 }}
        >
          <FieldLabel field={field} />
          <Input className="input input-number" />
          <HelpAndError help={field.help} error={error} />
        </NumberField>
      );
      break;
    case 'date':
      control = (
        <DatePicker {...common} value={parseDay(value)} onChange={(next) => onChange(next ? next.toString() : '')} granularity="day">
          <FieldLabel field={field} />
          <Group className="date-group">
            <DateInput className="date-input">{(segment) => <DateSegment segment={segment} className="date-segment" />}</DateInput>
            <Button className="button button-small date-button">
              <span aria-hidden="true">▾</span>
            </Button>
          </Group>
          <HelpAndError help={field.help} error={error} />
          <Popover className="popover">
            <Dialog className="calendar-dialog">
              <Calendar className="calendar">
                <header className="calendar-header">
                  <Button slot="previous" className="button button-small">
                    <span aria-hidden="true">‹</span>
                  </Button>
                  <Heading className="calendar-heading" />
                  <Button slot="next" className="button button-small">
                    <span aria-hidden="true">›</span>
                  </Button>
                </header>
                <CalendarGrid className="calendar-grid">{(date) => <CalendarCell date={date} className="calendar-cell" />}</CalendarGrid>
              </Calendar>
            </Dialog>
          </Popover>
        </DatePicker>
      );
      break;
    case 'choice':
      control =
        options.length <= RADIO_LIMIT ? (
          <RadioGroup {...common} value={typeof value === 'string' && value !== '' ? value : null} onChange={onChange}>
            <FieldLabel field={field} />
            <div className="choices">
              {options.map((option) => (
                <Radio key={option} value={option} className="choice">
                  <span className="choice-mark choice-mark-radio" aria-hidden="true" />
                  {option}
                </Radio>
              ))}
            </div>
            <HelpAndError help={field.help} error={error} />
          </RadioGroup>
        ) : (
          <Select {...common} selectedKey={typeof value === 'string' && value !== '' ? value : null} onSelectionChange={(key) => onChange(key === null ? '' : String(key))} placeholder={t.format('chooseOne')}>
            <FieldLabel field={field} />
            <Button className="select-button">
              <SelectValue />
              <span aria-hidden="true">▾</span>
            </Button>
            <HelpAndError help={field.help} error={error} />
            <Popover className="popover">
              <ListBox className="listbox">
                {options.map((option) => (
                  <ListBoxItem key={option} id={option} className="listbox-item">
                    {option}
                  </ListBoxItem>
                ))}
              </ListBox>
            </Popover>
          </Select>
        );
      break;
    case 'multi_choice':
      control = (
        <CheckboxGroup {...common} value={Array.isArray(value) ? value : []} onChange={onChange}>
          <FieldLabel field={field} />
          <div className="choices">
            {options.map((option) => (
              <Checkbox key={option} value={option} className="choice">
                <span className="choice-mark choice-mark-checkbox" aria-hidden="true" />
                {option}
              </Checkbox>
            ))}
          </div>
          <HelpAndError help={field.help} error={error} />
        </CheckboxGroup>
      );
      break;
    default: {
      // text, email, user (a person's email address) and asset (a tag or name) are typed in.
      const isEmail = field.type === 'email' || field.type === 'user';
      const multiline = field.type === 'text' && (field.max ?? 0) > LONG_TEXT;
      control = (
        <TextField {...common} value={typeof value === 'string' ? value : ''} onChange={onChange} type={isEmail ? 'email' : 'text'} {...(isEmail ? { autoComplete: 'email' } : {})}>
          <FieldLabel field={field} />
          {multiline ? <TextArea className="input" rows={4} /> : <Input className="input" {...(isEmail ? { inputMode: 'email' as const } : {})} />}
          <HelpAndError help={field.help} error={error} />
        </TextField>
      );
    }
  }
  return <div data-field-key={`customFields.${field.id}`}>{control}</div>;
}

/** The subject and description every ticket has. */
export function TextControl(props: {
  fieldKey: string;
  label: string;
  help: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
  error?: string | undefined;
}) {
  return (
    <div data-field-key={props.fieldKey}>
      <TextField
        className="field"
        value={props.value}
        onChange={props.onChange}
        isRequired={props.required ?? false}
        isInvalid={props.error !== undefined}
        {...(props.maxLength ? { maxLength: props.maxLength } : {})}
      >
        <FieldLabel field={{ label: props.label, required: props.required ?? false }} />
        {props.multiline ? <TextArea className="input" rows={6} /> : <Input className="input" />}
        <HelpAndError help={props.help} error={props.error} />
      </TextField>
    </div>
  );
}
