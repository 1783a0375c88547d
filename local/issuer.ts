import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { withVerifiedTokenCache } from './verified-token-cache.ts';

/** Fixed, so tokens minted before `npm start` (or on another port) stay valid. `.invalid` never resolves. */
export const LOCAL_ISSUER = 'https://local-issuer.servicedesk.invalid';
/** The local stand-in for the Cognito app client that people sign in through. */
export const LOCAL_CLIENT_ID = 'servicedesk-local-web';
/** Default id of a local machine client (client-credentials flow). */
export const LOCAL_MACHINE_CLIENT_ID = 'servicedesk-local-machine';
/** The app clients the local API accepts, as the stack lists its web and machine clients for API Gateway. */
export const LOCAL_AUDIENCE: readonly string[] = [LOCAL_CLIENT_ID, LOCAL_MACHINE_CLIENT_ID];

const ALGORITHM = 'ES256';

export type TokenClaims = JWTPayload & Record<string, unknown>;

export interface SignOptions {
  /** A number of seconds, or a jose time span such as '1h' or '15m'. */
  expiresIn?: number | string;
}

export interface LocalIssuer {
  readonly issuer: string;
  readonly audience: string;
  /** The public key of the signatures, as the JWKS endpoint publishes it. */
  readonly publicJwk: JWK;
  /** Adds iss, iat, exp, jti, auth_time and (for ID tokens, unless given) aud to the claims. */
  sign(claims: TokenClaims, options?: SignOptions): Promise<string>;
  /** The app client ids a token must be for (its aud, or without aud its client_id). */
  readonly audiences: readonly string[];
  /** Checks what API Gateway's JWT authorizer checks: signature, iss, exp, and aud or client_id. */
  verify(token: string): Promise<TokenClaims>;
}

export interface LocalIssuerOptions {
  /** The authorizer's audience list: app client ids whose tokens are accepted; LOCAL_AUDIENCE by default. */
  audiences?: readonly string[];
}

interface StoredKey {
  privateJwk: JWK;
  publicJwk: JWK;
}

/** An issuer whose key lives only in this process; for tests. */
export async function createInMemoryIssuer(options: LocalIssuerOptions = {}): Promise<LocalIssuer> {
  return issuerFromKey(await generateStoredKey(), options);
}

/**
 * The issuer shared by `npm start` and `npm run token`: its key pair is created on first use and
 * kept in a file, so a token outlives restarts of either.
 */
export async function loadPersistedIssuer(keyFile: string, options: LocalIssuerOptions = {}): Promise<LocalIssuer> {
  return issuerFromKey(await readOrCreateKey(keyFile), options);
}

async function readOrCreateKey(keyFile: string): Promise<StoredKey> {
  try {
    return JSON.parse(await readFile(keyFile, 'utf8')) as StoredKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = await generateStoredKey();
  await mkdir(dirname(keyFile), { recursive: true });
  try {
    // 'wx': if two processes race on first use, one key wins and both use it.
    await writeFile(keyFile, JSON.stringify(key, null, 2), { flag: 'wx', mode: 0o600 });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return JSON.parse(await readFile(keyFile, 'utf8')) as StoredKey;
  }
}

async function generateStoredKey(): Promise<StoredKey> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM }, publicJwk: { ...publicJwk, kid, alg: ALGORITHM } };
}

async function issuerFromKey(key: StoredKey, options: LocalIssuerOptions): Promise<LocalIssuer> {
  const privateKey = (await importJWK(key.privateJwk, ALGORITHM)) as CryptoKey;
  const publicKey = (await importJWK(key.publicJwk, ALGORITHM)) as CryptoKey;
  const kid = key.publicJwk.kid;
  const audiences = options.audiences ?? LOCAL_AUDIENCE;

  return {
    issuer: LOCAL_ISSUER,
    audience: LOCAL_CLIENT_ID,
    publicJwk: { ...key.publicJwk, use: 'sig' },
    audiences,

    async sign(claims, { expiresIn = '1h' } = {}) {
      const now = Math.floor(Date.now() / 1000);
      // Cognito access tokens carry client_id and no aud; ID tokens carry aud.
      const withAudience = claims.token_use === 'access' || claims.aud !== undefined ? claims : { ...claims, aud: LOCAL_CLIENT_ID };
      return new SignJWT({ auth_time: now, ...withAudience })
        .setProtectedHeader({ alg: ALGORITHM, kid, typ: 'JWT' })
        .setIssuer(LOCAL_ISSUER)
        .setIssuedAt(now)
        .setJti(randomUUID())
        .setExpirationTime(typeof expiresIn === 'number' ? now + expiresIn : expiresIn)
        .sign(privateKey);
    },

    verify: withVerifiedTokenCache(async (token) => {
      const { payload } = await jwtVerify(token, publicKey, { issuer: LOCAL_ISSUER, algorithms: [ALGORITHM], requiredClaims: ['exp'] });
      if (!hasListedAudience(payload, audiences)) throw new InvalidAudienceError();
      return payload as TokenClaims;
    }),
  };
}

/**
 * API Gateway's rule: a token with `aud` is judged by its aud alone (one of them must be listed);
 * only a token without aud (a Cognito access token) is judged by its `client_id`.
 */
function hasListedAudience(payload: JWTPayload, audiences: readonly string[]): boolean {
  if (payload.aud !== undefined) return (typeof payload.aud === 'string' ? [payload.aud] : payload.aud).some((aud) => audiences.includes(aud));
  return typeof payload.client_id === 'string' && audiences.includes(payload.client_id);
}

export class InvalidAudienceError extends Error {
  constructor() {
    super('the token has an invalid audience or client_id');
    this.name = 'InvalidAudienceError';
  }
}
