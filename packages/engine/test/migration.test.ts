import { describe, expect, it } from 'vitest';
import { runMigrations, type Migration } from '../src/migrate/migration.js';

const renameTitle: Migration = {
  from: 1,
  name: 'renameTitleToName',
  up: ({ title, ...rest }) => ({ ...rest, name: title }),
};
const addTimezone: Migration = {
  from: 2,
  name: 'addTimezone',
  up: (document) => ({ ...document, timezone: 'Asia/Shanghai' }),
};

describe('runMigrations', () => {
  it('applies every step from the document version to the current one in order', () => {
    const result = runMigrations({ version: 1, title: 'Flow' }, [addTimezone, renameTitle], 3);

    expect(result).toEqual({
      ok: true,
      document: { version: 3, name: 'Flow', timezone: 'Asia/Shanghai' },
      applied: ['renameTitleToName', 'addTimezone'],
    });
  });

  it('returns a current document unchanged with no steps applied', () => {
    const document = { version: 3, name: 'Flow' };

    const result = runMigrations(document, [renameTitle, addTimezone], 3);

    expect(result).toEqual({ ok: true, document, applied: [] });
  });

  it('starts from the middle of the chain for an intermediate version', () => {
    const result = runMigrations({ version: 2, name: 'Flow' }, [renameTitle, addTimezone], 3);

    expect(result.ok && result.applied).toEqual(['addTimezone']);
  });

  it('leaves the input document unchanged', () => {
    const document = { version: 1, title: 'Flow' };

    runMigrations(document, [renameTitle, addTimezone], 3);

    expect(document).toEqual({ version: 1, title: 'Flow' });
  });

  it('rejects a version newer than the current one', () => {
    expect(runMigrations({ version: 4 }, [], 3)).toEqual({
      ok: false,
      reason: 'version-unsupported',
      version: 4,
      supported: 3,
    });
  });

  it.each([[undefined], [0], [1.5], ['1']])('rejects the version %j', (version) => {
    expect(runMigrations({ version }, [], 3)).toEqual({
      ok: false,
      reason: 'version-invalid',
      version,
    });
  });

  it('reports a missing step instead of skipping a version', () => {
    expect(runMigrations({ version: 1 }, [addTimezone], 3)).toEqual({
      ok: false,
      reason: 'step-missing',
      version: 1,
    });
  });
});
