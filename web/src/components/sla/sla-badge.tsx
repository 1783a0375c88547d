import { useDateTime } from '../../lib/i18n/use-date-time';
import { useDuration } from '../../lib/i18n/use-duration';
import { useMessages } from '../../lib/i18n/use-messages';
import { useNow } from '../../lib/time/use-now';
import { Icon, type IconName } from '../icon';
import { componentMessages } from '../messages';
import { slaMessages } from './sla-messages';
import { slaSummary } from './sla-summary';
import { shownSince, type SlaClock } from './sla-time-left';
import './sla-badge.css';

type BadgeState = SlaClock['state'];

const ICON: Record<BadgeState, IconName> = { running: 'clock', at_risk: 'warning', breached: 'breached', paused: 'pause', met: 'check' };

/**
 * A ticket's SLA at a glance: the working time left to the nearest target of a clock that counts
 * down, red once breached ("2 hr over") and amber at risk (the clock's own state), in words,
 * colour and an icon. The time moves on every 30 s while the badge is shown, from `receivedAt`
 * (when the answer with these clocks arrived; by default when the badge first showed them), and
 * stands still while the calendar is closed, saying until when.
 */
export function SlaBadge({ clocks, receivedAt }: { clocks: readonly SlaClock[] | undefined; receivedAt?: number | undefined }) {
  const t = useMessages(componentMessages);
  const sla = useMessages(slaMessages);
  const duration = useDuration();
  const { dateTime } = useDateTime();
  const now = useNow();
  const summary = slaSummary(clocks ?? [], now, (clock) => receivedAt ?? shownSince(clock));
  if (!summary) return <span className="sla-badge sla-badge-none">{t.format('sla.none')}</span>;

  if (summary.kind === 'settled') {
    return (
      <span className="sla-badge" data-state={summary.state}>
        <Icon name={ICON[summary.state]} />
        {t.format(`sla.state.${summary.state}`)}
      </span>
    );
  }

  const { clock, minutesLeft, standsStill, resumesAt } = summary;
  // Past the target counts as breached even before the API's next answer says so.
  const state = minutesLeft < 0 && clock.state !== 'breached' ? 'breached' : clock.state;
  const time = minutesLeft >= 0 ? t.format('sla.left', { time: duration(minutesLeft) }) : sla.format('over', { time: duration(minutesLeft) });
  const still = standsStill ? (resumesAt ? sla.format('resumes', { at: dateTime(resumesAt) }) : sla.format('stopped')) : undefined;
  return (
    <span className="sla-badge" data-state={state} data-still={standsStill || undefined} title={still}>
      <Icon name={ICON[state]} />
      <span className="visually-hidden">{t.format(`sla.metric.${clock.metric}`)}: </span>
      {state === 'at_risk' || state === 'breached' ? t.format('sla.stateAndTime', { state: t.format(`sla.state.${state}`), time }) : time}
      {still ? <span className="visually-hidden"> {still}</span> : null}
    </span>
  );
}
