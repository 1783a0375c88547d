import { useDuration } from '../../lib/i18n/use-duration';
import { useMessages } from '../../lib/i18n/use-messages';
import { useNow } from '../../lib/time/use-now';
import { Icon, type IconName } from '../icon';
import { componentMessages } from '../messages';
import { slaSummary } from './sla-summary';
import type { SlaClock } from './sla-time-left';
import './sla-badge.css';

type BadgeState = SlaClock['state'];

const ICON: Record<BadgeState, IconName> = { running: 'clock', at_risk: 'warning', breached: 'breached', paused: 'pause', met: 'check' };

/**
 * A ticket's SLA at a glance: the time left to the nearest deadline of a clock that counts down,
 * red once breached and amber at risk (the clock's own state), in words, colour and an icon. The
 * time moves on every 30 s while the badge is shown.
 */
export function SlaBadge({ clocks }: { clocks: readonly SlaClock[] | undefined }) {
  const t = useMessages(componentMessages);
  const duration = useDuration();
  const now = useNow();
  const summary = slaSummary(clocks ?? [], now);
  if (!summary) return <span className="sla-badge sla-badge-none">{t.format('sla.none')}</span>;

  if (summary.kind === 'settled') {
    return (
      <span className="sla-badge" data-state={summary.state}>
        <Icon name={ICON[summary.state]} />
        {t.format(`sla.state.${summary.state}`)}
      </span>
    );
  }

  const { clock, minutesLeft } = summary;
  const time = t.format(minutesLeft >= 0 ? 'sla.left' : 'sla.overdue', { time: duration(minutesLeft) });
  const state = clock.state;
  return (
    <span className="sla-badge" data-state={state}>
      <Icon name={ICON[state]} />
      <span className="visually-hidden">{t.format(`sla.metric.${clock.metric}`)}: </span>
      {state === 'at_risk' || state === 'breached' ? t.format('sla.stateAndTime', { state: t.format(`sla.state.${state}`), time }) : time}
    </span>
  );
}
