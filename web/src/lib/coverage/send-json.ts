import { ApiError, isAbortError } from '$lib/api/api-error';
import { readApiAnswer } from '$lib/api/fetch-json';

/**
 * POSTs or PUTs a JSON body to the Terep API, with the same answers and errors as `fetchJson`
 * (which only sends GET and DELETE). Belongs in `$lib/api/` once that module takes it.
 */
export async function sendJson<T>(path: string, body: unknown, options: { method?: 'POST' | 'PUT'; signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: options.signal,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError({ status: 0, code: 'NETWORK', message: error instanceof Error ? error.message : String(error), path });
  }
  return readApiAnswer<T>({ status: response.status, statusText: response.statusText, text: await response.text() }, path);
}
