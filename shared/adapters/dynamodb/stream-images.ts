import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Invitation } from '../../domain/invitation.ts';
import type { Comment, Ticket } from '../../domain/ticket.ts';
import { toInvitation } from './dynamodb-invitations.ts';
import { entityOf, toComment, toTicket } from './ticket-items.ts';

type Image = Record<string, AttributeValue>;

/** The ticket before and after a stream record's change; undefined sides for creates, deletes and other items. */
export function ticketImages(record: DynamoDBRecord): { before?: Ticket; after?: Ticket } {
  const decode = (image: unknown): Ticket | undefined => {
    if (!image) return undefined;
    const item = unmarshall(image as Image);
    return entityOf(item) === 'ticket' ? toTicket(item) : undefined;
  };
  const before = decode(record.dynamodb?.OldImage);
  const after = decode(record.dynamodb?.NewImage);
  return { ...(before ? { before } : {}), ...(after ? { after } : {}) };
}

/** The comment a stream record added; undefined for anything else (comments are never changed). */
export function addedComment(record: DynamoDBRecord): Comment | undefined {
  if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return undefined;
  const item = unmarshall(record.dynamodb.NewImage as Image);
  return entityOf(item) === 'comment' ? toComment(item) : undefined;
}

/** The invitation a stream record wrote, new or sent again; undefined for anything else (and for its expiry). */
export function writtenInvitation(record: DynamoDBRecord): Invitation | undefined {
  if ((record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') || !record.dynamodb?.NewImage) return undefined;
  const item = unmarshall(record.dynamodb.NewImage as Image);
  return entityOf(item) === 'invitation' ? toInvitation(item) : undefined;
}
