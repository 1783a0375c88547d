/**
 * Test files share worker processes. The local runtime declares Lambda's concurrent-invocation
 * mode (AWS_LAMBDA_MAX_CONCURRENCY) when it loads, and Powertools then expects an invocation
 * store that only that file's module graph has: each file starts as a plain function again.
 */
delete process.env.AWS_LAMBDA_MAX_CONCURRENCY;
