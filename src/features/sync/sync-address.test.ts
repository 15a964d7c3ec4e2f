import { describe, expect, it } from 'vitest';
import { checkToken, normaliseServerUrl } from './sync-address';

describe('normaliseServerUrl', () => {
  it('adds http:// to an address typed without a scheme', () => {
    expect(normaliseServerUrl('127.0.0.1:18790')).toEqual({
      ok: true,
      url: 'http://127.0.0.1:18790',
    });
    expect(normaliseServerUrl('localhost:18790')).toEqual({
      ok: true,
      url: 'http://localhost:18790',
    });
    expect(normaliseServerUrl(' sras.example.com ')).toEqual({
      ok: true,
      url: 'http://sras.example.com',
    });
  });

  it('keeps http and https addresses and drops a trailing slash', () => {
    expect(normaliseServerUrl('https://sras.example.com/')).toEqual({
      ok: true,
      url: 'https://sras.example.com',
    });
    expect(normaliseServerUrl('HTTP://127.0.0.1:8787/sras//')).toEqual({
      ok: true,
      url: 'http://127.0.0.1:8787/sras',
    });
  });

  it('rejects schemes other than http and https', () => {
    expect(normaliseServerUrl('ftp://127.0.0.1:8787')).toEqual({
      ok: false,
      problem: 'scheme',
      scheme: 'ftp',
    });
    expect(normaliseServerUrl('ws://localhost:8787')).toMatchObject({
      ok: false,
      problem: 'scheme',
    });
  });

  it('rejects an empty address and one that does not parse', () => {
    expect(normaliseServerUrl('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(normaliseServerUrl('http://')).toEqual({ ok: false, problem: 'invalid' });
    expect(normaliseServerUrl('127.0.0.1:99999')).toEqual({ ok: false, problem: 'invalid' });
    expect(normaliseServerUrl('exa mple.com')).toEqual({ ok: false, problem: 'invalid' });
    expect(normaliseServerUrl('user:secret@127.0.0.1:8787')).toEqual({
      ok: false,
      problem: 'invalid',
    });
  });
});

describe('checkToken', () => {
  it('accepts a token in the format the server makes', () => {
    expect(checkToken('sras_Zm9vYmFyYmF6-_0123456789abcdefghijABCDEFGHIJxyz')).toBeNull();
    expect(checkToken('  sras_abc  ')).toBeNull();
  });

  it('rejects characters that cannot be sent in a header', () => {
    expect(checkToken('sras_wrong😀')).toBe('characters');
    expect(checkToken('令牌')).toBe('characters');
    expect(checkToken('sras_a b')).toBe('characters');
  });

  it('rejects an empty token', () => {
    expect(checkToken(' ')).toBe('empty');
  });
});
