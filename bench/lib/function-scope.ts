import { AsyncLocalStorage } from 'node:async_hooks';

/** One DynamoDB request a handler made: what was sent (as marshalled for the wire) and when. */
export interface DynamoDbCall {
  command: string;
  input: Record<string, unknown>;
  /** performance.now() when the handler sent it and when the answer was back with it. */
  startMs: number;
  endMs: number;
}

/** One invocation of a handler: its function and the DynamoDB requests it made. */
export interface Invocation {
  functionName: string;
  dynamodbCalls: DynamoDbCall[];
}

/**
 * Which Lambda function's handler the current work belongs to: the local runtime runs every
 * handler in one process, and this names the function (as the stack names it) for whatever the
 * handler causes, such as DynamoDB calls and log lines. Work outside any handler has no name.
 */
const scope = new AsyncLocalStorage<Invocation>();

export function currentFunction(): string | undefined {
  return scope.getStore()?.functionName;
}

/** The invocation the current work belongs to, to record its DynamoDB requests in. */
export function currentInvocation(): Invocation | undefined {
  return scope.getStore();
}

/** Runs `work` as (part of) `invocation`, whose function and DynamoDB requests it then counts as. */
export function runAsFunction<T>(invocation: Invocation, work: () => T): T {
  return scope.run(invocation, work);
}
