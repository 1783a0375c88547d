import { useFetcher } from 'react-router';
import { Switch } from 'react-aria-components';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { TeamMember } from '../api/get-team';
import { teamMessages } from '../messages';
import type { TeamActionResult } from '../team-results';

/**
 * Whether automatic assignment gives the agent work. While the change is under way the switch shows
 * the new state; afterwards what the API holds (the team read again); a refusal stays beside it.
 */
export function AvailabilitySwitch({ member }: { member: TeamMember }) {
  const t = useMessages(teamMessages);
  const fetcher = useFetcher<TeamActionResult>({ key: `availability:${member.email}` });
  const pending = fetcher.formData?.get('available');
  const selected = pending === undefined || pending === null ? member.available : pending === 'true';
  const result = fetcher.state === 'idle' && fetcher.data?.intent === 'availability' ? fetcher.data : undefined;
  return (
    <div className="agent-availability">
      <Switch
        className="switch"
        isSelected={selected}
        aria-label={t.format('agent.availableLabel', { name: member.name })}
        onChange={(available) => void fetcher.submit({ intent: 'availability', email: member.email, available: String(available) }, { method: 'post' })}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span aria-hidden="true">{t.format('agent.available')}</span>
      </Switch>
      {result && !result.ok ? (
        <span className="field-error" role="alert">
          {t.format(result.reason === 'forbidden' ? 'agent.availabilityForbidden' : 'agent.availabilityFailed')}
        </span>
      ) : null}
    </div>
  );
}
