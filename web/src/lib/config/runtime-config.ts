/**
 * What the deployed app learns at start from `/config.json` beside it (written by the web stack,
 * served by `npm start` locally), so one build runs in every stage.
 */
export interface RuntimeConfig {
  /** Where the API is, relative to the app's origin: `/api`. */
  apiBaseUrl: string;
  /** The desk's name in the header (the configuration's `email.name`); "Service desk" when absent. */
  deskName?: string;
  auth: {
    /** The OpenID Connect issuer (Cognito's, or the local issuer's). */
    authority: string;
    /** Where the discovery document is, when it is not under the authority (the local issuer). */
    metadataUrl?: string;
    clientId: string;
    /** The hosted sign-in domain, whose `/logout` ends the session (Cognito has no standard end-session endpoint). */
    domain: string;
    redirectPath: string;
    signOutPath: string;
  };
  /** The organisation's identity providers offered on the sign-in page. */
  identityProviders: { id: string; name: string }[];
}

let loading: Promise<RuntimeConfig> | undefined;

/** Loads `/config.json` once (a failed load is tried again on the next call). */
export function runtimeConfig(): Promise<RuntimeConfig> {
  loading ??= fetch('/config.json', { headers: { accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) throw new Error(`config.json answered ${response.status}`);
      return (await response.json()) as RuntimeConfig;
    })
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}
