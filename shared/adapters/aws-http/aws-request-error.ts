/** An AWS service's refusal of a call the desk signed and sent itself; `name` is the service's error code, as the SDK names its exceptions. */
export class AwsRequestError extends Error {
  constructor(
    name: string,
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
    this.name = name;
  }
}
