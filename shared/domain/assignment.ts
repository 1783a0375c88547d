/** An agent's load as the workload method compares it. */
export interface WorkloadCandidate {
  email: string;
  openTickets: number;
  /** When the agent last received a ticket (ISO-8601); absent if never. */
  lastAssignedAt?: string;
}

/**
 * The member whose turn it is: `position` is the level's rotation counter after taking a turn
 * (1, 2, 3, ...), so position 1 picks the first member. Undefined when there is no member.
 */
export function pickRoundRobin(members: readonly string[], position: number): string | undefined {
  if (members.length === 0) return undefined;
  // Positive modulo, so a counter that was reset or wrapped still lands on a member.
  const index = (((position - 1) % members.length) + members.length) % members.length;
  return members[index];
}

/**
 * The candidate with the fewest open tickets. Ties go to whoever waited longest for a ticket (never
 * assigned first), then to the earlier one in configuration order, so equal agents take turns.
 */
export function pickLeastLoaded<T extends WorkloadCandidate>(candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const candidate of candidates) {
    if (!best || lessLoaded(candidate, best)) best = candidate;
  }
  return best;
}

function lessLoaded(a: WorkloadCandidate, b: WorkloadCandidate): boolean {
  if (a.openTickets !== b.openTickets) return a.openTickets < b.openTickets;
  if (a.lastAssignedAt === b.lastAssignedAt) return false; // keeps configuration order
  if (a.lastAssignedAt === undefined) return true;
  if (b.lastAssignedAt === undefined) return false;
  return a.lastAssignedAt < b.lastAssignedAt;
}

/** Members in configuration order, without those marked unavailable (absent means available). */
export function availableMembers(members: readonly string[], availability: ReadonlyMap<string, boolean>): string[] {
  return members.filter((email) => availability.get(email) !== false);
}

/** English ordinal for history texts: 1st, 2nd, 3rd, 4th, 11th, 22nd. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}
