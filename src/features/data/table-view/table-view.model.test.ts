import { describe, expect, it } from 'vitest';
import type { DatasetColumn } from '../../../storage/records';
import { TableViewModel } from './table-view.model';

const COLUMNS: DatasetColumn[] = [
  { key: 'name', header: '姓名', field: 'name', type: 'text' },
  { key: 'score', header: '得分', type: 'number' },
  { key: 'code', header: 'code', type: 'text' },
];

const ROWS = [
  { name: '王五', score: 10, code: 'A10' },
  { name: 'Zhang San', score: null, code: 'A9' },
  { name: '李四', score: 2, code: '' },
  { name: 'an', score: 2, code: 'a2' },
];

function names(model: TableViewModel): unknown[] {
  return model.page(0, 10).rows.map((row) => row.name);
}

describe('TableViewModel', () => {
  it('pages rows in file order with their row numbers', () => {
    const model = new TableViewModel(ROWS, COLUMNS, 'en');

    expect(model.page(1, 2)).toEqual({
      start: 1,
      rows: [ROWS[1], ROWS[2]],
      rowNumbers: [2, 3],
    });
  });

  it('sorts numbers by value with empty cells last in both directions', () => {
    const model = new TableViewModel(ROWS, COLUMNS, 'en');

    model.apply({ search: '', sort: { key: 'score', direction: 'asc' } });
    expect(names(model)).toEqual(['李四', 'an', '王五', 'Zhang San']);

    model.apply({ search: '', sort: { key: 'score', direction: 'desc' } });
    expect(names(model)).toEqual(['王五', '李四', 'an', 'Zhang San']);
  });

  it('sorts text with digits compared as numbers and ignoring case', () => {
    const model = new TableViewModel(ROWS, COLUMNS, 'en');

    model.apply({ search: '', sort: { key: 'code', direction: 'asc' } });

    expect(model.page(0, 10).rows.map((row) => row.code)).toEqual(['a2', 'A9', 'A10', '']);
  });

  it('finds text in any column, ignoring case, and sorts the matches', () => {
    const model = new TableViewModel(ROWS, COLUMNS, 'en');

    expect(model.apply({ search: 'a1', sort: null })).toBe(1);
    expect(model.apply({ search: 'AN', sort: { key: 'name', direction: 'desc' } })).toBe(2);
    expect(names(model)).toEqual(['Zhang San', 'an']);
    expect(model.apply({ search: '', sort: null })).toBe(4);
  });
});
