import { useMessages } from '../../../lib/i18n/use-messages';
import type { Ticket } from '../api/requests-api';
import { requestsMessages } from '../messages';

/** The request form's answers, under the labels the catalog gives them (the field id where it gives none). */
export function FormAnswers({ values, labels }: { values: Ticket['customFields']; labels: Map<string, string> }) {
  const t = useMessages(requestsMessages);
  const entries = Object.entries(values);
  if (entries.length === 0) return null;
  const shown = (value: Ticket['customFields'][string]): string => {
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t.format('view.noAnswer');
    if (typeof value === 'boolean') return t.format(value ? 'view.yes' : 'view.no');
    if (Array.isArray(value)) return value.join(', ');
    return String(value);
  };
  // Fields in the form's order first, then any the form no longer has.
  const order = [...labels.keys()];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  entries.sort(([a], [b]) => rank(a) - rank(b));
  return (
    <>
      <h3>{t.format('view.answers')}</h3>
      <dl className="form-answers">
        {entries.map(([id, value]) => (
          <div key={id}>
            <dt>{labels.get(id) ?? id}</dt>
            <dd className="message-body">{shown(value)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
