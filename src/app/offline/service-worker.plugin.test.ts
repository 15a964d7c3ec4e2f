import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResolvedConfig } from 'vite';
import type { PrecacheManifest } from './precache-manifest';
import { serviceWorkerPlugin } from './service-worker.plugin';

type Hook = (...args: unknown[]) => unknown;

function hook(value: unknown): Hook {
  if (typeof value === 'function') return value as Hook;
  return (value as { handler: Hook }).handler;
}

function chunk(fileName: string, code: string) {
  return { type: 'chunk', fileName, code };
}

function asset(fileName: string, source: string) {
  return { type: 'asset', fileName, source };
}

/** Runs the plugin's build hooks over `bundle` and returns the manifest it wrote into sw.js. */
function runPlugin(bundle: Record<string, unknown>, publicDir: string): PrecacheManifest {
  const plugin = serviceWorkerPlugin();
  const config = { command: 'build', build: { ssr: false }, base: '/', publicDir };
  hook(plugin.configResolved)(config as unknown as ResolvedConfig);
  const emitted: unknown[] = [];
  hook(plugin.buildStart).call({ emitFile: (file: unknown) => emitted.push(file) ?? 'ref' });
  expect(emitted).toEqual([expect.objectContaining({ type: 'chunk', fileName: 'sw.js' })]);

  hook(plugin.generateBundle).call({}, {}, bundle);
  const code = (bundle['sw.js'] as { code: string }).code;
  const firstLine = code.split('\n')[0] ?? '';
  return JSON.parse(firstLine.replace(/^self\.__SRAS_PRECACHE__ = /, '').replace(/;$/, ''));
}

describe('serviceWorkerPlugin', () => {
  let publicDir = '';
  afterEach(() => {
    if (publicDir) fs.rmSync(publicDir, { recursive: true, force: true });
  });

  function bundleOf(indexHtml: string): Record<string, unknown> {
    return {
      'sw.js': chunk('sw.js', 'self.addEventListener("fetch", () => {});'),
      'index.html': asset('index.html', indexHtml),
      'assets/index-abc.js': chunk('assets/index-abc.js', 'console.log(1)'),
      'assets/index-abc.js.map': asset('assets/index-abc.js.map', '{}'),
      'assets/simulation.worker-def.js': chunk('assets/simulation.worker-def.js', 'onmessage=1'),
      'assets/guide-editor-123.png': asset('assets/guide-editor-123.png', 'png'),
    };
  }

  it('lists every file of the build and of the public folder, but not sw.js or source maps', () => {
    publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sras-public-'));
    fs.writeFileSync(path.join(publicDir, 'favicon.svg'), '<svg/>');
    fs.mkdirSync(path.join(publicDir, 'fonts'));
    fs.writeFileSync(path.join(publicDir, 'fonts', 'inter.woff2'), 'font');

    const manifest = runPlugin(bundleOf('<html>1</html>'), publicDir);

    expect(manifest.urls).toEqual([
      '/index.html',
      '/assets/guide-editor-123.png',
      '/assets/index-abc.js',
      '/assets/simulation.worker-def.js',
      '/favicon.svg',
      '/fonts/inter.woff2',
    ]);
  });

  it('keeps the worker code after the manifest', () => {
    publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sras-public-'));
    const bundle = bundleOf('<html>1</html>');

    runPlugin(bundle, publicDir);

    expect((bundle['sw.js'] as { code: string }).code).toMatch(
      /^self\.__SRAS_PRECACHE__ = \{.*\};\nself\.addEventListener/,
    );
  });

  it('derives the build id from file contents', () => {
    publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sras-public-'));

    const first = runPlugin(bundleOf('<html>1</html>'), publicDir).buildId;
    const again = runPlugin(bundleOf('<html>1</html>'), publicDir).buildId;
    const changed = runPlugin(bundleOf('<html>2</html>'), publicDir).buildId;

    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(again).toBe(first);
    expect(changed).not.toBe(first);
  });
});
