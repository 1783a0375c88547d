import { useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button, FieldError, Input, Label, SearchField, Text } from 'react-aria-components';
import { useMessages } from '../../../lib/i18n/use-messages';
import { useShortcut } from '../../../lib/keyboard/use-shortcut';
import { queueHref } from '../queue-filters';
import { queuesMessages } from '../messages';
import { searchTarget } from '../search-target';

/**
 * The console's search: a ticket key opens that ticket, an email lists the requester's tickets
 * (all statuses) as the queue; anything else says what the box takes.
 */
export function QueueSearch() {
  const t = useMessages(queuesMessages);
  const navigate = useNavigate();
  const location = useLocation();
  const [text, setText] = useState('');
  const [unknown, setUnknown] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useShortcut('/', t.format('shortcut.search'), () => input.current?.focus());

  const find = () => {
    const target = searchTarget(text);
    if (target.kind === 'unknown') return setUnknown(true);
    setUnknown(false);
    if (target.kind === 'ticket') void navigate(`/console/tickets/${encodeURIComponent(target.key)}`, { state: { queue: `${location.pathname}${location.search}` } });
    else void navigate(queueHref({ requester: target.email, status: 'all' }));
  };

  return (
    <form
      role="search"
      aria-label={t.format('search.landmark')}
      className="queue-search"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        find();
      }}
    >
      <div className="queue-search-row">
        <SearchField
          className="field"
          value={text}
          onChange={(value) => {
            setText(value);
            if (unknown) setUnknown(false);
          }}
          isInvalid={unknown}
        >
          <Label>{t.format('search.label')}</Label>
          <Input ref={input} className="input" />
          <Text slot="description" className="field-help">
            {t.format('search.help')}
          </Text>
          <FieldError className="field-error">{t.format('search.unknown')}</FieldError>
        </SearchField>
        {/* Outside the SearchField, whose own button is the one that clears it. */}
        <Button type="submit" className="button">
          {t.format('search.submit')}
        </Button>
      </div>
    </form>
  );
}
