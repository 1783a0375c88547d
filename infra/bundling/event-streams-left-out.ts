/**
 * Replaces `@smithy/core/event-streams` in the Lambda bundles (an esbuild alias set by
 * ServiceDeskFunction). The SDK imports it for operations whose payload is an event stream
 * (S3 SelectObjectContent, say); none of the desk's DynamoDB, SQS, SES, S3, Scheduler or
 * Parameter Store calls is one, and the module is about 15 KB of every bundle. The S3 client
 * makes its marshaller as it is created, so that one is made; using it, or anything else here,
 * would be a bug: it throws.
 */
function leftOut(): never {
  throw new Error('@smithy/core/event-streams is left out of the function bundles: no call the desk makes streams events');
}

const leftOutMarshaller = { serialize: leftOut, deserialize: leftOut };

export const eventStreamSerdeProvider = () => leftOutMarshaller;

export const resolveEventStreamSerdeConfig = <T extends object>(input: T) => Object.assign(input, { eventStreamMarshaller: leftOutMarshaller });

export class EventStreamSerde {
  constructor() {
    leftOut();
  }
}
