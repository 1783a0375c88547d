import { useMessages } from '../../../lib/i18n/use-messages';
import type { ReplyPreview } from '../api/ticket-api';
import { ticketMessages } from '../messages';

/** Whom a public reply reaches, as the API's preview names them: read before anything is typed. */
export type ReplyRecipients = { ok: true; preview: ReplyPreview } | { ok: false };

/** To, Cc and the addresses left out with the reason, for the reply being written. */
export function Recipients({ recipients, extraCc }: { recipients: ReplyRecipients; extraCc: readonly string[] }) {
  const t = useMessages(ticketMessages);
  if (!recipients.ok) return <p className="muted">{t.format('composer.recipientsFailed')}</p>;
  const { to, cc, suppressed } = recipients.preview;
  const allCc = [...cc, ...extraCc.filter((address) => !cc.includes(address))];
  return (
    <dl className="recipients" aria-label={t.format('composer.recipients')}>
      <div>
        <dt>{t.format('composer.to')}</dt>
        <dd>{to.length ? to.join(', ') : t.format('composer.nobody')}</dd>
      </div>
      {allCc.length ? (
        <div>
          <dt>{t.format('composer.cc')}</dt>
          <dd>{allCc.join(', ')}</dd>
        </div>
      ) : null}
      {suppressed.length ? (
        <div>
          <dt>{t.format('composer.suppressed')}</dt>
          <dd>
            <ul className="suppressed-list">
              {suppressed.map((item) => (
                <li key={item.address}>{t.format('composer.suppressedItem', { address: item.address, reason: t.format(`suppressed.${item.reason}`), detail: item.detail })}</li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
