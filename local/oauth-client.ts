import { LOCAL_CLIENT_ID } from './issuer.ts';

/** An app client of the user pool as its managed login sees it: where it may send people back to. */
export interface OAuthClient {
  clientId: string;
  /** Callback URLs: `redirect_uri` of an authorize request must be one of these, exactly. */
  redirectUris: readonly string[];
  /** Sign-out URLs: `logout_uri` of a logout request must be one of these, exactly. */
  signOutUris: readonly string[];
}

/** The hosts the local server answers on; a browser may have opened either. */
const LOCAL_HOSTS = ['localhost', '127.0.0.1'] as const;

/** The web app's client under `npm start`: the web app is served by the local server on `port`. */
export function localWebClient(port: number): OAuthClient {
  const origins = LOCAL_HOSTS.map((host) => `http://${host}:${port}`);
  return {
    clientId: LOCAL_CLIENT_ID,
    redirectUris: origins.map((origin) => `${origin}/auth/callback`),
    signOutUris: origins.flatMap((origin) => [`${origin}/`, `${origin}/signed-out`]),
  };
}

/** The origins the local server is reached at on `port`. */
export function localOrigins(port: number): string[] {
  return LOCAL_HOSTS.map((host) => `http://${host}:${port}`);
}
