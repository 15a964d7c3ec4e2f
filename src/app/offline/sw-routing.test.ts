import { describe, expect, it } from 'vitest';
import { ACTIVATE_UPDATE_MESSAGE } from './app-update.store';
import {
  SKIP_WAITING_MESSAGE,
  cacheNameFor,
  routeFetch,
  staleCaches,
  type RoutedRequest,
} from './sw-routing';

const SCOPE = 'https://sras.example.com/';
const PRECACHED = new Set([
  'https://sras.example.com/index.html',
  'https://sras.example.com/assets/index-abc.js',
]);

function request(url: string, overrides: Partial<RoutedRequest> = {}): RoutedRequest {
  return { method: 'GET', mode: 'cors', url, ...overrides };
}

describe('routeFetch', () => {
  it('answers page loads of client routes from the network first', () => {
    for (const path of ['/', '/flows', '/flows/f1/simulate', '/data/d1', '/team']) {
      const route = routeFetch(
        request(`https://sras.example.com${path}`, { mode: 'navigate' }),
        SCOPE,
        PRECACHED,
      );
      expect(route).toBe('navigation');
    }
  });

  it('answers files of the build from the cache, whatever their query string', () => {
    expect(
      routeFetch(request('https://sras.example.com/assets/index-abc.js'), SCOPE, PRECACHED),
    ).toBe('precached');
    expect(
      routeFetch(request('https://sras.example.com/assets/index-abc.js?v=2'), SCOPE, PRECACHED),
    ).toBe('precached');
  });

  it('never answers API requests, not even page loads of them', () => {
    const api = 'https://sras.example.com/api/v1/flows';

    expect(routeFetch(request(api), SCOPE, PRECACHED)).toBe('network');
    expect(routeFetch(request(api, { mode: 'navigate' }), SCOPE, PRECACHED)).toBe('network');
    expect(routeFetch(request('https://sras.example.com/api'), SCOPE, PRECACHED)).toBe('network');
  });

  it('leaves other origins to the network', () => {
    const other = 'https://sync.example.com/assets/index-abc.js';

    expect(routeFetch(request(other), SCOPE, PRECACHED)).toBe('network');
    expect(routeFetch(request(other, { mode: 'navigate' }), SCOPE, PRECACHED)).toBe('network');
  });

  it('leaves requests other than GET to the network', () => {
    const route = routeFetch(
      request('https://sras.example.com/assets/index-abc.js', { method: 'POST' }),
      SCOPE,
      PRECACHED,
    );

    expect(route).toBe('network');
  });

  it('leaves files that are not in the build to the network', () => {
    expect(routeFetch(request('https://sras.example.com/assets/old-1.js'), SCOPE, PRECACHED)).toBe(
      'network',
    );
  });

  it('leaves page loads outside its scope to the network', () => {
    const route = routeFetch(
      request('https://sras.example.com/other/app', { mode: 'navigate' }),
      'https://sras.example.com/sras/',
      PRECACHED,
    );

    expect(route).toBe('network');
  });
});

describe('staleCaches', () => {
  it("lists this app's caches of other builds and keeps the current one and foreign caches", () => {
    const names = [
      cacheNameFor('old1'),
      cacheNameFor('new2'),
      'someone-else',
      cacheNameFor('old3'),
    ];

    expect(staleCaches(names, 'new2')).toEqual([cacheNameFor('old1'), cacheNameFor('old3')]);
  });
});

describe('SKIP_WAITING_MESSAGE', () => {
  it('is the message the update notice posts', () => {
    expect(ACTIVATE_UPDATE_MESSAGE).toBe(SKIP_WAITING_MESSAGE);
  });
});
