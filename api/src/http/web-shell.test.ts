import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from './web-shell.ts';

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes the exact text of each inline script, and skips scripts loaded from a file', () => {
    const boot = '\n\t\t\t\t{\n\t\t\t\t\t__sveltekit_x = { base: "" };\n\t\t\t\t}\n\t\t\t';
    const html = `<head><script type="module" src="/_app/start.js"></script></head><body><div style="display: contents"><script>${boot}</script></div><script>á()</script></body>`;
    expect(inlineScriptHashes(html)).toEqual([sha256(boot), sha256('á()')]);
  });

  it('finds none in a page without inline scripts', () => {
    expect(inlineScriptHashes('<html><body><p>Terep</p></body></html>')).toEqual([]);
  });
});
