import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Moves the whole state directory: `SERVICEDESK_LOCAL_DIR=/tmp/desk npm start` (and the same for
 * `npm run token` and `npm run approval-link`, which must read the keys of that runtime). A
 * relative path is taken from the working directory. `npm run docs:check` gives each run its own.
 */
export const LOCAL_DIR_ENV = 'SERVICEDESK_LOCAL_DIR';

/** Everything the local runtime keeps lives under .local/ at the repository root (git-ignored), or under SERVICEDESK_LOCAL_DIR. */
const LOCAL_STATE_DIR = process.env[LOCAL_DIR_ENV] ? resolve(process.env[LOCAL_DIR_ENV]) : fileURLToPath(new URL('../.local', import.meta.url));

export const LOCAL_PATHS = {
  stateDir: LOCAL_STATE_DIR,
  dynamodbData: join(LOCAL_STATE_DIR, 'dynamodb'),
  /** Shared by `npm start` and `npm run token`, so tokens minted earlier stay valid. */
  issuerKey: join(LOCAL_STATE_DIR, 'issuer-key.json'),
  /** Signs approval links; shared by `npm start` and `npm run approval-link`. */
  approvalLinkKey: join(LOCAL_STATE_DIR, 'approval-link-key'),
  /** The raw mail bucket: each received message as SES's S3 action would store it, at `mail/<key>`. */
  mail: join(LOCAL_STATE_DIR, 'mail'),
  /** The upload bucket: files browsers posted, waiting to be attached, at `uploads/uploads/<owner>/<id>`. */
  uploads: join(LOCAL_STATE_DIR, 'uploads'),
  /** Every outbound mail exactly as sent, as `<timestamp>-<MessageId>.eml`, with the Message-ID SES would set. */
  outbox: join(LOCAL_STATE_DIR, 'outbox'),
  /** The local queues' dead letters, one JSON file each under `dead-letters/<queue>/`, kept across restarts. */
  deadLetters: join(LOCAL_STATE_DIR, 'dead-letters'),
} as const;

/** How the banner names a state path: `.local/outbox` by default, the full path when the directory was moved. */
export function shownLocalPath(path: string): string {
  return process.env[LOCAL_DIR_ENV] ? path : `.local${path.slice(LOCAL_STATE_DIR.length)}`;
}

export const LOCAL_TABLE_NAME = 'servicedesk-local';
