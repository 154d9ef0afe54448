// Fetching JSON from the map API: a failed answer becomes an ApiError carrying the problem detail's message
// (RFC 9457), so that the page can show it in a notice instead of throwing.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

export async function getJson(url, signal) {
  const response = await fetch(url, {
    headers: { Accept: 'application/json, application/problem+json' },
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText || ''}`.trim();
    try {
      const problem = await response.json();
      message = problem.detail || problem.title || message;
    } catch (ignored) {
      // not a problem document: keep the status line
    }
    throw new ApiError(message, response.status);
  }
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) {
    // e.g. the login page after the session ended
    throw new ApiError(`${response.status} ${type}`, response.status);
  }
  return response.json();
}

/** True for the rejection of a request the page itself cancelled (a newer view replaced it). */
export function aborted(error) {
  return error && error.name === 'AbortError';
}
