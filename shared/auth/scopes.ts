/** OAuth resource server of the API; machine clients get the scopes below (Cognito app clients). */
export const RESOURCE_SERVER_ID = 'servicedesk';

export const SCOPES = {
  ticketsRead: `${RESOURCE_SERVER_ID}/tickets.read`,
  ticketsWrite: `${RESOURCE_SERVER_ID}/tickets.write`,
} as const;

/** Cognito groups that carry the staff roles; everyone else who signs in is a requester. */
export const STAFF_GROUPS = ['admin', 'manager', 'agent'] as const;
