// The API as the page uses it: same origin, bearer token, problem+json turned into an ApiProblem.
import { ApiProblem } from './problems.js';
import { forgetSession, session } from './signin.js';

export { ApiProblem };

function retryAfter(answer) {
  const seconds = Number(answer.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/**
 * One request. Resolves to {status, body, headers}; rejects with an ApiProblem for any 4xx/5xx, so no caller can
 * mistake a refusal for an answer.
 */
export async function call(method, path, { body, headers = {}, auth = true } = {}) {
  const sent = { ...headers };
  if (body !== undefined) sent['content-type'] = 'application/json';
  const current = session();
  if (auth && current) sent.authorization = `Bearer ${current.token}`;
  let answer;
  try {
    answer = await fetch(path, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch {
    throw new ApiProblem({ type: 'network', status: 0 });
  }
  if (answer.status === 401 && auth) {
    // the token ran out (or the local runtime restarted with a new key): back to sign-in, not a dead end
    forgetSession();
    window.dispatchEvent(new Event('signed-out'));
  }
  if (answer.status >= 400) {
    const text = await answer.text();
    let problem = { status: answer.status };
    try {
      problem = { ...JSON.parse(text), status: answer.status };
    } catch {
      // a gateway answer without a problem body (401 from the authorizer, a 5xx): the status alone decides
    }
    throw new ApiProblem(problem, retryAfter(answer));
  }
  const text = await answer.text();
  return { status: answer.status, body: text ? JSON.parse(text) : null, headers: answer.headers, retryAfterSeconds: retryAfter(answer) };
}

const seatMaps = new Map();

/**
 * A range of a schedule's seat map, revalidated with its ETag: an unchanged range costs a 304 and no body.
 */
export async function seatRange(scheduleId, fromSeat, toSeat) {
  const path = `/schedules/${encodeURIComponent(scheduleId)}/seats?fromSeat=${fromSeat}&toSeat=${toSeat}`;
  const cached = seatMaps.get(path);
  const answer = await fetch(path, { headers: cached ? { 'if-none-match': cached.etag } : {}, cache: 'no-store' });
  if (answer.status === 304 && cached) return cached.map;
  if (!answer.ok) {
    let problem = { status: answer.status };
    try {
      problem = { ...(await answer.json()), status: answer.status };
    } catch {
      // no body: the status decides
    }
    throw new ApiProblem(problem);
  }
  const map = await answer.json();
  const etag = answer.headers.get('etag');
  if (etag) seatMaps.set(path, { etag, map });
  return map;
}
