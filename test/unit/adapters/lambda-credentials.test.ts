import { afterEach, describe, expect, it } from 'vitest';
import { defaultProvider } from '../../../infra/bundling/lambda-credentials.ts';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('the credentials the Lambda bundles use in place of the default chain', () => {
  it("returns the role's credentials Lambda puts in the environment", async () => {
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' });
    const credentials = await defaultProvider()();
    expect(credentials).toMatchObject({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' });
  });

  it('can be created without credentials and fails only when asked, naming what is missing', async () => {
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI']) delete process.env[name];
    const provider = defaultProvider();
    await expect(provider()).rejects.toThrow(/AWS_CONTAINER_CREDENTIALS/);
  });
});
