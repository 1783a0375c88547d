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
  /**
   * Where mail to the requester goes instead of `email`: a Reply-To of the mail that opened the
   * ticket, kept only when it is in the sender's own domain or the directory lists it for them.
   */
  replyTo?: string;
  /** Why the desk cannot mail the requester (decided at intake by the check the sender uses): nothing is sent to them. */
  unmailable?: string;
}

/** What the requester of a resolved ticket answers: the problem is solved (close it), or it is not (reopen it). */
export const RESOLUTION_DECISIONS = ['confirm', 'reopen'] as const;
export type ResolutionDecision = (typeof RESOLUTION_DECISIONS)[number];

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
  /** Files of that mail beyond the listing's limit: counted here, kept only in the raw mail. */
  unlistedAttachments?: UnlistedAttachments;
  /** Message-ID of the mail that opened the ticket: notifications answer it, so they thread. */
  sourceMessageId?: string;
  /**
   * People the requester copied on mail: they get the public replies and may answer on the thread by
   * mail, but are not the requester (no portal access, no copies added by their mails, no VIP routing).
   */
  watchers?: string[];
  /**
   * The language the requester is written to in (ISO 639-1), decided when the ticket opened: the
   * directory's, else the language of the mail that opened it, else the desk's default.
   */
  language?: string;
  /** Set when SES's DMARC check failed for the mail that opened the ticket: the sender may not be who From says. */
  unauthenticatedSender?: string;
  /** Who wrote the last public reply, and when: next-response SLAs start and stop on it. */
  lastPublicReply?: { by: 'agent' | 'requester'; at: string };
  /** The requester's last answer to a resolution: a repeat of it after it took effect changes nothing. */
  resolutionDecision?: { decision: ResolutionDecision; at: string };
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

/** How many files of a mail are not listed, and their size together. */
export interface UnlistedAttachments {
  count: number;
  bytes: number;
}

/**
 * What a comment is beyond public or internal: `unverified` is a mail whose sender the desk cannot
 * vouch for (see UnverifiedMail). It is internal, shown to agents as unverified, never mailed on,
 * never counted as a response, and ignored by rules and suggestions.
 */
export type CommentKind = 'unverified';

/**
 * Why a mail is unverified: `unauthenticated_staff` claims to come from staff whose sender SES did
 * not authenticate; `new_participant` is a reply on the ticket's own thread from someone not on the
 * ticket, which an agent may accept (only that kind: staff mail never turns public this way).
 */
export const UNVERIFIED_REASONS = ['unauthenticated_staff', 'new_participant'] as const;
export type UnverifiedReason = (typeof UNVERIFIED_REASONS)[number];

/** Who sent an unverified mail, and why it is unverified. */
export interface UnverifiedMail {
  reason: UnverifiedReason;
  sender: string;
}

/** A new participant's mail an agent accepted: the sender became a watcher and the mail public. */
export interface AcceptedSender {
  sender: string;
  by: string;
  at: string;
}

/** A public reply or an internal note. */
export interface Comment {
  id: string;
  ticketKey: string;
  author: { email: string; name?: string; role: AuthorRole };
  public: boolean;
  kind?: CommentKind;
  /** With `kind: 'unverified'`: why, and who sent it (absent on mail stored before the reason was kept: staff). */
  unverified?: UnverifiedMail;
  /** Set once an agent accepted a new participant's mail. */
  acceptedSender?: AcceptedSender;
  body: string;
  /** Sanitised HTML, when the comment came with HTML. */
  html?: string;
  attachments: Attachment[];
  unlistedAttachments?: UnlistedAttachments;
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
