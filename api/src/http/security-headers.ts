import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export interface SecurityHeaderOptions {
  /**
   * CSP sources (`'sha256-…'`) of the inline scripts the dashboard's shell holds (SvelteKit's
   * boot script), asked per request so a rebuilt web app needs no restart.
   */
  inlineScriptHashes?: () => readonly string[];
}

/**
 * The security headers of every answer. The Content-Security-Policy allows only this origin's
 * scripts (plus the exact inline boot script by its hash, never 'unsafe-inline'), the map's
 * workers and images from blob:/data: URLs (maplibre, deck.gl), no framing, no plugins.
 * Styles keep 'unsafe-inline': the map libraries and the shell set inline styles, and a style
 * cannot run code.
 */
export function securityHeaders({ inlineScriptHashes = () => [] }: SecurityHeaderOptions = {}): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", () => inlineScriptHashes().join(' ')],
      workerSrc: ["'self'", 'blob:'],
      childSrc: ["'self'", 'blob:'],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    // The map loads no cross-origin resources, but a stricter embedder policy would buy nothing here.
    crossOriginEmbedderPolicy: false,
  });
}
