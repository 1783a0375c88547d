export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const IMPACTS = ['high', 'medium', 'low'] as const;
export type Impact = (typeof IMPACTS)[number];
export const URGENCIES = ['high', 'medium', 'low'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** The ITIL impact x urgency matrix: rows are impact, columns urgency (high, medium, low). */
const MATRIX: Record<Impact, Record<Urgency, Priority>> = {
  high: { high: 'P1', medium: 'P2', low: 'P3' },
  medium: { high: 'P2', medium: 'P3', low: 'P4' },
  low: { high: 'P3', medium: 'P4', low: 'P4' },
};

/** Derives the priority from impact and urgency. */
export function priorityFrom(impact: Impact, urgency: Urgency): Priority {
  return MATRIX[impact][urgency];
}

/** Priority used when neither a priority nor impact and urgency are given. */
export const DEFAULT_PRIORITY: Priority = 'P3';
