import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DeserializeMiddleware, MiddlewareStack } from '@smithy/types';

/**
 * Opt-in fault injection for the local runtime, the tests and the soak run: with
 * `FAULTS=dynamodb:0.05,ses:0.1,scheduler:0.05,crash:0.02` a share of the calls to each service
 * fails with an error AWS really returns, and a share of queue deliveries crashes after the handler
 * did its work (the message comes back, as after a Lambda crash before SQS deleted it). Without
 * FAULTS nothing is added; Lambda functions never set it.
 */

export const FAULT_SERVICES = ['dynamodb', 'ses', 'scheduler', 'sqs', 's3', 'crash'] as const;
export type FaultService = (typeof FAULT_SERVICES)[number];

/** Shares of calls that fail, by service; 0 to 1. */
export type FaultRates = Partial<Record<FaultService, number>>;

export class InvalidFaultsError extends Error {
  constructor(value: string, reason: string) {
    super(`FAULTS=${value}: ${reason}; use e.g. FAULTS=dynamodb:0.05,ses:0.1,scheduler:0.05,crash:0.02`);
    this.name = 'InvalidFaultsError';
  }
}

/** Reads `service:rate` pairs separated by commas; an empty or missing value is no faults. */
export function parseFaults(value: string | undefined): FaultRates {
  const rates: FaultRates = {};
  for (const pair of (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [service, rate, ...rest] = pair.split(':');
    if (!(FAULT_SERVICES as readonly string[]).includes(service ?? '')) throw new InvalidFaultsError(value!, `unknown service ${JSON.stringify(service)} (known: ${FAULT_SERVICES.join(', ')})`);
    const share = Number(rate);
    if (rest.length || rate === undefined || rate === '' || !Number.isFinite(share) || share < 0 || share > 1) {
      throw new InvalidFaultsError(value!, `${JSON.stringify(pair)} needs a rate from 0 to 1`);
    }
    rates[service as FaultService] = share;
  }
  return rates;
}

/** What the injector did, for the soak run's report. */
export interface FaultStats {
  /** Calls that reached the injector (SDK attempts, including the SDK's own retries). */
  attempts: Record<string, number>;
  injected: Record<string, number>;
}

const stats: FaultStats = { attempts: {}, injected: {} };
const count = (table: Record<string, number>, key: string) => (table[key] = (table[key] ?? 0) + 1);

export function faultStats(): FaultStats {
  return { attempts: { ...stats.attempts }, injected: { ...stats.injected } };
}

let random: () => number = Math.random;
/** Makes the dice deterministic, for tests of the injector itself. */
export function useFaultRandom(next: () => number): void {
  random = next;
}

/** The errors each service returns under load or failure, as the SDK would raise them. */
function awsError(service: FaultService, commandName: string): Error {
  const throttle = { dynamodb: 'ProvisionedThroughputExceededException', ses: 'Throttling', scheduler: 'ThrottlingException', sqs: 'RequestThrottled', s3: 'SlowDown', crash: 'Crash' }[service];
  const choices: { name: string; status: number; fault: 'client' | 'server'; message: string }[] = [
    { name: throttle, status: service === 's3' ? 503 : 400, fault: 'client', message: `Rate exceeded (injected into ${commandName})` },
    { name: service === 'dynamodb' ? 'InternalServerError' : 'InternalFailure', status: 500, fault: 'server', message: `Internal error (injected into ${commandName})` },
    { name: 'ServiceUnavailable', status: 503, fault: 'server', message: `Service unavailable (injected into ${commandName})` },
    { name: 'TimeoutError', status: 0, fault: 'client', message: `Connection timed out (injected into ${commandName})` },
  ];
  if (service === 'dynamodb' && commandName === 'TransactWriteItemsCommand') {
    // Not retried by the SDK: the caller sees it, as with a real conflicting transaction.
    choices.push({
      name: 'TransactionCanceledException',
      status: 400,
      fault: 'client',
      message: `Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict] (injected)`,
    });
  }
  const choice = choices[Math.floor(random() * choices.length)]!;
  if (choice.name === 'TransactionCanceledException') {
    return new TransactionCanceledException({
      message: choice.message,
      $metadata: { httpStatusCode: 400, attempts: 1 },
      CancellationReasons: [{ Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }],
    });
  }
  const error = new Error(choice.message) as Error & Record<string, unknown>;
  error.name = choice.name;
  error.$fault = choice.fault;
  error.$metadata = { ...(choice.status ? { httpStatusCode: choice.status } : {}), attempts: 1 };
  if (choice.name === 'TimeoutError') error.code = 'ETIMEDOUT';
  return error;
}

/** True when this call should fail: counts the attempt and, if it fails, the fault. */
export function shouldInjectFault(service: FaultService, rates: FaultRates = faultRatesFromEnv()): boolean {
  const rate = rates[service] ?? 0;
  if (rate === 0) return false;
  count(stats.attempts, service);
  if (random() >= rate) return false;
  count(stats.injected, service);
  return true;
}

/** Throws the fault for a call that should fail; for adapters that do not go through the SDK. */
export function maybeFail(service: FaultService, operation: string): void {
  if (shouldInjectFault(service)) throw awsError(service, operation);
}

let fromEnv: FaultRates | undefined;
export function faultRatesFromEnv(): FaultRates {
  fromEnv ??= parseFaults(process.env.FAULTS);
  return fromEnv;
}

/** Any SDK v3 client: what the injector needs of it is its middleware stack. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each client's stack has its own input and output types, and the injector adds to all of them
type SdkClient = { middlewareStack: MiddlewareStack<any, any> };

/**
 * Adds the injector to an SDK client when FAULTS names its service. It sits below the SDK's retry
 * step, so throttles, 5xx and timeouts are retried by the SDK as real ones are, and only what
 * survives the retries reaches our code.
 */
export function injectFaultsFromEnv<T extends SdkClient>(client: T, service: FaultService): T {
  if (!faultRatesFromEnv()[service]) return client;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as SdkClient: it passes every command's input and output through
  const middleware: DeserializeMiddleware<any, any> = (next, context) => async (args) => {
    if (shouldInjectFault(service)) throw awsError(service, context.commandName ?? 'command');
    return next(args);
  };
  client.middlewareStack.add(middleware, { step: 'deserialize', name: `injectedFaults-${service}` });
  return client;
}
