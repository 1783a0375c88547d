import { simpleParser } from 'mailparser';
import type { InboundMail } from './inbound-mail.ts';
import { messageIds } from './message-id.ts';

/** One recipient's line of a delivery status notification (RFC 3464). */
export interface DeliveryOutcome {
  recipient: string;
  /** failed, delayed, delivered, relayed or expanded. */
  action: string;
  /** The enhanced status code, e.g. 5.1.1. */
  status?: string;
  /** What the remote server said, e.g. `smtp; 550 5.1.1 user unknown`. */
  diagnostic?: string;
}

/** What a bounce tells about the message it returns. */
export interface DeliveryReport {
  /** The Message-ID of the returned message: for a bounce of our own notification, one in the thread index. */
  originalMessageId?: string;
  outcomes: DeliveryOutcome[];
}

/** The parts a report returns the original in (RFC 3462, RFC 6533 for internationalised mail). */
const RETURNED_MESSAGE_TYPES = new Set(['message/rfc822', 'text/rfc822-headers', 'message/global', 'message/global-headers']);

/**
 * Reads a bounce: the Message-ID of the message it returns (from its returned message or headers
 * part, parsed with mailparser) and each recipient's outcome from the delivery-status fields,
 * which mailparser leaves in the text. There is no maintained RFC 3464 parser for Node; the
 * fields are plain `Name: value` lines in groups, read here.
 */
export async function readDeliveryReport(mail: Pick<InboundMail, 'attachments' | 'text'>): Promise<DeliveryReport> {
  const returned = mail.attachments.find((attachment) => RETURNED_MESSAGE_TYPES.has(attachment.contentType.toLowerCase()) && attachment.size > 0);
  const original = returned ? await simpleParser(returned.content, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true }) : undefined;
  const originalMessageId = messageIds(original?.messageId)[0];
  return { ...(originalMessageId ? { originalMessageId } : {}), outcomes: deliveryOutcomes(mail.text) };
}

/** The per-recipient field groups of a delivery-status body: Final-Recipient with its Action, Status and Diagnostic-Code. */
export function deliveryOutcomes(text: string): DeliveryOutcome[] {
  const outcomes: DeliveryOutcome[] = [];
  for (const group of text.split(/\r?\n[ \t]*\r?\n/)) {
    const fields = new Map<string, string>();
    // Unfold continuation lines, then read `Name: value`.
    for (const line of group.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
      const match = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
      if (match && !fields.has(match[1]!.toLowerCase())) fields.set(match[1]!.toLowerCase(), match[2]!.trim());
    }
    const recipient = fields.get('final-recipient') ?? fields.get('original-recipient');
    const action = fields.get('action');
    if (!recipient || !action) continue;
    const status = /\b[245]\.\d{1,3}\.\d{1,3}\b/.exec(fields.get('status') ?? '')?.[0];
    const diagnostic = fields.get('diagnostic-code');
    outcomes.push({
      // `rfc822; jane@example.org`: the address type goes.
      recipient: recipient
        .replace(/^[^;]*;\s*/, '')
        .replace(/^<|>$/g, '')
        .toLowerCase(),
      action: action.toLowerCase(),
      ...(status ? { status } : {}),
      ...(diagnostic ? { diagnostic } : {}),
    });
  }
  return outcomes;
}

/** "Delivery to jane@example.org failed (5.1.1: smtp; 550 user unknown)", one line per recipient. */
/**
 * Recipients the report says will never get the message: `failed` is final (RFC 3464), and a
 * permanent status (5.x.x) or none confirms it; a 4.x.x failure may still clear up.
 */
export function permanentFailures(outcomes: readonly DeliveryOutcome[]): DeliveryOutcome[] {
  return outcomes.filter((outcome) => outcome.action === 'failed' && (outcome.status === undefined || outcome.status.startsWith('5.')));
}

export function describeDeliveryOutcomes(outcomes: readonly DeliveryOutcome[]): string {
  return outcomes
    .map((outcome) => {
      const why = [outcome.status, outcome.diagnostic].filter(Boolean).join(': ');
      return `Delivery to ${outcome.recipient} ${outcome.action}${why ? ` (${why})` : ''}`;
    })
    .join('\n');
}
