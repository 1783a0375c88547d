import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { CatalogChoice } from '../api/load-filter-choices';
import { queuesMessages } from '../messages';

/** The catalog item filter: a combo box over the catalog's items (typing narrows the list, clearing it drops the filter). */
export function CatalogItemFilter({ items, value, onChange, error }: { items: readonly CatalogChoice[]; value: string | undefined; onChange: (id: string | undefined) => void; error?: string | undefined }) {
  const t = useMessages(queuesMessages);
  // An item the link names that the catalog no longer lists is still shown, by its id.
  const options = value && !items.some((item) => item.id === value) ? [...items, { id: value, name: value }] : items;
  return (
    <ComboBox
      className="field combo-field"
      items={options}
      selectedKey={value ?? null}
      onSelectionChange={(key) => {
        const next = key === null ? undefined : String(key);
        if (next !== value) onChange(next);
      }}
      menuTrigger="focus"
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <Label>{t.format('filter.catalogItem')}</Label>
      <div className="combo-row">
        <Input className="input" />
        <Button className="combo-button">
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <Text slot="description" className="field-help">
        {t.format('filter.catalogItem.help')}
      </Text>
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox">
          {(item: CatalogChoice) => (
            <ListBoxItem id={item.id} className="listbox-item" textValue={item.name}>
              {item.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
