import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestIdentity {
  sub: string;
  email: string;
  siret: string | null;
  idpId: string;
}

export const CLIENT_ID = 'pass-numerique-test';
export const CLIENT_SECRET = 'a-test-client-secret-of-some-length';

/**
 * A real OpenID provider (`oidc-provider`) in the test process, configured like ProConnect: code flow with
 * PKCE, signed userinfo (RS256), ProConnect's claims as scopes, end-session. Its login and consent pages
 * are replaced by a test-only interaction that signs in as `identity` at once. With `forgeUserinfo`, the
 * userinfo answer is signed by another key than the published one, under the same key id.
 */
export class OidcTestProvider {
  identity: TestIdentity = { sub: 'sub-0', email: 'nobody@example.org', siret: null, idpId: 'idp-test' };
  forgeUserinfo = false;
  /**
   * With `loginForm`, the interaction first shows a page with a "Se connecter" button (a browser test clicks
   * it, as a person would at ProConnect); without, it signs in at once (API tests following redirects).
   */
  loginForm = false;
  private server: Server | null = null;
  private provider: Provider | null = null;
  private issuer = '';
  private kid = 'test-key-1';

  async start(redirectUri: string, postLogoutRedirectUri: string): Promise<void> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: this.kid, alg: 'RS256', use: 'sig' };
    const claimsOf = (sub: string) => ({
      sub,
      email: this.identity.email,
      siret: this.identity.siret,
      idp_id: this.identity.idpId,
      given_name: 'Camille',
      usual_name: 'Martin',
      uid: sub,
    });
    const provider = new Provider(this.issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [redirectUri],
          post_logout_redirect_uris: [postLogoutRedirectUri],
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'client_secret_post',
          id_token_signed_response_alg: 'RS256',
          userinfo_signed_response_alg: 'RS256',
        },
      ],
      jwks: { keys: [jwk] },
      claims: {
        openid: ['sub'],
        email: ['email'],
        siret: ['siret'],
        idp_id: ['idp_id'],
        given_name: ['given_name'],
        usual_name: ['usual_name'],
        uid: ['uid'],
      },
      scopes: ['openid', 'email', 'siret', 'idp_id', 'given_name', 'usual_name', 'uid'],
      acrValues: ['eidas1'],
      pkce: { required: () => true },
      features: { devInteractions: { enabled: false }, jwtUserinfo: { enabled: true }, rpInitiatedLogout: { enabled: true } },
      findAccount: async (_context: unknown, sub: string) => ({ accountId: sub, claims: async () => claimsOf(sub) }),
      interactions: { url: (_context: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    } as ConstructorParameters<typeof Provider>[1]);
    const foreignKey = (await generateKeyPair('RS256')).privateKey;
    const callback = provider.callback();
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      void (async () => {
        if (request.url?.startsWith('/interaction/')) {
          if (this.loginForm && request.method === 'GET') return this.showLoginForm(request.url, response);
          return this.signInAtOnce(provider, request, response);
        }
        if (this.forgeUserinfo && request.url?.startsWith('/me')) {
          const forged = await new SignJWT(claimsOf(this.identity.sub))
            .setProtectedHeader({ alg: 'RS256', kid: this.kid })
            .setIssuer(this.issuer)
            .setAudience(CLIENT_ID)
            .setIssuedAt()
            .sign(foreignKey);
          response.writeHead(200, { 'Content-Type': 'application/jwt' }).end(forged);
          return;
        }
        await callback(request, response);
      })().catch((error) => response.writeHead(500).end(String(error)));
    });
    this.server = server;
    this.provider = provider;
  }

  get issuerUrl(): string {
    return this.issuer;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private showLoginForm(url: string, response: ServerResponse): void {
    const action = `${url.split('?')[0].replace(/\/$/, '')}/login`;
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Fournisseur d’identité de test</title></head>
<body><main><h1>Fournisseur d’identité de test</h1><p>Vous vous connectez en tant que ${this.identity.email.replace(/[<>&"]/g, '')}.</p>
<form method="post" action="${action}"><button type="submit">Se connecter</button></form></main></body></html>`,
    );
  }

  /** The test-only interaction policy: the person is `identity`, and consents to every scope asked. */
  private async signInAtOnce(provider: Provider, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(request, response);
    const grant = new provider.Grant({ accountId: this.identity.sub, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId: this.identity.sub }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }
}

/**
 * Follows the provider's redirects like a browser (keeping its cookies) until it sends the browser back to
 * `redirectPrefix`; returns that address.
 */
export async function followToRedirect(startUrl: string, redirectPrefix: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = startUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(redirectPrefix)) return new URL(url);
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const [name, ...value] = pair.split('=');
      cookies.set(name.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`The provider answered ${response.status} at ${url} without redirecting: ${await response.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('Too many redirects');
}
