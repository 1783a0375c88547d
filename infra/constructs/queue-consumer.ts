import { Validations } from 'aws-cdk-lib';
import { EventSourceMapping, type Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';

/**
 * Makes the function the consumer of a queue with partial batch failures, so a failing message is
 * retried alone. Refuses a queue without a dead-letter queue: SQS event sources take no on-failure
 * destination, so the queue's redrive policy is the only place a failing message can go.
 */
export function consumeQueue(fn: LambdaFunction, queue: Queue, batchSize: number): EventSourceMapping {
  const deadLetters = queue.deadLetterQueue;
  if (!deadLetters) {
    throw new Error(`${queue.node.path}: a queue a function consumes needs a dead-letter queue, or a failing message is retried until it expires`);
  }
  const before = new Set(fn.node.children);
  fn.addEventSource(new SqsEventSource(queue, { batchSize, reportBatchItemFailures: true }));
  const mapping = fn.node.children.find((child): child is EventSourceMapping => !before.has(child) && child instanceof EventSourceMapping);
  if (!mapping) throw new Error(`${fn.node.path}: the event source mapping for ${queue.node.path} was not created`);
  Validations.of(mapping).acknowledge({
    id: 'Serverless-LambdaEventSourceMappingDestination',
    reason:
      "Lambda supports on-failure destinations for stream and Kafka event sources only, not SQS; the queue's redrive " +
      `policy moves a message that failed ${deadLetters.maxReceiveCount} times to its dead-letter queue, which alarms.`,
  });
  return mapping;
}
