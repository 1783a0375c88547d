/** Names of the environment variables the functions read; the stack and the local runtime set them. */
export const ENV = {
  tableName: 'TABLE_NAME',
  /** Only set locally: where DynamoDB Local listens. */
  dynamodbEndpoint: 'DYNAMODB_ENDPOINT',
} as const;

/** Reads a required variable once; fails fast with the variable's name. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}
