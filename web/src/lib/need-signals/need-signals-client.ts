import type { Localized } from '$lib/api/contract';
import { ApiError, isAbortError } from '$lib/api/api-error';
import { fetchJson, readApiAnswer } from '$lib/api/fetch-json';
import type { NeedSignalCreated, NeedSignalInput, NeedSignalList, NeedSignalRecord } from '@terep/db/contract';

/**
 * A signal the server refused for one of its values: the import's problem code, the field it is
 * about and the server's wording in both languages (the import's own messages).
 */
export class SignalProblem extends Error {
  constructor(
    readonly code: string,
    readonly field: string,
    readonly text: Localized,
  ) {
    super(text.en);
    this.name = 'SignalProblem';
  }
}

function problemOf(text: string): SignalProblem | null {
  try {
    const { error } = JSON.parse(text) as { error?: { code?: string; params?: Record<string, unknown> } };
    const params = error?.params;
    if (error?.code && typeof params?.field === 'string' && typeof params.hu === 'string' && typeof params.en === 'string') {
      return new SignalProblem(error.code, params.field, { hu: params.hu, en: params.en });
    }
  } catch {
    // Not the validation answer: readApiAnswer reports it.
  }
  return null;
}

async function send<T>(path: string, method: 'POST' | 'PATCH', body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError({ status: 0, code: 'NETWORK', message: error instanceof Error ? error.message : String(error), path });
  }
  const text = await response.text();
  if (response.status === 400) {
    const problem = problemOf(text);
    if (problem) throw problem;
  }
  return readApiAnswer<T>({ status: response.status, statusText: response.statusText, text }, path);
}

export function fetchNeedSignals(options: { includeWithdrawn: boolean; signal?: AbortSignal }): Promise<NeedSignalList> {
  return fetchJson<NeedSignalList>('/api/need-signals', {
    query: { includeWithdrawn: options.includeWithdrawn ? 'true' : undefined },
    signal: options.signal,
    cache: 'no-store',
  });
}

export function createNeedSignal(input: NeedSignalInput): Promise<NeedSignalCreated> {
  return send<NeedSignalCreated>('/api/need-signals', 'POST', input);
}

export function updateNeedSignal(id: number, input: Partial<NeedSignalInput>): Promise<NeedSignalRecord> {
  return send<NeedSignalRecord>(`/api/need-signals/${id}`, 'PATCH', input);
}

/** Withdraws a signal: off the map, kept in the history. */
export function withdrawNeedSignal(id: number): Promise<NeedSignalRecord> {
  return fetchJson<NeedSignalRecord>(`/api/need-signals/${id}`, { method: 'DELETE' });
}
