import { Menu, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlayerPause, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { writeUnavailable } from '@sras/import';
import { memo, useEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { RowActionsMenu } from '../../app/RowActionsMenu';
import { useFixedRowWindow } from '../../app/useFixedRowWindow';
import type { StoredRep } from './rep-draft';
import classes from './RepTable.module.css';

/** Height of every rep row in px, border included: the window is arithmetic on it. */
export const REP_ROW_HEIGHT = 52;
/** Rows mounted above and below the view, so that scrolling and tabbing find them drawn. */
const OVERSCAN = 5;

// Fixed and proportional tracks shared by the header and every row, so the
// columns keep their widths whichever rows are mounted.
const COLUMNS =
  'minmax(150px, 2fr) minmax(110px, 1.3fr) 96px 72px minmax(150px, 1.6fr) 96px minmax(120px, 1.6fr) minmax(150px, 1.5fr) 52px';

interface RepTableProps {
  reps: StoredRep[];
  onEdit: (rep: StoredRep) => void;
  onToggleActive: (rep: StoredRep) => void;
  onDelete: (rep: StoredRep) => void;
  /** Scrolls back to the first rep whenever this changes, such as a new search. */
  resetKey?: string;
}

/**
 * Shows the reps with their team, status, weight, capacities, open leads,
 * leave and employment. Only the rows in view are mounted. Rows have one
 * height, so the rows in view follow from the scroll offset, and 500 reps
 * cost what a screenful does.
 */
export function RepTable({ reps, onEdit, onToggleActive, onDelete, resetKey }: RepTableProps) {
  const { t } = useTranslation('team');
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowWindow = useFixedRowWindow(scrollRef, reps.length, REP_ROW_HEIGHT, OVERSCAN);
  const { scrollToIndex } = rowWindow;
  const labels = useMemo(() => rowLabels(t), [t]);
  const shownKey = useRef(resetKey);
  const [focusedId, setFocusedId] = useState<string>();
  const mounted = mountedIndexes(reps, rowWindow.start, rowWindow.end, focusedId);

  useEffect(() => {
    // Not on mount: setting scrollTop forces a layout, and a new table is at the top anyway.
    if (shownKey.current === resetKey) return;
    shownKey.current = resetKey;
    scrollToIndex(0);
  }, [resetKey, scrollToIndex]);

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      role="table"
      aria-label={t('table.label')}
      aria-rowcount={reps.length + 1}
      data-testid="rep-table"
    >
      <div
        className={classes.header}
        style={{ gridTemplateColumns: COLUMNS }}
        role="row"
        aria-rowindex={1}
      >
        <div className={classes.headerCell} role="columnheader">
          {t('table.name')}
        </div>
        <div className={classes.headerCell} role="columnheader">
          {t('table.team')}
        </div>
        <div className={classes.headerCell} role="columnheader">
          {t('table.status')}
        </div>
        <div className={`${classes.headerCell} ${classes.end}`} role="columnheader">
          {t('table.weight')}
        </div>
        <div className={classes.headerCell} role="columnheader">
          {t('table.capacity')}
        </div>
        <div className={`${classes.headerCell} ${classes.end}`} role="columnheader">
          {t('table.openLeads')}
        </div>
        <div className={classes.headerCell} role="columnheader">
          {t('table.leave')}
        </div>
        <div className={classes.headerCell} role="columnheader">
          {t('table.employment')}
        </div>
        <div className={classes.headerCell} role="columnheader">
          <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
        </div>
      </div>
      <div
        className={classes.rows}
        style={{ height: rowWindow.totalHeight }}
        role="rowgroup"
        onFocus={(event) => setFocusedId(repIdOf(event.target))}
        onBlur={(event: FocusEvent<HTMLDivElement>) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
            setFocusedId(undefined);
          }
        }}
      >
        {mounted.map((index) => (
          <RepRow
            key={reps[index]!.id}
            rep={reps[index]!}
            index={index}
            labels={labels}
            onEdit={onEdit}
            onToggleActive={onToggleActive}
            onDelete={onDelete}
          />
        ))}
      </div>
    </div>
  );
}

/**
 * Lists the rows to mount: those in the window, plus the row holding the
 * keyboard focus wherever it is, so that scrolling with the keyboard or
 * the wheel does not drop the focus to the page. The result is in list
 * order, which is the order Tab follows.
 */
function mountedIndexes(
  reps: readonly StoredRep[],
  start: number,
  end: number,
  focusedId: string | undefined,
): number[] {
  const indexes = Array.from({ length: Math.max(0, end - start) }, (_, offset) => start + offset);
  if (focusedId === undefined) return indexes;

  const focused = reps.findIndex((rep) => rep.id === focusedId);
  if (focused < 0 || (focused >= start && focused < end)) return indexes;
  return focused < start ? [focused, ...indexes] : [...indexes, focused];
}

function repIdOf(element: EventTarget): string | undefined {
  if (!(element instanceof Element)) return undefined;
  return element.closest<HTMLElement>('[data-rep-id]')?.dataset.repId;
}

/** The words every row shows, translated once per table rather than once per row. */
interface RowLabels {
  t: TFunction<'team'>;
  unlimited: string;
  paused: string;
  active: string;
  inactive: string;
  noTeam: string;
  edit: string;
  activate: string;
  deactivate: string;
  delete: string;
}

function rowLabels(t: TFunction<'team'>): RowLabels {
  return {
    t,
    unlimited: t('table.unlimited'),
    paused: t('table.paused'),
    active: t('table.active'),
    inactive: t('table.inactive'),
    noTeam: t('table.noTeam'),
    edit: t('table.edit'),
    activate: t('table.activate'),
    deactivate: t('table.deactivate'),
    delete: t('table.delete'),
  };
}

interface RepRowProps {
  rep: StoredRep;
  /** Position in the rep list (0-based). */
  index: number;
  labels: RowLabels;
  onEdit: (rep: StoredRep) => void;
  onToggleActive: (rep: StoredRep) => void;
  onDelete: (rep: StoredRep) => void;
}

/**
 * Shows one rep in plain elements styled by the module's classes, because a
 * row mounts whenever it scrolls into view. Memoised, so that scrolling
 * renders only the rows that come into view.
 */
const RepRow = memo(function RepRow({
  rep,
  index,
  labels,
  onEdit,
  onToggleActive,
  onDelete,
}: RepRowProps) {
  const capacity = (value: number | null | undefined) =>
    value === undefined || value === null
      ? labels.unlimited
      : value === 0
        ? labels.paused
        : String(value);
  const leave = writeUnavailable(rep.unavailable ?? []) || '—';
  const inactive = rep.active === false;

  return (
    <div
      className={classes.row}
      role="row"
      aria-rowindex={index + 2}
      data-testid="rep-row"
      data-rep-id={rep.id}
      style={{
        gridTemplateColumns: COLUMNS,
        height: REP_ROW_HEIGHT,
        transform: `translateY(${index * REP_ROW_HEIGHT}px)`,
      }}
    >
      <div className={classes.cell} role="cell">
        <div className={classes.name} data-testid="rep-name" title={rep.name}>
          {rep.name}
        </div>
        <div className={classes.id} title={rep.id}>
          {rep.id}
        </div>
      </div>
      <div className={classes.cell} role="cell" title={rep.team || undefined}>
        {rep.team || <span className={classes.dimmed}>{labels.noTeam}</span>}
      </div>
      <div className={classes.cell} role="cell">
        <span className={`${classes.status} ${inactive ? classes.inactive : classes.active}`}>
          {inactive ? labels.inactive : labels.active}
        </span>
      </div>
      <div className={`${classes.cell} ${classes.end}`} role="cell">
        {rep.weight ?? 1}
      </div>
      <div className={classes.cell} role="cell">
        {labels.t('table.capacityValues', {
          day: capacity(rep.capacity?.day),
          week: capacity(rep.capacity?.week),
          month: capacity(rep.capacity?.month),
        })}
      </div>
      <div className={`${classes.cell} ${classes.end}`} role="cell">
        {rep.openLeads ?? 0}
      </div>
      <div className={classes.cell} role="cell" title={leave}>
        {leave}
      </div>
      <div className={classes.cell} role="cell">
        {rep.employmentStart || rep.employmentEnd
          ? `${rep.employmentStart ?? '…'} ~ ${rep.employmentEnd ?? '…'}`
          : '—'}
      </div>
      <div className={classes.cell} role="cell">
        <RowActionsMenu label={labels.t('table.actionsFor', { name: rep.name })}>
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onEdit(rep)}>
            {labels.edit}
          </Menu.Item>
          <Menu.Item
            leftSection={inactive ? <IconPlayerPlay size={16} /> : <IconPlayerPause size={16} />}
            onClick={() => onToggleActive(rep)}
          >
            {inactive ? labels.activate : labels.deactivate}
          </Menu.Item>
          <Menu.Item
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() => onDelete(rep)}
          >
            {labels.delete}
          </Menu.Item>
        </RowActionsMenu>
      </div>
    </div>
  );
});
