import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { observeDynamoDbClients } from '#shared/adapters/dynamodb/document-client';
import { currentInvocation } from './function-scope.ts';

/**
 * Records every DynamoDB request of a handler in its invocation: the command, its input as it goes
 * on the wire (after the document client marshalled it), and how long the handler waited for it,
 * from `send` to the answer. The request overhead part subtracts that wait from the handler's time
 * and replays the inputs to time the same work without the handler.
 */
export class DynamoDbCallRecorder {
  private stopObserving: (() => void) | undefined;

  /** Adds the middlewares to every client the handlers create from now on. */
  start(): void {
    this.stopObserving = observeDynamoDbClients((client) => this.instrument(client));
  }

  stop(): void {
    this.stopObserving?.();
  }

  private instrument(client: DynamoDBClient): void {
    // Both middlewares see the same context object for one request.
    const wireInputs = new WeakMap<object, Record<string, unknown>>();
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const invocation = currentInvocation();
        const startMs = performance.now();
        const result = await next(args);
        invocation?.dynamodbCalls.push({ command: context.commandName ?? 'UnknownCommand', input: wireInputs.get(context) ?? {}, startMs, endMs: performance.now() });
        return result;
      },
      { step: 'initialize', name: 'benchCallTimer', override: true },
    );
    client.middlewareStack.add(
      (next, context) => async (args) => {
        wireInputs.set(context, structuredClone(args.input as Record<string, unknown>));
        return next(args);
      },
      { step: 'build', name: 'benchCallCapture', override: true },
    );
  }
}
