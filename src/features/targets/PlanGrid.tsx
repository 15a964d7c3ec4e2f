import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { INITIAL_VISIBLE_ROWS, useFixedRowWindow } from '../../app/useFixedRowWindow';
import { readCellEditDraft, writeCellEditDraft } from './cell-edit-draft';
import { readCellEntry, type CellEntryError } from './cell-entry';
import { GRID_ROW_HEIGHT, gridLayout } from './grid-layout';
import classes from './PlanGrid.module.css';
import {
  activeFractionsByRow,
  cellKey,
  GRID_COLUMNS,
  listGridRows,
  monthsUnder,
  rowColumnValues,
  sumLeaves,
  type GridRow,
} from './plan-grid';
import {
  PlanGridRow,
  type PlanGridLabels,
  type PlanGridRowActions,
  type PlanGridRowProps,
} from './PlanGridRow';
import type { CellRef, TargetPlan } from './target-plan.types';

export interface PlanGridProps {
  plan: TargetPlan;
  selected: CellRef | null;
  readOnly: boolean;
  onSelect: (cell: CellRef) => void;
  /**
   * Called with a whole, non-negative value; resolves to false when the plan
   * rejected it or the edit failed. Until it resolves the cell shows the new
   * value as pending, and other cells can be edited.
   */
  onCommit: (cell: CellRef, value: number) => Promise<boolean>;
  /**
   * Called when Enter is pressed in, or focus leaves, an editor whose text is not a value the
   * cell can take; the cell keeps its value.
   */
  onInvalidEntry: (cell: CellRef, text: string, error: CellEntryError) => void;
  onToggleLock: (cell: CellRef) => void;
}

interface Editing {
  cell: CellRef;
  text: string;
  error: boolean;
  /** True when editing starts with the cell's value, which the first key press replaces. */
  replace: boolean;
}

const MONTHS_BY_COLUMN = GRID_COLUMNS.map(monthsUnder);

const ARROW_STEPS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** Label of a grid row: the company, a team (or "no team") or a rep's name. */
export function useRowLabel(): (row: GridRow) => string {
  const { t } = useTranslation('targets');
  return (row) => {
    if (row.kind === 'company') return t('grid.company');
    if (row.kind === 'team' && row.label === '') return t('grid.noTeam');
    return row.label;
  };
}

/**
 * The plan as an editable grid (WAI-ARIA grid pattern): arrow keys, Home,
 * End, Page Up, Page Down and Ctrl+Home or Ctrl+End move between cells,
 * Enter or F2 or a digit edits, Enter commits, Escape cancels, L locks or
 * unlocks. Moving focus out of an editor (clicking another cell, Tab)
 * commits it as a spreadsheet does. Totals are sums of the cells under them.
 *
 * Only the rows in view are mounted, plus the selected row and the row being
 * edited, so that focus and a typed draft survive scrolling. A cell reached
 * from the keyboard is scrolled into view before it takes focus.
 */
export function PlanGrid({
  plan,
  selected,
  readOnly,
  onSelect,
  onCommit,
  onInvalidEntry,
  onToggleLock,
}: PlanGridProps) {
  const { t, i18n } = useTranslation('targets');
  const rowLabel = useRowLabel();
  const rows = useMemo(() => listGridRows(plan), [plan]);
  const rowIndexByKey = useMemo(() => new Map(rows.map((row, index) => [row.key, index])), [rows]);
  const fractions = useMemo(() => activeFractionsByRow(plan), [plan]);
  const lockedCells = useMemo(() => new Set(plan.locks), [plan.locks]);
  const formatNumber = useMemo(() => {
    const format = new Intl.NumberFormat(i18n.language);
    return (value: number) => format.format(value);
  }, [i18n.language]);
  const labels = useMemo<PlanGridLabels>(
    () => ({
      columns: GRID_COLUMNS.map((column) => t(`columns.${column}`)),
      locked: t('grid.locked'),
      inactive: t('grid.inactive'),
      editor: (cell) => t('grid.editLabel', { cell }),
    }),
    [t],
  );
  // Each row's values, computed when the row is first mounted with these plan values.
  const valuesOf = useMemo(() => {
    const cache = new Map<string, number[]>();
    return (row: GridRow): number[] => {
      let values = cache.get(row.key);
      if (!values) {
        values = rowColumnValues(plan.values, row.leaves);
        cache.set(row.key, values);
      }
      return values;
    };
  }, [plan.values]);
  // The company's year cell is the largest figure, so it sets the columns' widths.
  const companyRow = rows[0];
  const layout = useMemo(
    () => gridLayout(companyRow ? (valuesOf(companyRow)[0] ?? 0) : 0),
    [companyRow, valuesOf],
  );
  // An editor open before a reload opens again with its text, on a cell that still exists.
  const [editing, setEditing] = useState<Editing | null>(() => {
    const draft = readOnly ? undefined : readCellEditDraft(plan.id);
    if (!draft || !rowIndexByKey.has(draft.cell.row)) return null;
    return { cell: draft.cell, text: draft.text, error: false, replace: false };
  });
  // Values sent but not yet applied or rejected, by cell key, shown in place of the plan's value.
  const [pending, setPending] = useState<ReadonlyMap<string, number>>(new Map());
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  // The edit that a blur may still commit. Enter and Escape clear it before they move focus,
  // so the blur they cause neither commits twice nor commits a cancelled edit.
  const openEditRef = useRef<CellRef | null>(editing?.cell ?? null);
  const rowWindow = useFixedRowWindow(scrollRef, rows.length, GRID_ROW_HEIGHT);

  const cellElement = (cell: CellRef) =>
    scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(cellKey(cell))}"]`);

  const valueOf = (cell: CellRef): number => {
    const row = rows[rowIndexByKey.get(cell.row) ?? -1];
    return row ? sumLeaves(plan.values, row.leaves, monthsUnder(cell.column)) : 0;
  };

  // Rows that fit between the header and the bottom of the scroller; before layout, the hook's estimate.
  const rowsInView = (): number => {
    const height = (scrollRef.current?.clientHeight ?? 0) - (headerRef.current?.offsetHeight ?? 0);
    const count = Math.floor(height / GRID_ROW_HEIGHT);
    return count > 0 ? count : INITIAL_VISIBLE_ROWS;
  };

  // Scrolls the least that shows the whole row under the sticky header.
  const revealRow = (index: number) => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const top = index * GRID_ROW_HEIGHT;
    const bottom = top + GRID_ROW_HEIGHT;
    const viewport = rowsInView() * GRID_ROW_HEIGHT;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (bottom > scroller.scrollTop + viewport) scroller.scrollTop = bottom - viewport;
  };

  // Moves focus to the selected cell when the selection changes from the keyboard,
  // scrolling its row into view first; the selected row is always mounted. A key press
  // sets `movedByKeyRef`, as the cell it left may be unmounted by then and focus lost with it.
  const movedByKeyRef = useRef(false);
  const revealRef = useRef({ rowIndexByKey, revealRow });
  useLayoutEffect(() => {
    revealRef.current = { rowIndexByKey, revealRow };
  });
  useEffect(() => {
    if (!selected || editing) return;
    const scroller = scrollRef.current;
    const moved = movedByKeyRef.current;
    movedByKeyRef.current = false;
    if (!scroller || (!moved && !scroller.contains(document.activeElement))) return;
    const index = revealRef.current.rowIndexByKey.get(selected.row);
    if (index !== undefined) revealRef.current.revealRow(index);
    scroller.querySelector<HTMLElement>(`[data-cell="${CSS.escape(cellKey(selected))}"]`)?.focus();
  }, [selected, editing]);

  // A committed edit keeps its draft until the plan is saved with it, so a reload before then
  // reopens the editor with the text instead of losing it.
  useEffect(() => {
    if (editing) writeCellEditDraft({ planId: plan.id, cell: editing.cell, text: editing.text });
    else if (pending.size === 0) writeCellEditDraft(null);
  }, [editing, pending, plan.id]);
  // Leaving the screen ends the edit (its blur commits it); only a reload keeps the draft.
  useEffect(() => () => writeCellEditDraft(null), []);
  // Scrolls a restored editor's row into view once, on mount.
  useEffect(() => {
    const cell = openEditRef.current;
    const index = cell ? revealRef.current.rowIndexByKey.get(cell.row) : undefined;
    if (index !== undefined) revealRef.current.revealRow(index);
  }, []);

  const startEdit = (cell: CellRef, text?: string) => {
    if (readOnly) return;
    openEditRef.current = cell;
    setEditing({
      cell,
      text: text ?? String(valueOf(cell)),
      error: false,
      replace: text === undefined,
    });
  };

  const closeEditor = () => {
    openEditRef.current = null;
    setEditing(null);
  };

  // Sends the value and shows it as pending until the edit is applied or rejected. A rejected value reopens the
  // editor with the typed text, unless the user has moved on to another cell meanwhile.
  const send = (cell: CellRef, value: number, text: string) => {
    const id = cellKey(cell);
    setPending((current) => new Map(current).set(id, value));
    void onCommit(cell, value).then((accepted) => {
      setPending((current) => {
        const next = new Map(current);
        next.delete(id);
        return next;
      });
      if (
        !accepted &&
        openEditRef.current === null &&
        cellElement(cell) === document.activeElement
      ) {
        openEditRef.current = cell;
        setEditing({ cell, text, error: true, replace: false });
      }
    });
  };

  // Enter with text that is not a value keeps the editor open, so the text can be corrected.
  const commit = () => {
    if (!editing) return;
    const entry = readCellEntry(editing.text);
    if (!entry.ok) {
      setEditing({ ...editing, error: true });
      onInvalidEntry(editing.cell, editing.text, entry.error);
      return;
    }
    closeEditor();
    cellElement(editing.cell)?.focus();
    send(editing.cell, entry.value, editing.text);
  };

  // Focus left the editor: an unchanged value only closes it, a new whole number is committed
  // (a rejected one leaves the cell as it was and the screen shows why), other text is reported.
  const commitOnBlur = () => {
    if (!editing || openEditRef.current !== editing.cell) return;
    closeEditor();

    const entry = readCellEntry(editing.text);
    if (!entry.ok) {
      if (editing.text.trim() !== '') onInvalidEntry(editing.cell, editing.text, entry.error);
      return;
    }
    if (entry.value !== valueOf(editing.cell)) send(editing.cell, entry.value, editing.text);
  };

  const move = (rowIndex: number, columnIndex: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, rowIndex))];
    const column = GRID_COLUMNS[Math.max(0, Math.min(GRID_COLUMNS.length - 1, columnIndex))];
    if (!row || !column) return;
    movedByKeyRef.current = true;
    onSelect({ row: row.key, column });
  };

  const cellKeyDown = (
    event: KeyboardEvent,
    rowIndex: number,
    columnIndex: number,
    cell: CellRef,
  ) => {
    const step = ARROW_STEPS[event.key];
    const withControl = event.ctrlKey || event.metaKey;
    const handled = () => {
      event.preventDefault();
      return true;
    };
    if (step && handled()) move(rowIndex + step[0], columnIndex + step[1]);
    else if (event.key === 'Home' && handled()) move(withControl ? 0 : rowIndex, 0);
    else if (event.key === 'End' && handled())
      move(withControl ? rows.length - 1 : rowIndex, GRID_COLUMNS.length - 1);
    else if (event.key === 'PageDown' && handled()) move(rowIndex + rowsInView(), columnIndex);
    else if (event.key === 'PageUp' && handled()) move(rowIndex - rowsInView(), columnIndex);
    else if ((event.key === 'Enter' || event.key === 'F2') && handled()) startEdit(cell);
    else if (/^[0-9]$/.test(event.key) && !withControl && handled()) startEdit(cell, event.key);
    else if ((event.key === 'l' || event.key === 'L') && !readOnly && handled()) onToggleLock(cell);
  };

  const editorKeyDown = (event: KeyboardEvent<HTMLInputElement>, cell: CellRef) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      closeEditor();
      cellElement(cell)?.focus();
    }
  };

  // Rows get one stable object whose functions call this render's handlers, so that a
  // handler made anew on each render does not render every row again.
  const handlers = {
    select: onSelect,
    startEdit,
    cellKeyDown,
    changeEdit: (text: string) =>
      setEditing((current) => current && { ...current, text, error: false }),
    blurEdit: commitOnBlur,
    editorKeyDown,
  };
  const handlersRef = useRef(handlers);
  useLayoutEffect(() => {
    handlersRef.current = handlers;
  });
  const actions = useMemo<PlanGridRowActions>(
    () => ({
      select: (cell) => handlersRef.current.select(cell),
      startEdit: (cell) => handlersRef.current.startEdit(cell),
      cellKeyDown: (...args) => handlersRef.current.cellKeyDown(...args),
      changeEdit: (text) => handlersRef.current.changeEdit(text),
      blurEdit: () => handlersRef.current.blurEdit(),
      editorKeyDown: (...args) => handlersRef.current.editorKeyDown(...args),
    }),
    [],
  );

  const rowProps = (index: number): PlanGridRowProps | null => {
    const row = rows[index];
    if (!row) return null;
    let lockedMask = 0;
    let inactiveMask = 0;
    GRID_COLUMNS.forEach((column, columnIndex) => {
      if (lockedCells.has(cellKey({ row: row.key, column }))) lockedMask |= 1 << columnIndex;
      const months = MONTHS_BY_COLUMN[columnIndex] ?? [];
      const inactive = row.leaves.every((leaf) =>
        months.every((month) => (fractions.get(leaf)?.[month] ?? 1) === 0),
      );
      if (inactive) inactiveMask |= 1 << columnIndex;
    });
    const rowPending =
      pending.size === 0
        ? null
        : GRID_COLUMNS.map((column) => pending.get(cellKey({ row: row.key, column })));
    const isSelectedRow = selected?.row === row.key;

    return {
      rowKey: row.key,
      label: rowLabel(row),
      level: row.level,
      index,
      values: valuesOf(row),
      pending: rowPending?.some((value) => value !== undefined) ? rowPending : null,
      lockedMask,
      inactiveMask,
      selectedColumn: isSelectedRow ? (selected?.column ?? null) : null,
      tabbableColumn: isSelectedRow
        ? (selected?.column ?? null)
        : !selected && index === 0
          ? 'year'
          : null,
      edit:
        editing?.cell.row === row.key
          ? {
              column: editing.cell.column,
              text: editing.text,
              error: editing.error,
              replace: editing.replace,
            }
          : null,
      readOnly,
      formatNumber,
      labels,
      actions,
    };
  };

  const mounted = new Set<number>();
  for (let index = rowWindow.start; index < rowWindow.end; index++) mounted.add(index);
  for (const cell of [selected, editing?.cell]) {
    const index = cell ? rowIndexByKey.get(cell.row) : undefined;
    if (index !== undefined) mounted.add(index);
  }

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label={t('grid.label', { name: plan.name })}
      aria-readonly={readOnly}
      aria-busy={pending.size > 0 || undefined}
      aria-rowcount={rows.length + 1}
      aria-colcount={GRID_COLUMNS.length + 1}
      className={classes.scroller}
      style={{ '--plan-grid-template': layout.template } as CSSProperties}
      data-testid="plan-grid"
    >
      <div
        ref={headerRef}
        role="row"
        aria-rowindex={1}
        className={classes.header}
        style={{ minWidth: layout.minWidth }}
      >
        <div role="columnheader" className={classes.nameHeader}>
          {t('grid.rowHeader')}
        </div>
        {GRID_COLUMNS.map((column) => (
          <div
            key={column}
            role="columnheader"
            className={column.startsWith('m') ? classes.monthHeader : classes.totalHeader}
          >
            {t(`columns.${column}`)}
          </div>
        ))}
      </div>
      <div
        role="rowgroup"
        className={classes.body}
        style={{ height: rowWindow.totalHeight, minWidth: layout.minWidth }}
      >
        {[...mounted]
          .sort((a, b) => a - b)
          .map((index) => {
            const props = rowProps(index);
            return props && <PlanGridRow key={props.rowKey} {...props} />;
          })}
      </div>
    </div>
  );
}
