import { fileURLToPath } from 'node:url';

/** Everything the local runtime keeps lives under .local/ at the repository root (git-ignored). */
const LOCAL_STATE_DIR = fileURLToPath(new URL('../.local/', import.meta.url));

export const LOCAL_PATHS = {
  stateDir: LOCAL_STATE_DIR,
  dynamodbData: `${LOCAL_STATE_DIR}dynamodb`,
  /** Shared by `npm start` and `npm run token`, so tokens minted earlier stay valid. */
  issuerKey: `${LOCAL_STATE_DIR}issuer-key.json`,
  /** Signs approval links; shared by `npm start` and `npm run approval-link`. */
  approvalLinkKey: `${LOCAL_STATE_DIR}approval-link-key`,
  /** The raw mail bucket: each received message as SES's S3 action would store it, at `mail/<key>`. */
  mail: `${LOCAL_STATE_DIR}mail`,
  /** The upload bucket: files browsers posted, waiting to be attached, at `uploads/uploads/<owner>/<id>`. */
  uploads: `${LOCAL_STATE_DIR}uploads`,
  /** Every outbound mail exactly as sent, as `<timestamp>-<MessageId>.eml`, with the Message-ID SES would set. */
  outbox: `${LOCAL_STATE_DIR}outbox`,
  /** The local queues' dead letters, one JSON file each under `dead-letters/<queue>/`, kept across restarts. */
  deadLetters: `${LOCAL_STATE_DIR}dead-letters`,
} as const;

export const LOCAL_TABLE_NAME = 'servicedesk-local';
