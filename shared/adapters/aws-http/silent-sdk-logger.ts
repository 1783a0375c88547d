import type { Logger } from '@aws-sdk/types';

/**
 * The logger of the desk's SDK clients, which log nothing. The SDK's default logger has methods
 * that do nothing, yet before each call of its `info` the SDK copies the request and the answer
 * through the schema's sensitive-data filter: a walk over every attribute of every item, each
 * request, for a line nobody writes. The SDK calls `info`, `debug` and `trace` only where they
 * exist, so this logger has only `warn` and `error`, and they do nothing, as before.
 */
export const SILENT_SDK_LOGGER = { warn() {}, error() {} } as unknown as Logger;
