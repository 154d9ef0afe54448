// Fetching JSON from the map API (and sending it to the case API, with the page's CSRF token). A failed answer becomes an ApiError with its status and the fields a 400
// names (RFC 9457 `errors`), so that the page can say what went wrong in its own language; the server's own
// English detail is kept only for the developer tools.
//
// Every request says it comes from a script (X-Requested-With), so that an ended session answers a plain 401
// rather than the browser's login dialog; the page is told once, through whenSessionEnds.

export class ApiError extends Error {
  constructor(message, status, fields = [], problems = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.fields = fields;
    /** The problem's field errors as the server wrote them: [{field, message}]. */
    this.problems = problems;
  }

  get sessionEnded() {
    return this.status === 401;
  }
}

let sessionEnded = null;

/** What to do (once) when an answer says the session has ended. */
export function whenSessionEnds(handler) {
  sessionEnded = handler;
}

function ended(status, detail) {
  const error = new ApiError(detail || 'session ended', 401);
  if (sessionEnded) {
    const handler = sessionEnded;
    sessionEnded = null;
    handler(error);
  }
  return error;
}

export async function getJson(url, signal) {
  return answer(await fetch(url, {
    headers: { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest' },
    credentials: 'same-origin',
    signal,
  }));
}

/** The page's CSRF token and its header, from the layout's meta tags (none when the page has none). */
function csrfHeader() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
}

/** Sends a JSON body (POST unless said otherwise) with the CSRF token, and answers the JSON the server answers. */
export async function sendJson(url, body, method = 'POST') {
  return answer(await fetch(url, {
    method,
    headers: {
      Accept: 'application/json, application/problem+json',
      'Content-Type': 'application/json',
      'X-Requested-With': 'XMLHttpRequest',
      ...csrfHeader(),
    },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  }));
}

async function answer(response) {
  if (response.status === 401) {
    throw ended(401);
  }
  if (!response.ok) {
    let message = `${response.status} ${response.statusText || ''}`.trim();
    let problems = [];
    try {
      const problem = await response.json();
      message = problem.detail || problem.title || message;
      problems = (problem.errors || []).filter((e) => e && e.field);
    } catch (ignored) {
      // not a problem document: keep the status line
    }
    throw new ApiError(message, response.status, problems.map((e) => e.field), problems);
  }
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) {
    // the login page where JSON was expected: the session ended on the way
    if (response.redirected && new URL(response.url).pathname.endsWith('/login')) {
      throw ended(401);
    }
    throw new ApiError(`${response.status} ${type}`, response.status);
  }
  return response.json();
}

/** True for the rejection of a request the page itself cancelled (a newer view replaced it). */
export function aborted(error) {
  return error && error.name === 'AbortError';
}
