import { describe, expect, it } from 'vitest';
import { isPrecached, precacheUrls } from './precache-manifest';

describe('precacheUrls', () => {
  it('lists index.html first, then the other files in name order below the base', () => {
    const urls = precacheUrls(['assets/b-2.js', 'favicon.svg', 'index.html', 'assets/a-1.css']);

    expect(urls).toEqual(['/index.html', '/assets/a-1.css', '/assets/b-2.js', '/favicon.svg']);
  });

  it('prefixes a base path with or without its trailing slash', () => {
    expect(precacheUrls(['index.html'], '/sras/')).toEqual(['/sras/index.html']);
    expect(precacheUrls(['index.html'], '/sras')).toEqual(['/sras/index.html']);
  });

  it('leaves out the worker itself, source maps, hidden files and duplicates', () => {
    const urls = precacheUrls([
      'sw.js',
      'assets/index-1.js',
      'assets/index-1.js.map',
      '.gitkeep',
      'assets/.DS_Store',
      'assets/index-1.js',
    ]);

    expect(urls).toEqual(['/assets/index-1.js']);
  });
});

describe('isPrecached', () => {
  it('keeps workers, images and guide documents of the build', () => {
    expect(isPrecached('assets/simulation.worker-abc.js')).toBe(true);
    expect(isPrecached('assets/editor-abc.png')).toBe(true);
    expect(isPrecached('assets/nested/sw.js')).toBe(true);
  });
});
