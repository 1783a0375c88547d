import { parseArgs } from 'node:util';
import { ConfigError } from '#shared/config/config-error';
import { serviceDeskConfig } from '#shared/config/service-desk-config';
import { LOCAL_AUDIENCE, LOCAL_MACHINE_CLIENT_ID, loadPersistedIssuer } from './issuer.ts';
import { LOCAL_PATHS } from './local-paths.ts';
import { isTokenRole, machineClientClaims, personClaims, resolveTokenPerson, UnknownRoleError } from './token-claims.ts';

const USAGE = `Usage:
  npm run token -- --role agent|manager|admin|requester [--email someone@example.org] [--expires 1h]
  npm run token -- [--client ${LOCAL_MACHINE_CLIENT_ID}] --scope "servicedesk/tickets.read servicedesk/tickets.write" [--expires 1h]`;

/** Exit code for a bad command line, distinct from a broken configuration (1). */
const USAGE_ERROR = 2;

class UsageError extends Error {}

/**
 * `npm run token`: mints a token signed by the same local key as `npm start` uses. The token is
 * the last line printed, so `| tail -n 1` captures it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      email: { type: 'string' },
      client: { type: 'string' },
      scope: { type: 'string' },
      expires: { type: 'string', default: '1h' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const expiresIn = parseExpiry(values.expires);
  const issuer = await loadPersistedIssuer(LOCAL_PATHS.issuerKey);

  if (values.client !== undefined || values.scope !== undefined) {
    if (values.role || values.email) throw new UsageError('--client/--scope mint a machine-client token; leave out --role and --email.');
    const clientId = values.client || LOCAL_MACHINE_CLIENT_ID;
    // The local API, like API Gateway, refuses tokens of app clients it does not list.
    if (!LOCAL_AUDIENCE.includes(clientId)) throw new UsageError(`--client ${clientId} is not an app client of the local API; use ${LOCAL_MACHINE_CLIENT_ID} (or leave --client out).`);
    const scopes = (values.scope ?? '').split(' ').filter(Boolean);
    const token = await issuer.sign(machineClientClaims(clientId, scopes), { expiresIn });
    console.log(`Machine client ${clientId}, scopes: ${scopes.join(' ') || '(none)'}; access token valid for ${values.expires}:`);
    console.log(token);
    return;
  }

  if (!values.role && !values.email) throw new UsageError('Say who the token is for: --role, --email or --client.');
  if (values.role && !isTokenRole(values.role)) throw new UnknownRoleError(values.role);
  const config = serviceDeskConfig();
  const person = resolveTokenPerson(config, { role: values.role, email: values.email });
  const token = await issuer.sign(personClaims(person), { expiresIn });
  const role = person.groups[0] ?? 'requester';
  console.log(`${person.name} <${person.email}>, role ${role}; ID token valid for ${values.expires}:`);
  console.log(token);
}

/** '1h', '30m', '7d', '90s' or plain seconds. */
function parseExpiry(text: string): string | number {
  if (/^\d+$/.test(text)) return Number(text);
  if (/^\d+\s*(s|m|h|d)$/.test(text)) return text.replace(/\s+/g, '');
  throw new UsageError(`--expires ${text} is not a duration; use e.g. 90s, 15m, 1h or 7d.`);
}

// `npm run token | head -1` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof UnknownRoleError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(USAGE_ERROR);
  }
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
