// How a fan signs in, as config.json beside the page says. Locally ({signIn: "dev"}) the runtime mints a dev token
// for any name. On a stage with its own user pool ({signIn: "cognito"}) the pool's hosted UI signs the fan in: the
// authorization code flow with PKCE (S256) and a state, the code redeemed here, the tokens kept for this tab only
// (sessionStorage). With an external issuer ({signIn: "issuer"}) this page signs nobody in, and says so.
import { ApiProblem } from './problems.js';

const SESSION_KEY = 'ticketflow.session';
/** The verifier and state of a sign-in under way, while the fan is at the hosted UI. */
const PENDING_KEY = 'ticketflow.sign-in';

let config = { signIn: 'dev' };

/** Reads config.json once, before the first screen. A page without one signs in as locally. */
export async function loadConfig() {
  const answer = await fetch('/config.json', { cache: 'no-store' });
  if (answer.ok) config = await answer.json();
  return config;
}

export function signInMode() {
  return config.signIn;
}

export function issuer() {
  return config.issuer;
}

function tokens() {
  return config.signIn === 'cognito' ? sessionStorage : localStorage;
}

/** {userId, token}: the signed-in fan and the bearer token the API takes, or null. */
export function session() {
  try {
    return JSON.parse(tokens().getItem(SESSION_KEY)) || null;
  } catch {
    return null;
  }
}

/** The API refused the token (it ran out): forget it, so the next screen is sign-in. */
export function forgetSession() {
  tokens().removeItem(SESSION_KEY);
}

/** The token's claims, unverified: the API verifies it; the page only reads who it names. */
export function claimsOf(token) {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(payload));
}

/** Locally the runtime mints a dev token for any user name; a deployment has no such route (404). */
export async function signInAs(userId) {
  const answer = await fetch('/_local/dev-tokens', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (!answer.ok) {
    throw new ApiProblem({ type: answer.status === 404 ? 'sign-in-unavailable' : 'sign-in-refused', status: answer.status });
  }
  const { token } = await answer.json();
  const current = { userId, token };
  localStorage.setItem(SESSION_KEY, JSON.stringify(current));
  return current;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Off to the hosted UI; the screen the fan was on comes back after the return. */
export async function startHostedSignIn() {
  const verifier = randomText();
  const state = randomText();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, hash: location.hash }));
  const authorize = new URL(config.authorizeUrl);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: config.scope || 'openid',
    state,
    code_challenge: base64url(new Uint8Array(digest)),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(authorize.toString());
}

/**
 * Back from the hosted UI (?code=…&state=… or ?error=…): redeems the code with the verifier. Resolves to the session,
 * or null when this load is no return from sign-in. A state that is not the one sent is refused, code unredeemed.
 */
export async function finishHostedSignIn() {
  const params = new URLSearchParams(location.search);
  if (config.signIn !== 'cognito' || (!params.has('code') && !params.has('error'))) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) || 'null');
  sessionStorage.removeItem(PENDING_KEY);
  // the code is single-use and the address is bookmarked and shared: take it out of the bar and the history
  history.replaceState(null, '', location.pathname + (pending?.hash || ''));
  if (!pending || params.get('state') !== pending.state) {
    throw new ApiProblem({ type: 'sign-in-state-mismatch', status: 400 });
  }
  if (params.has('error')) throw new ApiProblem({ type: 'sign-in-refused', status: 400 });
  let answer;
  try {
    answer = await fetch(config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: config.clientId,
        code: params.get('code'),
        redirect_uri: config.redirectUri,
        code_verifier: pending.verifier,
      }),
    });
  } catch {
    throw new ApiProblem({ type: 'network', status: 0 });
  }
  if (!answer.ok) throw new ApiProblem({ type: 'sign-in-refused', status: answer.status });
  // the access token: the API's JWT authorizer accepts the fan client's id as its client_id
  const { access_token: token } = await answer.json();
  const claims = claimsOf(token);
  const current = { userId: claims.username || claims.sub, token };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(current));
  return current;
}

/**
 * Forgets the fan here, and with the hosted UI also there (its own session cookie), which sends the browser back to
 * this page. True when the browser is leaving for the logout URL.
 */
export function signOut() {
  localStorage.clear();
  sessionStorage.clear();
  if (config.signIn !== 'cognito') return false;
  const logout = new URL(config.logoutUrl);
  logout.search = new URLSearchParams({ client_id: config.clientId, logout_uri: config.redirectUri }).toString();
  location.assign(logout.toString());
  return true;
}
