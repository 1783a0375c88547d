import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text } from 'react-aria-components';
import './select-field.css';

export interface SelectOption {
  id: string;
  name: string;
}

/** A labelled single choice from a short list (React Aria's Select: a button that opens a list box). */
export function SelectField({
  label,
  value,
  options,
  onChange,
  description,
  isDisabled,
}: {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (id: string) => void;
  description?: string | undefined;
  isDisabled?: boolean;
}) {
  return (
    <Select className="field select-field" value={value} onChange={(key) => key !== null && onChange(String(key))} isDisabled={isDisabled ?? false}>
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
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className="listbox-item">
              {option.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
