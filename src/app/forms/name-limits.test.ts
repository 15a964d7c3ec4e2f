import { describe, expect, it } from 'vitest';
import { defaultDatasetName } from '../../features/data/import/import-wizard.store';
import { checkName, cutName, isSameName, MAX_NAME_LENGTH } from './name-limits';

describe('checkName', () => {
  it('accepts a name of exactly the limit', () => {
    expect(checkName('线'.repeat(MAX_NAME_LENGTH))).toBeUndefined();
  });

  it('rejects a blank name', () => {
    expect(checkName(' \t ')).toBe('required');
  });

  it('rejects a name one character over the limit', () => {
    expect(checkName('线'.repeat(MAX_NAME_LENGTH + 1))).toBe('tooLong');
  });

  it('judges the name without its surrounding spaces', () => {
    expect(checkName(`  ${'线'.repeat(MAX_NAME_LENGTH)}  `)).toBeUndefined();
  });
});

describe('cutName', () => {
  it('keeps a name within the limit as it is', () => {
    expect(cutName('华东线索')).toBe('华东线索');
  });

  it('cuts between characters, never inside an emoji', () => {
    const cut = cutName('😀'.repeat(MAX_NAME_LENGTH + 5));

    expect(cut).toBe('😀'.repeat(MAX_NAME_LENGTH));
  });
});

describe('defaultDatasetName', () => {
  it('drops the extension of the file name', () => {
    expect(defaultDatasetName('xeducation_Leads.csv')).toBe('xeducation_Leads');
  });

  it('cuts a long file name to an allowed dataset name', () => {
    const name = defaultDatasetName(`${'客'.repeat(150)}.xlsx`);

    expect(checkName(name)).toBeUndefined();
    expect(name).toBe('客'.repeat(MAX_NAME_LENGTH));
  });
});

describe('isSameName', () => {
  it('ignores surrounding spaces and case', () => {
    expect(isSameName(' Sales ', 'sales')).toBe(true);
    expect(isSameName('华东组', '华东组 ')).toBe(true);
  });

  it('tells different names apart', () => {
    expect(isSameName('华东组', '华东一组')).toBe(false);
  });
});
