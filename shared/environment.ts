/** Names of the environment variables the functions read; the stack and the local runtime set them. */
export const ENV = {
  tableName: 'TABLE_NAME',
  /** Only set locally: where DynamoDB Local listens. */
  dynamodbEndpoint: 'DYNAMODB_ENDPOINT',
  /** On AWS: the Secrets Manager secret whose value signs approval links. */
  approvalLinkSecretArn: 'APPROVAL_LINK_SECRET_ARN',
  /** Locally: the approval link signing key itself. */
  approvalLinkSecret: 'APPROVAL_LINK_SECRET',
} as const;

/** Reads a required variable once; fails fast with the variable's name. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}
