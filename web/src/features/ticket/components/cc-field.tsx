import { useId, useState } from 'react';
import { Button, Input, Label, Tag, TagGroup, TagList, Text, TextField } from 'react-aria-components';
import { useMessages } from '../../../lib/i18n/use-messages';
import { ticketMessages } from '../messages';

/** The API copies at most this many people on one reply. */
export const MAX_CC = 10;

/**
 * People to copy on a public reply: an address field (Enter or "Add" takes it) and the chosen
 * addresses as tags, each removable by the keyboard; the API's complaint about one shows beside it.
 */
export function CcField({ value, onChange, errors, isDisabled }: { value: readonly string[]; onChange: (next: string[]) => void; errors: ReadonlyMap<number, string>; isDisabled: boolean }) {
  const t = useMessages(ticketMessages);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string>();
  const listId = useId();

  const add = () => {
    const addresses = typed
      .split(/[,;\s]+/)
      .map((item) => item.trim())
      .filter(Boolean);
    if (addresses.length === 0) return;
    const next = [...value, ...addresses.filter((address) => !value.includes(address))];
    if (next.length > MAX_CC) {
      setProblem(t.format('cc.tooMany', { max: MAX_CC }));
      return;
    }
    setProblem(undefined);
    setTyped('');
    onChange(next);
  };

  return (
    <div className="field cc-field">
      <TextField className="cc-input" value={typed} onChange={setTyped} isDisabled={isDisabled || value.length >= MAX_CC} isInvalid={Boolean(problem)}>
        <Label>{t.format('cc.label')}</Label>
        <div className="cc-add-row">
          <Input
            type="email"
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ',') {
                event.preventDefault();
                add();
              }
            }}
          />
          <Button className="button" onPress={add} isDisabled={isDisabled || !typed.trim()}>
            {t.format('cc.add')}
          </Button>
        </div>
        <Text slot="description" className="field-help">
          {t.format('cc.help', { max: MAX_CC })}
        </Text>
      </TextField>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {value.length ? (
        <TagGroup aria-labelledby={listId} className="tag-group" onRemove={(keys) => onChange(value.filter((address) => !keys.has(address)))}>
          <span id={listId} className="visually-hidden">
            {t.format('cc.chosen')}
          </span>
          <TagList className="tag-list">
            {value.map((address, index) => (
              <Tag key={address} id={address} textValue={address} className="tag" data-invalid={errors.has(index) || undefined}>
                <span>{address}</span>
                {errors.has(index) ? <span className="field-error"> {errors.get(index)}</span> : null}
                <Button slot="remove" className="tag-remove" aria-label={t.format('cc.remove', { address })}>
                  <span aria-hidden="true">✕</span>
                </Button>
              </Tag>
            ))}
          </TagList>
        </TagGroup>
      ) : null}
    </div>
  );
}
