import { useId } from 'react';
import { SlaBadge } from '../../../components/sla/sla-badge';
import { componentMessages } from '../../../components/messages';
import { useDateTime } from '../../../lib/i18n/use-date-time';
import { useDuration } from '../../../lib/i18n/use-duration';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { Ticket } from '../api/ticket-api';
import { ticketMessages } from '../messages';

/** Each SLA clock of the ticket: its metric, target, deadline (or when it was met or breached) and how it stands now. */
export function SlaClocks({ sla }: { sla: Ticket['sla'] }) {
  const t = useMessages(ticketMessages);
  const shared = useMessages(componentMessages);
  const { dateTime } = useDateTime();
  const duration = useDuration();
  const headingId = useId();
  return (
    <section className="ticket-panel sla-clocks" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.format('sla.heading')}</h2>
      {!sla || sla.clocks.length === 0 ? (
        <p className="muted">{t.format('sla.none')}</p>
      ) : (
        <>
          <p className="muted">{t.format('sla.policy', { policy: sla.policy })}</p>
          <ul className="sla-clock-list">
            {sla.clocks.map((clock) => (
              <li key={clock.metric} className="sla-clock">
                <h3>{shared.format(`sla.metric.${clock.metric}`)}</h3>
                <dl>
                  <div>
                    <dt>{t.format('sla.state')}</dt>
                    <dd>
                      <SlaBadge clocks={[clock]} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t.format('sla.target')}</dt>
                    <dd>{duration(clock.targetMinutes)}</dd>
                  </div>
                  {clock.deadline ? (
                    <div>
                      <dt>{t.format('sla.deadline')}</dt>
                      <dd>
                        <time dateTime={clock.deadline}>{dateTime(clock.deadline)}</time>
                      </dd>
                    </div>
                  ) : null}
                  {clock.metAt ? (
                    <div>
                      <dt>{t.format('sla.metAt')}</dt>
                      <dd>
                        <time dateTime={clock.metAt}>{dateTime(clock.metAt)}</time>
                      </dd>
                    </div>
                  ) : null}
                  {clock.breachedAt ? (
                    <div>
                      <dt>{t.format('sla.breachedAt')}</dt>
                      <dd>
                        <time dateTime={clock.breachedAt}>{dateTime(clock.breachedAt)}</time>
                      </dd>
                    </div>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
