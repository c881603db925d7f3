import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/**
 * The dashboard's single-page shell (`web/build/index.html`) and the CSP hashes of its
 * inline scripts (SvelteKit's boot script), reread when the file changes so a rebuild
 * needs no restart.
 */
export class WebShell {
  readonly #path: string;
  #modified = -1;
  #html = '';
  #hashes: string[] = [];

  constructor(indexPath: string) {
    this.#path = indexPath;
  }

  html(): string {
    this.#refresh();
    return this.#html;
  }

  /** `'sha256-…'` sources for a Content-Security-Policy's script-src. */
  inlineScriptHashes(): readonly string[] {
    this.#refresh();
    return this.#hashes;
  }

  #refresh(): void {
    const modified = statSync(this.#path).mtimeMs;
    if (modified === this.#modified) return;
    this.#html = readFileSync(this.#path, 'utf8');
    this.#hashes = inlineScriptHashes(this.#html);
    this.#modified = modified;
  }
}

/** The hash sources of every `<script>` without a `src`, over its exact text as the browser hashes it. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1] ?? '', 'utf8').digest('base64')}'`,
  );
}
