import { Logger } from '@aws-lambda-powertools/logger';

/** One structured logger per function; personal data (emails, bodies) stays out of log text. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'servicedesk' });
