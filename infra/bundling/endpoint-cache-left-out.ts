/**
 * Replaces `@aws-sdk/endpoint-cache` in the Lambda bundles (an esbuild alias set by
 * ServiceDeskFunction). The DynamoDB client creates one for endpoint discovery, which none of its
 * commands the desk sends uses (DynamoDB answers on its regional endpoint), and its LRU library is
 * about 7 KB of every function that reads the table. The cache is created and stays empty; using
 * it would be a bug: it throws.
 */
function leftOut(): never {
  throw new Error('@aws-sdk/endpoint-cache is left out of the function bundles: no command the desk sends discovers endpoints');
}

export class EndpointCache {
  getEndpoint = leftOut;
  get = leftOut;
  set = leftOut;
  delete = leftOut;
  has = leftOut;
  clear = leftOut;
}
