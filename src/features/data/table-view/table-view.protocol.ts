/** Messages between the dataset table and its worker (see table-view.session.ts). */
import type { TablePage, TableQuery } from './table-view.model';

export type TableViewRequest =
  | { type: 'load'; requestId: number; datasetId: string; locale: string }
  | { type: 'query'; requestId: number; query: TableQuery }
  | { type: 'page'; requestId: number; start: number; count: number };

export type TableViewResponse =
  | { type: 'progress'; requestId: number; done: number; total: number }
  | { type: 'loaded'; requestId: number; rowCount: number }
  | { type: 'queried'; requestId: number; total: number }
  | { type: 'page'; requestId: number; page: TablePage }
  | { type: 'failed'; requestId: number; message: string };
