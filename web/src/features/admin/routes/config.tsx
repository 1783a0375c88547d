import { useId, type ReactNode } from 'react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api } from '../../../lib/api/api';
import type { ClientSource } from '../../../lib/api/api-client';
import { failureError } from '../../../lib/api/api-outcome';
import { useMessages } from '../../../lib/i18n/use-messages';
import { getConfig, type AdminConfig } from '../api/get-config';
import { AdminNav } from '../components/admin-nav';
import { AdminRefusal } from '../components/admin-refusal';
import { ConfigCatalog } from '../components/config-catalog';
import { adminMessages } from '../messages';
import '../admin.css';

export type ConfigData = { ok: true; config: AdminConfig } | { ok: false; reason: 'network' | 'forbidden' };

/** `GET /admin/config`, shown read-only. */
export function configLoader(client: ClientSource) {
  return async ({ request }: LoaderFunctionArgs): Promise<ConfigData> => {
    const outcome = await getConfig(await client(), request.signal);
    if (outcome.ok) return { ok: true, config: outcome.data.config };
    if (outcome.failure.kind === 'network') return { ok: false, reason: 'network' };
    if (outcome.failure.status === 403) return { ok: false, reason: 'forbidden' };
    throw failureError(outcome.failure);
  };
}

export const loader = configLoader(api);

/** A value in a list, or a dash for none. */
const list = (values: readonly string[] | undefined, none: string) => (values && values.length > 0 ? values.join(', ') : none);

/** A rule's conditions (`when`) or effects (`then`) as "name: value" pairs. */
function describe(values: Record<string, unknown>, none: string): string {
  const parts = Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  return parts.length > 0 ? parts.join('; ') : none;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="config-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function Component() {
  const view = useLoaderData() as ConfigData;
  const t = useMessages(adminMessages);
  return (
    <div className="console admin-screen">
      <header className="console-header">
        <h1>{t.format('config.heading')}</h1>
      </header>
      <AdminNav />
      <p className="note" role="note">
        {t.format('config.code')}
      </p>
      {view.ok ? <ConfigView config={view.config} /> : <AdminRefusal reason={view.reason} />}
    </div>
  );
}

function ConfigView({ config }: { config: AdminConfig }) {
  const t = useMessages(adminMessages);
  const none = t.format('config.none');
  return (
    <>
      <Section title={t.format('config.general')}>
        <dl className="config-facts">
          <div>
            <dt>{t.format('config.ticketKeyPrefix')}</dt>
            <dd>{config.ticketKeyPrefix}</dd>
          </div>
          <div>
            <dt>{t.format('config.defaultDesk')}</dt>
            <dd>{config.defaultDesk}</dd>
          </div>
        </dl>
      </Section>

      <Section title={t.format('config.desks')}>
        {config.desks.map((desk) => (
          <div key={desk.id} className="config-desk">
            <h3>
              {desk.name} <code>{desk.id}</code>
            </h3>
            <dl className="config-facts">
              <div>
                <dt>{t.format('config.desk.managers')}</dt>
                <dd>{list(desk.managers, none)}</dd>
              </div>
              {desk.escalateTo ? (
                <div>
                  <dt>{t.format('config.desk.escalateTo')}</dt>
                  <dd>{desk.escalateTo}</dd>
                </div>
              ) : null}
            </dl>
            {desk.restricted ? <p className="muted">{t.format('config.desk.restricted')}</p> : null}
            <div className="admin-table-wrap">
              <table className="admin-table">
                <caption className="visually-hidden">{desk.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.format('config.level')}</th>
                    <th scope="col">{t.format('config.members')}</th>
                    <th scope="col">{t.format('config.assignment')}</th>
                  </tr>
                </thead>
                <tbody>
                  {desk.levels.map((level) => (
                    <tr key={level.id}>
                      <th scope="row">
                        {level.name} <code>{level.id}</code>
                      </th>
                      <td>{list(level.members, none)}</td>
                      <td>{t.format(`config.assignment.${level.assignment}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))}
      </Section>

      <Section title={t.format('config.staff')}>
        <div className="admin-table-wrap">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t.format('config.name')}</th>
                <th scope="col">{t.format('config.email')}</th>
                <th scope="col">{t.format('config.role')}</th>
              </tr>
            </thead>
            <tbody>
              {config.staff.map((person) => (
                <tr key={person.email}>
                  <th scope="row">{person.name}</th>
                  <td>{person.email}</td>
                  <td>{person.role}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {config.groups.length > 0 ? (
          <>
            <h3>{t.format('config.groups')}</h3>
            <dl className="config-facts config-facts-stacked">
              {config.groups.map((group) => (
                <div key={group.id}>
                  <dt>{group.name}</dt>
                  <dd>{list(group.members, none)}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
      </Section>

      <Section title={t.format('config.catalog')}>
        <ConfigCatalog nodes={config.catalog} />
      </Section>

      <Section title={t.format('config.sla')}>
        {config.slaPolicies.map((policy) => (
          <div key={policy.id} className="config-desk">
            <h3>
              {policy.name ?? policy.id} <code>{policy.id}</code>
            </h3>
            <dl className="config-facts config-facts-stacked">
              <div>
                <dt>{t.format('config.sla.when')}</dt>
                <dd>{describe(policy.when, t.format('config.sla.always'))}</dd>
              </div>
              <div>
                <dt>{t.format('config.sla.calendar')}</dt>
                <dd>{policy.calendar}</dd>
              </div>
              <div>
                <dt>{t.format('config.sla.targets')}</dt>
                <dd>
                  {[
                    policy.targets.firstResponse !== undefined ? `${t.format('config.sla.firstResponse')}: ${policy.targets.firstResponse}` : '',
                    policy.targets.nextResponse !== undefined ? `${t.format('config.sla.nextResponse')}: ${policy.targets.nextResponse}` : '',
                    policy.targets.resolution !== undefined ? `${t.format('config.sla.resolution')}: ${policy.targets.resolution}` : '',
                  ]
                    .filter(Boolean)
                    .join('; ') || none}
                </dd>
              </div>
              <div>
                <dt>{t.format('config.sla.pauseOn')}</dt>
                <dd>{list(policy.pauseOn, none)}</dd>
              </div>
              <div>
                <dt>{t.format('config.sla.thresholds')}</dt>
                <dd>
                  {policy.thresholds.length === 0 ? (
                    none
                  ) : (
                    <ul>
                      {policy.thresholds.map((threshold) => (
                        <li key={threshold.percent}>
                          {t.format('config.sla.threshold', {
                            percent: threshold.percent,
                            actions: threshold.actions.map((action) => [action.kind, action.priority, action.to?.join(', ')].filter(Boolean).join(' ')).join('; '),
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            </dl>
          </div>
        ))}
      </Section>

      <Section title={t.format('config.calendars')}>
        {config.calendars.map((calendar) => (
          <div key={calendar.id} className="config-desk">
            <h3>
              <code>{calendar.id}</code>
            </h3>
            <dl className="config-facts config-facts-stacked">
              <div>
                <dt>{t.format('config.calendar.timeZone')}</dt>
                <dd>{calendar.timeZone}</dd>
              </div>
              <div>
                <dt>{t.format('config.calendar.hours')}</dt>
                <dd>
                  {calendar.hours === '24x7'
                    ? t.format('config.calendar.allDay')
                    : Object.entries(calendar.hours)
                        .map(([day, spans]) => `${day} ${(spans ?? []).map(([from, to]) => `${from}–${to}`).join(', ')}`)
                        .join('; ')}
                </dd>
              </div>
              <div>
                <dt>{t.format('config.calendar.holidays')}</dt>
                <dd>
                  {calendar.holidays
                    ? [calendar.holidays.country, calendar.holidays.state, ...(calendar.holidays.dates ?? [])].filter(Boolean).join(', ') || t.format('config.calendar.none')
                    : t.format('config.calendar.none')}
                </dd>
              </div>
            </dl>
          </div>
        ))}
      </Section>

      <Section title={t.format('config.routing')}>
        {config.routingRules.length === 0 ? (
          <p>{t.format('config.routing.none')}</p>
        ) : (
          <div className="admin-table-wrap">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t.format('config.name')}</th>
                  <th scope="col">{t.format('config.routing.when')}</th>
                  <th scope="col">{t.format('config.routing.then')}</th>
                </tr>
              </thead>
              <tbody>
                {config.routingRules.map((rule) => (
                  <tr key={rule.id}>
                    <th scope="row">
                      <code>{rule.id}</code>
                      {rule.description ? <span className="muted"> {rule.description}</span> : null}
                    </th>
                    <td>{describe(rule.when, none)}</td>
                    <td>{describe(rule.then, none)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section title={t.format('config.mail')}>
        {config.email ? (
          <dl className="config-facts config-facts-stacked">
            <div>
              <dt>{t.format('config.mail.address')}</dt>
              <dd>{config.email.address}</dd>
            </div>
            <div>
              <dt>{t.format('config.mail.name')}</dt>
              <dd>{config.email.name ?? none}</dd>
            </div>
            <div>
              <dt>{t.format('config.mail.attachments')}</dt>
              <dd>
                {t.format('config.mail.attachmentLimits', {
                  count: config.email.attachments.maxCount,
                  file: config.email.attachments.maxFileBytes,
                  total: config.email.attachments.maxTotalBytes,
                })}
              </dd>
            </div>
            <div>
              <dt>{t.format('config.mail.replies')}</dt>
              <dd>{config.email.maxAutomaticRepliesPerHour}</dd>
            </div>
            <div>
              <dt>{t.format('config.mail.retain')}</dt>
              <dd>{config.email.retainRawMailDays}</dd>
            </div>
          </dl>
        ) : (
          <p>{t.format('config.mail.none')}</p>
        )}
      </Section>
    </>
  );
}
