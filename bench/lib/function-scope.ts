import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which Lambda function's handler the current work belongs to: the local runtime runs every
 * handler in one process, and this names the function (as the stack names it) for whatever the
 * handler causes, such as DynamoDB calls and log lines. Work outside any handler has no name.
 */
const scope = new AsyncLocalStorage<string>();

export function currentFunction(): string | undefined {
  return scope.getStore();
}

export function runAsFunction<T>(functionName: string, work: () => T): T {
  return scope.run(functionName, work);
}
