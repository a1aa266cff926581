// Sign-in through the municipality's identity provider (OpenID Connect authorization code flow with PKCE, state
// and nonce), as the relying party, on openid-client. start() sends the browser to the provider; finish() checks
// what comes back (openid-client verifies state, the code through the token endpoint with the PKCE verifier, and
// the ID token's signature, issuer, audience, expiry and nonce), then asks oidcAccounts.ts which account it is.
import * as client from 'openid-client';
import type { Db } from '../../db/client';
import type { Clock } from '../services/clock';
import { accountForClaims, OidcRefusal, type OidcSignIn } from './oidcAccounts';
import { redirectUrlOf, type OidcConfig } from './oidcConfig';
import { OIDC_STATE_MINUTES, openPending, sealPending } from './oidcState';

/** Why a sign-in came back without an account; each has a translated message on the login page. */
export type OidcFailureCode =
  | OidcRefusal['code']
  /** The state cookie is missing, expired or belongs to another sign-in (a forged or replayed callback). */
  | 'oidc_state'
  /** The provider refused (the user cancelled, or is not assigned to the application). */
  | 'oidc_denied'
  /** The code, the ID token or the nonce did not check out. */
  | 'oidc_invalid'
  /** The provider could not be reached or answered nonsense. */
  | 'oidc_unavailable';

export class OidcFailure extends Error {
  constructor(
    readonly code: OidcFailureCode,
    message: string,
  ) {
    super(message);
  }
}

const configurations = new WeakMap<OidcConfig, Promise<client.Configuration>>();

/** http:// is only accepted for a provider on this machine (a test's or a developer's). */
const isLoopback = (issuer: string) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(issuer).hostname);

/** The provider's metadata and keys, discovered once per config and found again after a failure. */
function configurationOf(oidc: OidcConfig): Promise<client.Configuration> {
  let found = configurations.get(oidc);
  if (!found) {
    const auth = oidc.clientSecret ? client.ClientSecretPost(oidc.clientSecret) : client.None();
    found = client.discovery(new URL(oidc.issuer), oidc.clientId, undefined, auth, {
      execute: isLoopback(oidc.issuer) ? [client.allowInsecureRequests] : [],
      timeout: 10,
    });
    configurations.set(oidc, found);
    found.catch(() => configurations.delete(oidc));
  }
  return found;
}

async function configuration(oidc: OidcConfig): Promise<client.Configuration> {
  try {
    return await configurationOf(oidc);
  } catch (err) {
    console.error(`OIDC discovery at ${oidc.issuer} failed:`, err instanceof Error ? err.message : String(err));
    throw new OidcFailure('oidc_unavailable', 'The identity provider could not be reached');
  }
}

/** Where to send the browser, and the sealed cookie that must come back with it. */
export async function start(db: Db, oidc: OidcConfig, publicUrl: string, clock: Clock): Promise<{ url: string; cookie: string }> {
  const config = await configuration(oidc);
  const codeVerifier = client.randomPKCECodeVerifier();
  const pending = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier, expires: clock.now().getTime() + OIDC_STATE_MINUTES * 60_000 };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUrlOf(oidc, publicUrl),
    scope: oidc.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url: url.href, cookie: await sealPending(db, pending) };
}

/**
 * Checks the provider's answer (the callback's query) against the cookie from start(), and finds or makes the
 * account. Throws OidcFailure or OidcRefusal.
 */
export async function finish(db: Db, oidc: OidcConfig, publicUrl: string, callbackQuery: string, cookie: string | undefined, clock: Clock): Promise<OidcSignIn> {
  const pending = await openPending(db, cookie, clock.now());
  if (!pending) throw new OidcFailure('oidc_state', 'The sign-in expired or was started in another browser; try again');
  // Checked here too (openid-client does as well) so that a forged or crossed callback gets its own answer.
  if (new URLSearchParams(callbackQuery).get('state') !== pending.state) throw new OidcFailure('oidc_state', 'The sign-in was started in another browser or tab; try again');
  const config = await configuration(oidc);
  // The URL the provider redirected to, as registered there, with the answer's parameters.
  const current = new URL(redirectUrlOf(oidc, publicUrl));
  current.search = callbackQuery;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    throw failureOf(err);
  }
  const claims = tokens.claims();
  if (!claims) throw new OidcFailure('oidc_invalid', 'The identity provider sent no ID token');
  return accountForClaims(db, oidc, claims);
}

/** openid-client's errors as our codes; only the provider's error code and openid-client's reason are logged. */
function failureOf(err: unknown): OidcFailure {
  if (err instanceof client.AuthorizationResponseError) {
    return new OidcFailure('oidc_denied', `The identity provider refused the sign-in (${err.error})`);
  }
  if (err instanceof client.ResponseBodyError) {
    console.warn(`OIDC token request refused: ${err.error}`);
    return new OidcFailure('oidc_invalid', 'The sign-in could not be completed; try again');
  }
  // openid-client's own checks (the ID token's signature, issuer, audience, expiry and nonce) name an OAUTH_* code.
  const code = err instanceof Error && 'code' in err ? String((err as { code: unknown }).code) : '';
  if (code.startsWith('OAUTH_')) {
    console.warn(`OIDC answer refused: ${code} ${(err as Error).message}`);
    return new OidcFailure('oidc_invalid', 'The sign-in could not be checked; try again');
  }
  console.error('OIDC sign-in failed:', err instanceof Error ? err.message : String(err));
  return new OidcFailure('oidc_unavailable', 'The identity provider could not be reached');
}
