import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { REASON_CODES, type FlowDocument, type Rep } from '@sras/engine';
import { useFormat } from '../../../i18n/useFormat';
import type { DatasetColumn } from '../../../storage/records';
import { NO_OWNER, type ResultQuery } from '../engine/result-query';
import { getSimulationClient, SimulationRequestError } from '../worker/simulation.client';
import type { PageRow, Slot } from '../worker/simulation.protocol';
import { useNodeName } from './useNodeName';
import classes from './ResultsTable.module.css';

const ROW_HEIGHT = 34;
const PAGE_SIZE = 100;
/** Height of the table's scroller before it is measured, in px (about a screenful of rows). */
const INITIAL_HEIGHT = 600;
const PREFERRED_FIELDS = ['name', 'company', 'phone', 'province', 'city', 'source'];
const SHOWN_COLUMNS = 4;

interface ResultsTableProps {
  slot: Slot;
  /** Changes whenever the slot holds a new run, so the table asks again. */
  generation: number;
  document: FlowDocument;
  reps: readonly Rep[];
  columns: readonly DatasetColumn[];
  query: ResultQuery;
  onQueryChange: (query: ResultQuery) => void;
  selectedPosition: number | null;
  onSelect: (row: PageRow) => void;
  /** Shows the owner in the compared run beside the owner (backtest). */
  compare?: boolean;
}

/** The columns shown beside the result: mapped name, company, phone, region and source first. */
export function displayColumns(columns: readonly DatasetColumn[]): DatasetColumn[] {
  const preferred = PREFERRED_FIELDS.flatMap((field) =>
    columns.filter((column) => column.field === field),
  );
  const rest = columns.filter(
    (column) => !preferred.includes(column) && column.header.trim() !== '',
  );
  return [...preferred, ...rest].slice(0, SHOWN_COLUMNS);
}

/** Every lead of a run with its owner and outcome; filters, search, and rows drawn only in view. */
export function ResultsTable(props: ResultsTableProps) {
  const {
    slot,
    generation,
    document,
    reps,
    query,
    onQueryChange,
    selectedPosition,
    onSelect,
    compare,
  } = props;
  const { t } = useTranslation('simulation');
  const format = useFormat();
  const nodeName = useNodeName(document);
  const [searchText, setSearchText] = useState(query.search ?? '');
  const [search] = useDebouncedValue(searchText, 300);
  const [total, setTotal] = useState<number | null>(null);
  const [searching, setSearching] = useState(false);
  const [pages, setPages] = useState<Map<number, PageRow[]>>(new Map());
  const requested = useRef(new Set<number>());
  const scrollRef = useRef<HTMLDivElement>(null);
  const repName = useMemo(() => {
    const names = new Map(reps.map((rep) => [rep.id, rep.name]));
    return (repId: string | null) => (repId === null ? '' : (names.get(repId) ?? repId));
  }, [reps]);
  const shown = useMemo(() => displayColumns(props.columns), [props.columns]);

  useEffect(() => setSearchText(query.search ?? ''), [query.search]);
  const effective = useMemo(() => ({ ...query, search }), [query, search]);

  useEffect(() => {
    let current = true;
    setSearching(true);
    const request = getSimulationClient().query(slot, effective);
    request.result
      .then((count) => {
        if (!current) return;
        requested.current = new Set();
        // Transitions let React render the rows in short slices, not one long task.
        startTransition(() => {
          setPages(new Map());
          setTotal(count);
          setSearching(false);
        });
      })
      .catch((error: unknown) => {
        if (current && !(error instanceof SimulationRequestError && error.cancelled))
          setSearching(false);
      });
    return () => {
      current = false;
      request.cancel();
    };
  }, [slot, generation, effective]);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // A first screenful of rows renders with the tab's own transition,
    // before the scroller is measured, so that the measurement's update
    // (not a transition) has little left to render.
    initialRect: { width: 0, height: INITIAL_HEIGHT },
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const firstPage = items.length > 0 ? Math.floor((items[0]?.index ?? 0) / PAGE_SIZE) : 0;
  const lastPage = items.length > 0 ? Math.floor((items.at(-1)?.index ?? 0) / PAGE_SIZE) : -1;

  useEffect(() => {
    for (let page = firstPage; page <= lastPage; page += 1) {
      if (requested.current.has(page)) continue;
      requested.current.add(page);
      void getSimulationClient()
        .page(slot, page * PAGE_SIZE, PAGE_SIZE)
        .then((rows) =>
          startTransition(() => setPages((previous) => new Map(previous).set(page, rows))),
        )
        .catch(() => requested.current.delete(page));
    }
  }, [firstPage, lastPage, slot, pages]);

  const rowAt = (index: number): PageRow | undefined =>
    pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  const template = `60px 140px repeat(${shown.length}, minmax(110px, 1fr)) ${compare ? '120px ' : ''}120px 150px 140px`;
  const set = (patch: Partial<ResultQuery>) => {
    const next: ResultQuery = { ...query, ...patch };
    for (const key of Object.keys(next) as (keyof ResultQuery)[])
      if (next[key] === undefined) delete next[key];
    onQueryChange(next);
  };

  return (
    <Stack gap="xs" h="100%">
      <Group gap="xs" wrap="wrap">
        <TextInput
          leftSection={<IconSearch size={14} />}
          placeholder={t('table.search')}
          aria-label={t('table.search')}
          value={searchText}
          onChange={(event) => setSearchText(event.currentTarget.value)}
          w={260}
          data-testid="results-search"
        />
        <Select
          aria-label={t('table.owner')}
          placeholder={t('table.ownerAll')}
          data={[
            { value: NO_OWNER || '__none__', label: t('table.ownerNone') },
            ...reps.map((rep) => ({ value: rep.id, label: rep.name })),
          ]}
          value={
            query.ownerId === undefined
              ? null
              : query.ownerId === NO_OWNER
                ? '__none__'
                : query.ownerId
          }
          onChange={(value) =>
            set({ ownerId: value === null ? undefined : value === '__none__' ? NO_OWNER : value })
          }
          clearable
          searchable
          w={170}
          data-testid="results-owner-filter"
        />
        <Select
          aria-label={t('table.node')}
          placeholder={t('table.nodeAll')}
          data={document.nodes.map((node) => ({ value: node.id, label: nodeName(node.id) }))}
          value={query.nodeId ?? null}
          onChange={(value) => set({ nodeId: value ?? undefined })}
          clearable
          w={170}
          data-testid="results-node-filter"
        />
        <Select
          aria-label={t('table.reason')}
          placeholder={t('table.reasonAll')}
          data={REASON_CODES.map((reason) => ({ value: reason, label: t(`reasons.${reason}`) }))}
          value={query.reason ?? null}
          onChange={(value) => set({ reason: (value as ResultQuery['reason']) ?? undefined })}
          clearable
          w={170}
          data-testid="results-reason-filter"
        />
        {compare && (
          <Checkbox
            label={t('table.changedOnly')}
            checked={query.changedOnly ?? false}
            onChange={(event) => set({ changedOnly: event.currentTarget.checked || undefined })}
          />
        )}
        <Text size="sm" c="dimmed" data-testid="results-count">
          {total === null
            ? ''
            : t('table.count', { count: total, formatted: format.number(total) })}
        </Text>
        {searching && <Loader size="xs" />}
      </Group>
      <div
        ref={scrollRef}
        className={classes.scroller}
        role="table"
        aria-label={t('table.label')}
        aria-rowcount={(total ?? 0) + 1}
        data-testid="results-table"
      >
        <div className={classes.header} style={{ gridTemplateColumns: template }} role="row">
          <div role="columnheader">#</div>
          <div role="columnheader">{t('table.lead')}</div>
          {shown.map((column) => (
            <div key={column.key} role="columnheader" className={classes.truncate}>
              {column.header}
            </div>
          ))}
          {compare && <div role="columnheader">{t('table.before')}</div>}
          <div role="columnheader">{compare ? t('table.after') : t('table.owner')}</div>
          <div role="columnheader">{t('table.reason')}</div>
          <div role="columnheader">{t('table.ended')}</div>
        </div>
        {total === 0 && (
          <Box p="md">
            <Text size="sm">{t('table.empty')}</Text>
          </Box>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={row !== undefined && row.position === selectedPosition}
                className={classes.row}
                data-selected={
                  row !== undefined && row.position === selectedPosition ? true : undefined
                }
                data-testid="result-row"
                style={{
                  gridTemplateColumns: template,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                }}
                onClick={() => row && onSelect(row)}
                onKeyDown={(event) => {
                  if (row && (event.key === 'Enter' || event.key === ' ')) onSelect(row);
                }}
                tabIndex={0}
              >
                <div role="cell" className={classes.number} data-testid="result-number">
                  {row ? row.position + 1 : ''}
                </div>
                <div role="cell" className={classes.truncate}>
                  {row ? String(row.result.leadId) : '…'}
                </div>
                {shown.map((column) => (
                  <div key={column.key} role="cell" className={classes.truncate}>
                    {row ? cellText(row.lead[column.key]) : ''}
                  </div>
                ))}
                {compare && (
                  <div role="cell" className={classes.truncate} data-testid="result-compared-owner">
                    {row ? repName(row.comparedOwnerId ?? null) || t('table.ownerNone') : ''}
                  </div>
                )}
                <div role="cell" className={classes.truncate} data-testid="result-owner">
                  {row ? repName(row.result.ownerId) || (compare ? t('table.ownerNone') : '—') : ''}
                </div>
                <div role="cell">
                  {row && (
                    <Badge size="sm" variant="light" color={reasonColor(row.result.reason)}>
                      {t(`reasons.${row.result.reason}`)}
                    </Badge>
                  )}
                </div>
                <div role="cell" className={classes.truncate}>
                  {row ? nodeName(row.result.nodeId) : ''}
                </div>
              </div>
            );
          })}
        </div>
      </div>
      {Object.keys(query).length > 0 && (
        <Group>
          <Button variant="subtle" size="compact-xs" onClick={() => onQueryChange({})}>
            {t('table.clear')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function cellText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function reasonColor(reason: string): string {
  switch (reason) {
    case 'assigned':
      return 'green';
    case 'existing-owner':
      return 'violet';
    case 'pool':
      return 'gray';
    default:
      return 'red';
  }
}
