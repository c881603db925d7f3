import { ApiError, isAbortError } from './api-error';
import { rawAnswerOf, readApiAnswer, type WhenSignedOut } from './fetch-json';

export interface SendJsonOptions {
  method?: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  signal?: AbortSignal;
  whenSignedOut?: WhenSignedOut;
}

/** Sends a JSON body to the Terep API (POST unless told), with the same answers and errors as `fetchJson`. */
export async function sendJson<T>(path: string, body: unknown, options: SendJsonOptions = {}): Promise<T> {
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
  return readApiAnswer<T>(await rawAnswerOf(response), path, options.whenSignedOut);
}
