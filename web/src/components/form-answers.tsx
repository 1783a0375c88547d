import type { components } from '../lib/api/schema';
import { useMessages } from '../lib/i18n/use-messages';
import { componentMessages } from './messages';
import './form-answers.css';

type CustomFields = components['schemas']['Ticket']['customFields'];

/**
 * A request form's answers under the labels the catalog gives them (the field id where it gives
 * none): the portal shows them to the requester, the console to staff, each under its own heading.
 */
export function FormAnswers({ values, labels, heading }: { values: CustomFields; labels: Map<string, string>; heading: string }) {
  const t = useMessages(componentMessages);
  const entries = Object.entries(values);
  if (entries.length === 0) return null;
  const shown = (value: CustomFields[string]): string => {
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t.format('answers.none');
    if (typeof value === 'boolean') return t.format(value ? 'answers.yes' : 'answers.no');
    if (Array.isArray(value)) return value.join(', ');
    return String(value);
  };
  // Fields in the form's order first, then any the form no longer has.
  const order = [...labels.keys()];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  entries.sort(([a], [b]) => rank(a) - rank(b));
  return (
    <>
      <h3>{heading}</h3>
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
