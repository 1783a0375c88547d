import type { Key } from 'react-aria-components';
import { Button, FieldError, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text } from 'react-aria-components';
import './select-field.css';

export interface SelectOption {
  id: string;
  name: string;
}

interface Common {
  label: string;
  options: readonly SelectOption[];
  description?: string | undefined;
  /** The API's reason for refusing the value: shown under the control, which is marked invalid. */
  error?: string | undefined;
  isDisabled?: boolean;
  /** What an empty choice of several says ("Any"). */
  placeholder?: string;
}

/**
 * A labelled choice from a short list (React Aria's Select: a button that opens a list box): one
 * value, or several with `multiple`, with the API's refusal of the value under it.
 */
export function SelectField(props: Common & ({ multiple?: false; value: string; onChange: (id: string) => void } | { multiple: true; value: readonly string[]; onChange: (ids: string[]) => void })) {
  const { label, options, description, error, isDisabled, placeholder } = props;
  const body = (
    <>
      <Label>{label}</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      {description ? (
        <Text slot="description" className="field-help">
          {description}
        </Text>
      ) : null}
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className="listbox-item">
              {option.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </>
  );
  const shared = { className: 'field select-field', isDisabled: isDisabled ?? false, isInvalid: Boolean(error), validationBehavior: 'aria' as const, ...(placeholder ? { placeholder } : {}) };
  if (props.multiple) {
    const { onChange } = props;
    return (
      <Select {...shared} selectionMode="multiple" value={props.value} onChange={(keys: Key[]) => onChange(keys.map(String))}>
        {body}
      </Select>
    );
  }
  const { onChange } = props;
  return (
    <Select {...shared} value={props.value} onChange={(key) => key !== null && onChange(String(key))}>
      {body}
    </Select>
  );
}
