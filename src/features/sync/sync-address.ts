/**
 * Checks of what a user types to connect a workspace: the server address
 * and the token. Both run when the value is typed and again before any
 * request, so a bad value never reaches `fetch`.
 */

/** Reason a typed server address cannot be used, and a key under `settings.address` in the `sync` namespace. */
export type ServerAddressProblem = 'empty' | 'scheme' | 'invalid';

export type ServerAddressCheck =
  { ok: true; url: string } | { ok: false; problem: ServerAddressProblem; scheme?: string };

// A scheme such as `http:` followed by `//`. `localhost:18790` has no `//`,
// so it is read as a host and port, not as the scheme `localhost`.
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/**
 * Turns a typed server address into the origin and path prefix that
 * requests go to: adds `http://` when no scheme is given, keeps only http
 * and https, drops a trailing slash, a query and a fragment.
 */
export function normaliseServerUrl(input: string): ServerAddressCheck {
  const typed = input.trim();
  if (typed === '') return { ok: false, problem: 'empty' };

  const scheme = SCHEME.exec(typed)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return { ok: false, problem: 'scheme', scheme };
  }

  let url: URL;
  try {
    url = new URL(scheme === undefined ? `http://${typed}` : typed);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.hostname === '' || url.username !== '' || url.password !== '') {
    return { ok: false, problem: 'invalid' };
  }

  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.protocol}//${url.host}${path}` };
}

/** Reason a typed token cannot be sent, and a key under `settings.tokenProblems` in the `sync` namespace. */
export type TokenProblem = 'empty' | 'characters';

// The characters of an HTTP bearer token (RFC 6750 `b64token`). Tokens the
// server makes are `sras_` and base64url, which this covers. Other characters
// (an emoji, Chinese, a space) cannot be sent in a header at all.
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Returns the problem with a typed token after trimming, or null when it can be sent. */
export function checkToken(input: string): TokenProblem | null {
  const token = input.trim();
  if (token === '') return 'empty';
  if (!BEARER_TOKEN.test(token)) return 'characters';
  return null;
}
