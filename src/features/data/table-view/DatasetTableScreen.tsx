import {
  Anchor,
  Badge,
  Box,
  Group,
  Loader,
  NumberInput,
  Progress,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowLeft, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../../app/paths';
import { useFormat } from '../../../i18n/useFormat';
import type { DatasetRecord } from '../../../storage/records';
import { useWorkspaceTimeZone } from '../../settings/workspace-settings';
import { formatImportTime } from '../datasets/dataset-label';
import { useDataset } from '../datasets/dataset-repository';
import type { TableQuery } from './table-view.model';
import { useTableView } from './useTableView';
import { VirtualRowsTable, type SortState } from './VirtualRowsTable';

/** One dataset's rows: searchable, sortable and scrollable however many there are. */
export function DatasetTableScreen() {
  const { datasetId = '' } = useParams();
  const { t } = useTranslation('data');
  const dataset = useDataset(datasetId);

  if (dataset === undefined) return <Loader m="xl" />;
  if (dataset === null) {
    return (
      <Stack maw={1280} mx="auto">
        <Title order={2}>{t('table.missingTitle')}</Title>
        <Anchor component={Link} to={paths.data()}>
          {t('table.back')}
        </Anchor>
      </Stack>
    );
  }
  return <DatasetTable dataset={dataset} />;
}

function DatasetTable({ dataset }: { dataset: DatasetRecord }) {
  const { t, i18n } = useTranslation('data');
  const format = useFormat();
  const timeZone = useWorkspaceTimeZone();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const [sort, setSort] = useState<SortState>(null);
  const [jumpTo, setJumpTo] = useState<number | null>(null);

  const query = useMemo<TableQuery>(
    () => ({ search: debouncedSearch, sort }),
    [debouncedSearch, sort],
  );
  const view = useTableView(dataset.id, i18n.language, query);

  return (
    <Stack maw={1600} mx="auto" gap="sm">
      <Anchor component={Link} to={paths.data()} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('table.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={2}>{dataset.name}</Title>
            <Badge variant="light">{t(`kind.${dataset.kind}`)}</Badge>
          </Group>
          <Text size="sm" c="dimmed" data-testid="table-counts">
            {t('table.counts', {
              rows: format.number(dataset.rowCount),
              columns: format.number(dataset.columns.length),
              file: dataset.origin?.fileName ?? '—',
              importedAt: formatImportTime(dataset.importedAt, timeZone, true),
            })}
          </Text>
        </Stack>
        <Group>
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('table.searchPlaceholder')}
            aria-label={t('table.search')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={280}
          />
          <NumberInput
            aria-label={t('table.goTo')}
            placeholder={t('table.goTo')}
            min={1}
            max={Math.max(1, view.total)}
            allowDecimal={false}
            w={140}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              const value = Number(
                (event.currentTarget as HTMLInputElement).value.replace(/\D/g, ''),
              );
              if (value >= 1) setJumpTo(Math.min(value, view.total) - 1);
            }}
          />
        </Group>
      </Group>

      {view.status.state === 'loading' && (
        <Stack gap={4}>
          <Text size="sm">
            {t('table.loading', {
              done: format.number(view.status.done),
              total: format.number(view.status.total),
            })}
          </Text>
          <Progress value={view.status.total ? (view.status.done / view.status.total) * 100 : 0} />
        </Stack>
      )}
      {view.status.state === 'failed' && (
        <Text c="red">{t('table.failed', { message: view.status.message })}</Text>
      )}
      {view.status.state === 'ready' && (
        <>
          <Text size="sm" c="dimmed" data-testid="table-matching" aria-live="polite">
            {view.querying
              ? t('table.working')
              : debouncedSearch.trim() === ''
                ? t('table.showingAll', { formatted: format.number(view.total), count: view.total })
                : t('table.matching', { formatted: format.number(view.total), count: view.total })}
          </Text>
          <Box>
            <VirtualRowsTable
              columns={dataset.columns}
              view={view}
              sort={sort}
              onSortChange={setSort}
              scrollToPosition={jumpTo}
            />
          </Box>
        </>
      )}
    </Stack>
  );
}
