import type { Impact, Priority, Urgency } from './priority.ts';
import type { Approval } from './approval.ts';
import type { TicketSla } from './sla.ts';
import type { TicketStatus } from './ticket-status.ts';

export const TICKET_TYPES = ['incident', 'service_request'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const CHANNELS = ['api', 'email', 'intake'] as const;
export type Channel = (typeof CHANNELS)[number];

export type CustomFieldValue = string | number | boolean | string[] | null;

/** Who asked, with what the directory knew of them when the ticket was opened. */
export interface Requester {
  email: string;
  name?: string;
  organisation?: string;
  location?: string;
  vip?: boolean;
}

/** A ticket as the store and the API know it. Timestamps are ISO-8601 UTC. */
export interface Ticket {
  key: string;
  type: TicketType;
  subject: string;
  description: string;
  requester: Requester;
  status: TicketStatus;
  priority: Priority;
  impact?: Impact;
  urgency?: Urgency;
  /** Service catalog path, e.g. ["IT", "Access", "Request system access"]. */
  category: string[];
  /** Id of the catalog node the request was made from. */
  catalogItem?: string;
  desk: string;
  level: string;
  assignee?: string;
  tags: string[];
  customFields: Record<string, CustomFieldValue>;
  channel: Channel;
  /** Present on service requests whose catalog item needs approval. */
  approval?: Approval;
  /** Set when another system opened the ticket through the intake queue: repeats of its id append here. */
  intake?: { source: string; externalId: string; deliveryId: string };
  /** Where the raw mail that opened the ticket is kept, e.g. `s3://bucket/inbound/<id>`. */
  rawMail?: string;
  /** Files of the mail that opened the ticket (its later mails' files are on their comments). */
  attachments?: Attachment[];
  /** Message-ID of the mail that opened the ticket: notifications answer it, so they thread. */
  sourceMessageId?: string;
  /** People copied on the requester's mail: they may answer on the thread by mail. */
  watchers?: string[];
  /** Who wrote the last public reply, and when: next-response SLAs start and stop on it. */
  lastPublicReply?: { by: 'agent' | 'requester'; at: string };
  /** SLA clocks of the matching policy, kept up to date on every write. */
  sla?: TicketSla;
  createdAt: string;
  updatedAt: string;
  firstResponseAt?: string;
  resolvedAt?: string;
  closedAt?: string;
  version: number;
}

/** A file that came with a mail. */
export interface Attachment {
  name: string;
  contentType: string;
  size: number;
  /** Where the bytes live (an object key in the mail bucket); absent when the file was not stored. */
  location?: string;
  /** Shown inside the mail's body (an inline image) rather than attached. */
  inline?: boolean;
  /** Why the file was not stored (over a size or count limit). */
  refused?: string;
}

/** A public reply or an internal note. */
export interface Comment {
  id: string;
  ticketKey: string;
  author: { email: string; name?: string; role: AuthorRole };
  public: boolean;
  body: string;
  /** Sanitised HTML, when the comment came with HTML. */
  html?: string;
  attachments: Attachment[];
  /** Where the raw mail is kept, when the comment came by mail. */
  rawMail?: string;
  /** The Message-ID of that mail. */
  messageId?: string;
  createdAt: string;
}

export type AuthorRole = 'requester' | 'agent' | 'system';

/** Who did something: a person, a machine client or the system itself. */
export interface Actor {
  kind: 'user' | 'client' | 'system';
  /** Email for users, client id for machine clients, a component name for the system. */
  id: string;
  name?: string;
}
