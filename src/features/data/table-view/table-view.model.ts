/**
 * The rows of one dataset with a current search and sort, answering pages
 * of the result. Runs in the table-view worker, so sorting 200,000 rows
 * never holds up the screen.
 */
import type { CellValue } from '@sras/import';
import type { DatasetColumn } from '../../../storage/records';

export type SortDirection = 'asc' | 'desc';

export interface TableQuery {
  /** Text to find in any cell, ignoring case; '' shows every row. */
  search: string;
  sort: { key: string; direction: SortDirection } | null;
}

export interface TablePage {
  start: number;
  rows: Record<string, CellValue>[];
  /** 1-based position of each row in the dataset. */
  rowNumbers: number[];
}

export class TableViewModel {
  private order: Int32Array;
  private searchTexts: string[] | null = null;
  private readonly collator: Intl.Collator;

  constructor(
    private readonly rows: readonly Record<string, CellValue>[],
    private readonly columns: readonly DatasetColumn[],
    locale: string,
  ) {
    this.order = Int32Array.from(rows.keys());
    this.collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  }

  get rowCount(): number {
    return this.rows.length;
  }

  /** Applies a search and sort; returns the number of matching rows. */
  apply(query: TableQuery): number {
    const needle = query.search.trim().toLowerCase();
    let indexes: number[];
    if (needle === '') {
      indexes = Array.from(this.rows.keys());
    } else {
      const texts = this.getSearchTexts();
      indexes = [];
      for (let index = 0; index < texts.length; index++) {
        if ((texts[index] as string).includes(needle)) indexes.push(index);
      }
    }

    if (query.sort) this.sortIndexes(indexes, query.sort.key, query.sort.direction);
    this.order = Int32Array.from(indexes);
    return this.order.length;
  }

  /** Rows `start` … `start + count - 1` of the current result. */
  page(start: number, count: number): TablePage {
    const end = Math.min(this.order.length, Math.max(0, start) + count);
    const rows: Record<string, CellValue>[] = [];
    const rowNumbers: number[] = [];
    for (let position = Math.max(0, start); position < end; position++) {
      const index = this.order[position] as number;
      rows.push(this.rows[index] as Record<string, CellValue>);
      rowNumbers.push(index + 1);
    }
    return { start, rows, rowNumbers };
  }

  private getSearchTexts(): string[] {
    this.searchTexts ??= this.rows.map((row) =>
      this.columns
        .map((column) => cellText(row[column.key]))
        .join('\u0000')
        .toLowerCase(),
    );
    return this.searchTexts;
  }

  /**
   * Sorts row indexes by one column: numbers by value, everything else as
   * text in the interface language's collation with digits compared as
   * numbers; empty cells last in both directions; ties keep file order.
   */
  private sortIndexes(indexes: number[], key: string, direction: SortDirection): void {
    const sign = direction === 'asc' ? 1 : -1;
    const values = this.rows.map((row) => row[key]);
    const compareText = this.collator.compare;

    indexes.sort((a, b) => {
      const left = values[a];
      const right = values[b];
      const leftEmpty = isEmpty(left);
      const rightEmpty = isEmpty(right);
      if (leftEmpty || rightEmpty) {
        return leftEmpty === rightEmpty ? a - b : leftEmpty ? 1 : -1;
      }

      let result: number;
      if (typeof left === 'number' && typeof right === 'number') result = left - right;
      else if (typeof left === 'number') result = -1;
      else if (typeof right === 'number') result = 1;
      else result = compareText(cellText(left), cellText(right));
      return result === 0 ? a - b : sign * result;
    });
  }
}

function isEmpty(value: CellValue | undefined): boolean {
  return value === null || value === undefined || value === '';
}

/** A cell as text for search and display: booleans as true/false, empty as ''. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}
