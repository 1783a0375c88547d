import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import type { Context } from 'aws-lambda';
import { logger } from '#shared/observability/logger';
import { createLambdaContext } from './lambda-context.ts';

/** What Lambda allows a function per invocation by default; the local runtime gives each as long. */
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * One process runs every function of the local runtime, many invocations at a time, as a Lambda
 * execution environment with several concurrent invocations does. Declaring that as Lambda does
 * (AWS_LAMBDA_MAX_CONCURRENCY) makes Powertools keep each invocation's log context in the
 * invocation's own store, so one function's request never labels another's logs. Declared when
 * this module loads: the store's kind is fixed by the first SDK call that asks for it.
 */
process.env.AWS_LAMBDA_MAX_CONCURRENCY ??= '100';
const invokeStore = () => InvokeStore.getInstanceAsync(true);

/**
 * Runs `work` as one invocation of the function `functionName`: in its own invocation store, with
 * its Lambda context on the logger, so whatever it logs names that function.
 */
export async function invokeAsFunction<T>(functionName: string, work: (context: Context) => Promise<T>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  const store = await invokeStore();
  const context = createLambdaContext(functionName, timeoutMs);
  return store.run({ [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: context.awsRequestId }, () => {
    logger.addContext(context);
    return work(context);
  });
}

/** The local name of a function: `servicedesk-local-<handler file>`, as the local API names its routes' functions. */
export function localFunctionName(handler: string): string {
  return `servicedesk-local-${handler}`;
}
