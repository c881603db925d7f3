import type { Server } from 'node:http';
import type { Http2SecureServer, Http2Server } from 'node:http2';
import type { Duplex } from 'node:stream';
import { errorBody, type ApiErrorCode } from './api-error.ts';

type NodeServer = Server | Http2Server | Http2SecureServer;

/** How long a refused connection may go on sending before it is dropped. */
const DRAIN_MS = 5_000;

function answerRaw(socket: Duplex, status: number, reason: string, code: ApiErrorCode, message: string): void {
  const body = JSON.stringify(errorBody(code, message));
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  // Closing a socket whose client is still sending resets the connection, and the client never reads
  // the answer: read and drop the rest for a while instead.
  socket.resume();
  setTimeout(() => socket.destroy(), DRAIN_MS).unref();
}

/**
 * Requests Node's HTTP parser refuses before any route sees them (a line or headers beyond
 * `maxHeaderSize`, 16 KB by default; a malformed request) answer a JSON error like every
 * other refusal: 414 `URI_TOO_LONG` when the request line alone is too long, 431
 * `HEADERS_TOO_LARGE` for the headers, 408 `REQUEST_TIMEOUT` for a request too slow to arrive, 400
 * otherwise. Node's default answer is plain text, and the client often sees a reset connection instead.
 */
export function answerClientErrorsAsJson(server: NodeServer): void {
  (server as Server).on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      const firstLineEnd = error.rawPacket?.indexOf('\r\n') ?? -1;
      if (firstLineEnd === -1) {
        answerRaw(socket, 414, 'URI Too Long', 'URI_TOO_LONG', 'The address (path and query string) is too long; send large inputs as a JSON body.');
      } else {
        answerRaw(socket, 431, 'Request Header Fields Too Large', 'HEADERS_TOO_LARGE', 'The request headers are too large.');
      }
      return;
    }
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      answerRaw(socket, 408, 'Request Timeout', 'REQUEST_TIMEOUT', 'The request did not arrive in time.');
      return;
    }
    answerRaw(socket, 400, 'Bad Request', 'INVALID_PARAMETER', 'The request is not valid HTTP.');
  });
}

/**
 * Stops accepting connections and waits for the requests in flight, at most `graceMs`;
 * then cuts the connections still open (an event stream, a slow upload).
 */
export async function closeGracefully(server: NodeServer, graceMs: number): Promise<void> {
  const http = server as Server;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => http.closeAllConnections(), graceMs);
    timer.unref();
    http.close(() => {
      clearTimeout(timer);
      resolve();
    });
    // Keep-alive connections without a request are closed now, not after their timeout.
    http.closeIdleConnections();
  });
}
