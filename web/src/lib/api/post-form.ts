import { ApiError } from './api-error';
import { readApiAnswer } from './fetch-json';

export interface PostFormOptions {
  /** Share of the request body sent so far (0-1), while the upload runs. */
  onUploadProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * POSTs a multipart form (a file upload) to the Terep API and reads its JSON answer, with the
 * same errors as `fetchJson`. It uses XMLHttpRequest because `fetch` cannot report how much of
 * an upload has been sent, and a large file deserves a progress bar.
 */
export function postForm<T>(path: string, form: FormData, options: PostFormOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const { signal, onUploadProgress } = options;
    if (signal?.aborted) {
      reject(new DOMException('The upload was aborted', 'AbortError'));
      return;
    }
    const request = new XMLHttpRequest();
    const abort = () => request.abort();
    const settle = () => signal?.removeEventListener('abort', abort);

    request.open('POST', path);
    request.setRequestHeader('accept', 'application/json');
    if (onUploadProgress) {
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable && event.total > 0) onUploadProgress(event.loaded / event.total);
      });
    }
    request.addEventListener('load', () => {
      settle();
      try {
        resolve(
          readApiAnswer<T>(
            { status: request.status, statusText: request.statusText, text: request.responseText, retryAfter: request.getResponseHeader('retry-after') },
            path,
          ),
        );
      } catch (error) {
        reject(error);
      }
    });
    request.addEventListener('error', () => {
      settle();
      reject(new ApiError({ status: 0, code: 'NETWORK', message: 'The upload did not reach the server', path }));
    });
    request.addEventListener('abort', () => {
      settle();
      reject(new DOMException('The upload was aborted', 'AbortError'));
    });
    signal?.addEventListener('abort', abort);
    request.send(form);
  });
}
