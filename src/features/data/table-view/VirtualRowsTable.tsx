import { Box, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetColumn } from '../../../storage/records';
import { cellText, type SortDirection } from './table-view.model';
import { useFixedRowWindow } from '../../../app/useFixedRowWindow';
import type { TableView } from './useTableView';
import classes from './VirtualRowsTable.module.css';

export type SortState = { key: string; direction: SortDirection } | null;

const ROW_HEIGHT = 32;
const NUMBER_WIDTH = 80;
const COLUMN_WIDTH = 170;

interface VirtualRowsTableProps {
  columns: DatasetColumn[];
  view: TableView;
  sort: SortState;
  onSortChange: (sort: SortState) => void;
  /** A position of the result to scroll to, e.g. from "Go to row". */
  scrollToPosition: number | null;
}

/**
 * A grid that renders only the rows in view, so that 200,000 rows scroll
 * smoothly: rows have one fixed height, so the rows in view follow from the
 * scroll offset without measuring or keeping anything per row.
 */
export function VirtualRowsTable({
  columns,
  view,
  sort,
  onSortChange,
  scrollToPosition,
}: VirtualRowsTableProps) {
  const { t } = useTranslation('data');
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowWindow = useFixedRowWindow(scrollRef, view.total, ROW_HEIGHT);
  const { scrollToIndex } = rowWindow;

  useEffect(() => {
    if (scrollToPosition !== null) scrollToIndex(scrollToPosition);
  }, [scrollToPosition, scrollToIndex]);

  const template = `${NUMBER_WIDTH}px repeat(${columns.length}, ${COLUMN_WIDTH}px)`;
  const width = NUMBER_WIDTH + columns.length * COLUMN_WIDTH;
  const nextSort = (key: string): SortState => {
    if (sort?.key !== key) return { key, direction: 'asc' };
    return sort.direction === 'asc' ? { key, direction: 'desc' } : null;
  };

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      role="table"
      aria-label={t('table.label')}
      aria-rowcount={view.total + 1}
      data-testid="dataset-rows-table"
    >
      <div className={classes.header} style={{ gridTemplateColumns: template, width }} role="row">
        <div className={classes.headerCell} role="columnheader">
          #
        </div>
        {columns.map((column) => {
          const direction = sort?.key === column.key ? sort.direction : null;
          return (
            <div
              key={column.key}
              className={classes.headerCell}
              role="columnheader"
              aria-sort={
                direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'
              }
            >
              <UnstyledButton
                className={classes.sortButton}
                onClick={() => onSortChange(nextSort(column.key))}
                aria-label={t('table.sortBy', { column: column.header })}
              >
                <Box style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} truncate>
                    {column.header}
                  </Text>
                  {column.field && (
                    <Text size="xs" c="dimmed" ff="monospace" truncate>
                      {column.key}
                    </Text>
                  )}
                </Box>
                {direction === 'asc' ? (
                  <IconArrowUp size={14} />
                ) : direction === 'desc' ? (
                  <IconArrowDown size={14} />
                ) : (
                  <IconArrowsSort size={14} opacity={0.4} />
                )}
              </UnstyledButton>
            </div>
          );
        })}
      </div>
      <div style={{ height: rowWindow.totalHeight, width, position: 'relative' }}>
        {positions(rowWindow.start, rowWindow.end).map((index) => {
          const entry = view.rowAt(index);
          return (
            <div
              key={index}
              role="row"
              aria-rowindex={index + 2}
              className={index % 2 === 1 ? `${classes.row} ${classes.striped}` : classes.row}
              data-testid="dataset-row-cells"
              style={{
                gridTemplateColumns: template,
                height: ROW_HEIGHT,
                transform: `translateY(${index * ROW_HEIGHT}px)`,
              }}
            >
              <div className={classes.numberCell} role="cell">
                {entry?.rowNumber ?? ''}
              </div>
              {columns.map((column) => (
                <div
                  key={column.key}
                  className={classes.cell}
                  role="cell"
                  title={entry ? cellText(entry.row[column.key]) : undefined}
                >
                  {entry ? cellText(entry.row[column.key]) : '…'}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function positions(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, offset) => start + offset);
}
