import { authSession } from '../auth/auth-session';
import { runtimeConfig } from '../config/runtime-config';
import { createApiClient, type ApiClient } from './api-client';

let client: Promise<ApiClient> | undefined;

/** The app's API client, made once the runtime configuration is known; route loaders and actions use it. */
export function api(): Promise<ApiClient> {
  client ??= runtimeConfig().then((config) => createApiClient(config.apiBaseUrl, () => authSession.idToken()));
  return client;
}

/** Uses this client instead (tests: one made with `createApiClient` over their own fetch). */
export function provideApiClient(next: ApiClient): void {
  client = Promise.resolve(next);
}
