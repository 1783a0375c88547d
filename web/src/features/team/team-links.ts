/** Where the team view of a desk is; `open` names the agents whose tickets it lists. */
export const TEAM_PATH = '/console/team';

export function teamHref(desk: string): string {
  return `${TEAM_PATH}/${encodeURIComponent(desk)}`;
}

/** The queue screen's link to one agent's work on one desk (its `desk` and `assignee` filters). */
export function agentWorkHref(desk: string, email: string): string {
  return `/console?${new URLSearchParams({ desk, assignee: email }).toString()}`;
}

/** The search parameter that lists an agent's open tickets on their card. */
export const OPEN_AGENT_PARAM = 'open';
