import { useMessages } from '../../../lib/i18n/use-messages';
import { queuesMessages } from '../messages';

/**
 * The filter bar's shape while its code loads: the same labels, boxes and help texts, so the list
 * below stays where it is when the controls arrive. Hidden from assistive technology (it has no
 * controls); the real bar replaces it within a moment.
 */
export function QueueFilterPlaceholder({ deskQueue }: { deskQueue: boolean }) {
  const t = useMessages(queuesMessages);
  const fields = [
    { label: t.format('filter.status') },
    { label: t.format('filter.sla') },
    { label: t.format('filter.priority') },
    { label: t.format('filter.channel') },
    { label: t.format('filter.catalogItem'), help: t.format('filter.catalogItem.help') },
    { label: t.format('filter.assignee'), help: deskQueue ? undefined : t.format('filter.assignee.deskOnly') },
    { label: t.format('filter.order'), help: t.format('filter.order.help') },
  ];
  return (
    <div className="queue-filters" aria-hidden="true">
      {fields.map((field) => (
        <div key={field.label} className="field">
          <span className="field-label">{field.label}</span>
          <span className="select-button">&nbsp;</span>
          {field.help ? <span className="field-help">{field.help}</span> : null}
        </div>
      ))}
    </div>
  );
}
