import { Form, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { api } from '../../../lib/api/api';
import type { ClientSource } from '../../../lib/api/api-client';
import { failureError } from '../../../lib/api/api-outcome';
import { useDateTime } from '../../../lib/i18n/use-date-time';
import { useMessages } from '../../../lib/i18n/use-messages';
import { listQuarantine, type QuarantinedMail } from '../api/list-quarantine';
import { AdminNav } from '../components/admin-nav';
import { AdminRefusal } from '../components/admin-refusal';
import { adminMessages } from '../messages';
import '../admin.css';

export type QuarantineData = { day: string } & ({ ok: true; items: QuarantinedMail[] } | { ok: false; reason: 'network' | 'forbidden' | 'invalid' });

/** Today as the API counts days: UTC. */
const today = () => new Date().toISOString().slice(0, 10);

/** The mail kept aside on `?day=` (today by default), from `GET /mail/quarantine`. */
export function quarantineLoader(client: ClientSource) {
  return async ({ request }: LoaderFunctionArgs): Promise<QuarantineData> => {
    const day = new URL(request.url).searchParams.get('day')?.trim() || today();
    const outcome = await listQuarantine(await client(), day, request.signal);
    if (outcome.ok) return { day: outcome.data.day, ok: true, items: outcome.data.items };
    const { failure } = outcome;
    if (failure.kind === 'network') return { day, ok: false, reason: 'network' };
    if (failure.status === 403) return { day, ok: false, reason: 'forbidden' };
    if (failure.status === 400) return { day, ok: false, reason: 'invalid' };
    throw failureError(failure);
  };
}

export const loader = quarantineLoader(api);

export function Component() {
  const view = useLoaderData() as QuarantineData;
  const t = useMessages(adminMessages);
  const { dateTime } = useDateTime();
  return (
    <div className="console admin-screen">
      <header className="console-header">
        <h1>{t.format('quarantine.heading')}</h1>
      </header>
      <AdminNav />
      {/* A plain GET form: the day becomes the URL's ?day=, and the loader reads it. */}
      <Form method="get" className="admin-day">
        <TextField className="field" name="day" defaultValue={view.day} key={view.day}>
          <Label>{t.format('quarantine.day')}</Label>
          <Input type="date" className="input" />
        </TextField>
        <Button type="submit" className="button">
          {t.format('quarantine.show')}
        </Button>
      </Form>
      {!view.ok ? (
        view.reason === 'invalid' ? (
          <p className="alert" role="alert">
            {t.format('quarantine.invalid')}
          </p>
        ) : (
          <AdminRefusal reason={view.reason} />
        )
      ) : view.items.length === 0 ? (
        <p>{t.format('quarantine.empty', { day: view.day })}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <caption>{t.format('quarantine.caption', { day: view.day })}</caption>
            <thead>
              <tr>
                <th scope="col">{t.format('quarantine.time')}</th>
                <th scope="col">{t.format('quarantine.from')}</th>
                <th scope="col">{t.format('quarantine.reason')}</th>
                <th scope="col">{t.format('quarantine.outcome')}</th>
                <th scope="col">{t.format('quarantine.location')}</th>
              </tr>
            </thead>
            <tbody>
              {view.items.map((mail, index) => (
                <tr key={`${mail.location}-${index}`}>
                  <td>{dateTime(mail.at)}</td>
                  <td>{mail.from ?? t.format('quarantine.unknownSender')}</td>
                  <td>{mail.reason}</td>
                  <td>{t.format(mail.outcome === 'ignored' ? 'quarantine.ignored' : 'quarantine.quarantined')}</td>
                  <td>
                    <code>{mail.location}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
