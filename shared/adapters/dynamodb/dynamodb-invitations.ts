import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Invitation } from '../../domain/invitation.ts';
import type { Invitations } from '../../ports/invitations.ts';
import { invitationKey } from '../../store/keys.ts';
import { TTL_ATTRIBUTE } from '../../store/table-definition.ts';

/** One item per invited address; a repeat overwrites it, and TTL removes it some time after it expired. */
export class DynamoDbInvitations implements Invitations {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(invitation: Invitation): Promise<{ created: boolean }> {
    const result = await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...invitationKey(invitation.email),
          entity: 'invitation',
          email: invitation.email,
          ...(invitation.name ? { name: invitation.name } : {}),
          invitedBy: invitation.invitedBy,
          invitedAt: invitation.invitedAt,
          // The TTL attribute is epoch seconds; the invitation's expiry is read back from it.
          [TTL_ATTRIBUTE]: Math.floor(Date.parse(invitation.expiresAt) / 1000),
        },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return { created: result.Attributes === undefined };
  }

  async find(email: string): Promise<Invitation | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: invitationKey(email), ConsistentRead: true }));
    return result.Item ? toInvitation(result.Item) : undefined;
  }
}

export function toInvitation(item: Record<string, unknown>): Invitation {
  return {
    email: String(item.email),
    ...(typeof item.name === 'string' ? { name: item.name } : {}),
    invitedBy: String(item.invitedBy),
    invitedAt: String(item.invitedAt),
    expiresAt: new Date(Number(item[TTL_ATTRIBUTE]) * 1000).toISOString(),
  };
}
