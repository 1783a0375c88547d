import type { ServiceDeskConfig } from '#shared/config/config-schema';
import { createFederatedIssuer } from './federated-issuer.ts';
import type { LocalPage } from './http-server.ts';
import type { LocalIssuer } from './issuer.ts';
import { localOrigins, localWebClient } from './oauth-client.ts';
import { createOidcProvider, type MayCreateAccount } from './oidc-provider.ts';

export interface LocalSignInOptions {
  issuer: LocalIssuer;
  config: ServiceDeskConfig;
  /** The port the local server runs on: the web client's URLs and the discovery document name it. */
  port: number;
  mayCreateAccount?: MayCreateAccount;
  now?: () => Date;
}

/** Sign-in under `npm start`: the local issuer's Cognito endpoints and the identity provider that plays every configured one. */
export async function createLocalSignIn(options: LocalSignInOptions): Promise<LocalPage> {
  const origins = localOrigins(options.port);
  const federatedIssuer = await createFederatedIssuer({
    redirectUris: origins.map((origin) => `${origin}/oauth2/idpresponse`),
    ...(options.now ? { now: options.now } : {}),
  });
  return createOidcProvider({
    issuer: options.issuer,
    config: options.config,
    clients: [localWebClient(options.port)],
    origins,
    federatedIssuer,
    ...(options.mayCreateAccount ? { mayCreateAccount: options.mayCreateAccount } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}
