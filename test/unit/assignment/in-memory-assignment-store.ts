import type { AgentAvailability, AgentWorkload, AssignmentStore } from '../../../shared/ports/assignment-store.ts';

/** An assignment store in memory, for use-case tests. */
export class InMemoryAssignmentStore implements AssignmentStore {
  readonly rotations = new Map<string, number>();
  readonly loads = new Map<string, Omit<AgentWorkload, 'email'>>();
  readonly availabilities = new Map<string, AgentAvailability>();

  async nextRotation(desk: string, level: string): Promise<number> {
    const position = (this.rotations.get(`${desk}#${level}`) ?? 0) + 1;
    this.rotations.set(`${desk}#${level}`, position);
    return position;
  }

  async workloads(emails: readonly string[]): Promise<AgentWorkload[]> {
    return emails.map((email) => ({ email, openTickets: 0, ...this.loads.get(email) }));
  }

  async availability(emails: readonly string[]): Promise<Map<string, boolean>> {
    return new Map(emails.map((email) => [email, this.availabilities.get(email)?.available ?? true]));
  }

  async setAvailability(email: string, available: boolean, by: string, now: string): Promise<AgentAvailability> {
    const availability = { email, available, updatedAt: now, updatedBy: by };
    this.availabilities.set(email, availability);
    return availability;
  }
}
