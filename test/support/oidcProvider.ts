// A real OpenID Connect provider (panva's oidc-provider) on a random loopback port, for the sign-in tests: its
// accounts and their groups are a plain map the test changes, and signIn() plays the browser through the
// provider's development login and consent pages (any password; the login name is the account id).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  email: string;
  name: string;
  groups: string[];
  emailVerified?: boolean;
}

export const OIDC_CLIENT = { clientId: 'gevinstspor', clientSecret: 'test-secret-that-is-long-enough-1234' };

export interface TestProvider {
  issuer: string;
  accounts: Map<string, TestAccount>;
  /** Logs `accountId` in at the provider from `authorizationUrl` and answers the redirect back to the app. */
  signIn: (authorizationUrl: string, accountId: string) => Promise<URL>;
  /** Registers the app's redirect URI; until then the provider answers 503 (for an app whose address comes later). */
  register: (redirectUri: string) => void;
  close: () => Promise<void>;
}

/** A browser's cookies for one origin: enough for the provider's interaction and session cookies. */
class CookieJar {
  private cookies = new Map<string, string>();
  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export async function startTestProvider(redirectUri?: string): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestAccount>();

  let handle: ReturnType<Provider['callback']> | undefined;
  server.on('request', (req, res) => {
    if (handle) void handle(req, res);
    else res.writeHead(503).end();
  });
  const register = (uri: string) => {
    const provider = new Provider(issuer, {
      clients: [{ client_id: OIDC_CLIENT.clientId, client_secret: OIDC_CLIENT.clientSecret, redirect_uris: [uri], token_endpoint_auth_method: 'client_secret_post' }],
      // The claims go into the ID token, as Entra ID sends "groups" there (not at userinfo).
      conformIdTokenClaims: false,
      claims: { openid: ['sub', 'groups'], email: ['email', 'email_verified'], profile: ['name'] },
      cookies: { keys: ['test-cookie-key-0123456789abcdef'] },
      features: { devInteractions: { enabled: true } },
      // Set, so that the provider does not print a notice for each default it uses.
      ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
      async findAccount(_ctx, sub) {
        const account = accounts.get(sub);
        if (!account) return undefined;
        return {
          accountId: sub,
          claims: async () => ({ sub, email: account.email, email_verified: account.emailVerified ?? true, name: account.name, groups: account.groups }),
        };
      },
    });
    provider.on('server_error', (_ctx, err) => console.error('test OIDC provider:', err));
    handle = provider.callback();
  };
  if (redirectUri) register(redirectUri);

  /** GET or POST at the provider as one browser, following its own redirects until one leaves it. */
  async function signIn(authorizationUrl: string, accountId: string): Promise<URL> {
    const jar = new CookieJar();
    let url = new URL(authorizationUrl);
    let body: URLSearchParams | undefined;
    for (let step = 0; step < 20; step++) {
      if (url.origin !== issuer) return url;
      const res = await fetch(url, { method: body ? 'POST' : 'GET', body, redirect: 'manual', headers: { cookie: jar.header() } });
      jar.store(res);
      body = undefined;
      const location = res.headers.get('location');
      if (location) {
        await res.arrayBuffer();
        url = new URL(location, url);
        continue;
      }
      const html = await res.text();
      if (res.status !== 200) throw new Error(`test OIDC provider answered ${res.status}: ${html.slice(0, 500)}`);
      // A development interaction page: the login form (login name = account id) or the consent form.
      const prompt = /name="prompt" value="(login|consent)"/.exec(html)?.[1];
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!prompt || !action) throw new Error(`unexpected page at the test OIDC provider: ${html.slice(0, 500)}`);
      body = prompt === 'login' ? new URLSearchParams({ prompt, login: accountId, password: 'any' }) : new URLSearchParams({ prompt });
      url = new URL(action, url);
    }
    throw new Error('the test OIDC provider redirected too often');
  }

  return {
    issuer,
    accounts,
    signIn,
    register,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
