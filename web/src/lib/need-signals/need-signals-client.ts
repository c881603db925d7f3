import type { Localized } from '$lib/api/contract';
import { ApiError } from '$lib/api/api-error';
import { fetchJson } from '$lib/api/fetch-json';
import { sendJson } from '$lib/api/send-json';
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

/** Sends a signal; a 400 naming the refused field becomes a {@link SignalProblem}, any other failure stays an `ApiError`. */
async function send<T>(path: string, method: 'POST' | 'PATCH', body: unknown): Promise<T> {
  try {
    return await sendJson<T>(path, body, { method });
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      const { field, hu, en } = error.params;
      if (typeof field === 'string' && typeof hu === 'string' && typeof en === 'string') throw new SignalProblem(error.code, field, { hu, en });
    }
    throw error;
  }
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
