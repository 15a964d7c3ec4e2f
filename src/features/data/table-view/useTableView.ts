import type { CellValue } from '@sras/import';
import { useCallback, useEffect, useRef, useState } from 'react';
import { TableViewClient, type TableViewPort } from './table-view.client';
import type { TablePage, TableQuery } from './table-view.model';

/** Rows fetched from the worker in one request. */
export const PAGE_SIZE = 100;

export type TableViewStatus =
  | { state: 'loading'; done: number; total: number }
  | { state: 'ready' }
  | { state: 'failed'; message: string };

export interface TableView {
  status: TableViewStatus;
  /** Rows matching the current search. */
  total: number;
  /** True while a search or sort is being applied. */
  querying: boolean;
  /** The row at a position of the current result, or undefined while its page is on the way. */
  rowAt: (position: number) => { row: Record<string, CellValue>; rowNumber: number } | undefined;
}

let createPort: (() => TableViewPort) | undefined;

/** Lets tests run the table-view session in their own thread. */
export function setTableViewPortFactory(factory: (() => TableViewPort) | undefined): void {
  createPort = factory;
}

/**
 * Loads a dataset into the table-view worker and answers rows page by page.
 * Searching and sorting run in the worker; pages of an older query are dropped.
 */
export function useTableView(datasetId: string, locale: string, query: TableQuery): TableView {
  const clientRef = useRef<TableViewClient | null>(null);
  const pagesRef = useRef(new Map<number, TablePage>());
  const requestedRef = useRef(new Set<number>());
  const generationRef = useRef(0);
  const [status, setStatus] = useState<TableViewStatus>({ state: 'loading', done: 0, total: 0 });
  const [total, setTotal] = useState(0);
  const [querying, setQuerying] = useState(false);
  const [, setPagesVersion] = useState(0);

  useEffect(() => {
    const client = new TableViewClient(createPort?.());
    clientRef.current = client;
    setStatus({ state: 'loading', done: 0, total: 0 });
    client
      .load(datasetId, locale, (done, all) => setStatus({ state: 'loading', done, total: all }))
      .then((rowCount) => {
        setTotal(rowCount);
        setStatus({ state: 'ready' });
      })
      .catch((error: unknown) =>
        setStatus({
          state: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
      );
    return () => {
      client.dispose();
      clientRef.current = null;
    };
  }, [datasetId, locale]);

  const ready = status.state === 'ready';
  useEffect(() => {
    const client = clientRef.current;
    if (!ready || !client) return;

    const generation = ++generationRef.current;
    pagesRef.current = new Map();
    requestedRef.current = new Set();
    setQuerying(true);
    void client.query(query).then((matching) => {
      if (generation !== generationRef.current) return;
      setTotal(matching);
      setQuerying(false);
      setPagesVersion((version) => version + 1);
    });
  }, [ready, query]);

  const requestPage = useCallback((pageIndex: number) => {
    const client = clientRef.current;
    if (!client || requestedRef.current.has(pageIndex)) return;

    requestedRef.current.add(pageIndex);
    const generation = generationRef.current;
    void client.page(pageIndex * PAGE_SIZE, PAGE_SIZE).then((page) => {
      if (generation !== generationRef.current) return;
      pagesRef.current.set(pageIndex, page);
      setPagesVersion((version) => version + 1);
    });
  }, []);

  const rowAt = useCallback(
    (position: number) => {
      const pageIndex = Math.floor(position / PAGE_SIZE);
      const page = pagesRef.current.get(pageIndex);
      if (!page) {
        // Requesting during render is safe: the request only posts a message.
        requestPage(pageIndex);
        return undefined;
      }
      const offset = position - page.start;
      const row = page.rows[offset];
      const rowNumber = page.rowNumbers[offset];
      return row && rowNumber !== undefined ? { row, rowNumber } : undefined;
    },
    [requestPage],
  );

  return { status, total, querying: querying || !ready, rowAt };
}
