import { Anchor, Badge, Group, Menu, Pagination, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconTable, IconTrash } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RowActionsMenu } from '../../../app/RowActionsMenu';
import { paths } from '../../../app/paths';
import { useFormat } from '../../../i18n/useFormat';
import type { DatasetRecord } from '../../../storage/records';
import { useWorkspaceTimeZone } from '../../settings/workspace-settings';
import { useFrameReveal } from '../useFrameReveal';
import { formatImportTime } from './dataset-label';

/** Datasets listed per page: a long list mounts and unmounts a page at a time. */
export const DATASETS_PER_PAGE = 25;
/** Dataset rows mounted per animation frame. */
const ROWS_PER_FRAME = 10;
const KIND_COLORS = { leads: 'blue', owners: 'grape', deals: 'teal' } as const;

interface DatasetsTableProps {
  datasets: DatasetRecord[];
  onRename: (dataset: DatasetRecord) => void;
  onDelete: (dataset: DatasetRecord) => void;
}

/**
 * The stored datasets with their kind, size, source file and import time.
 * A page of rows at a time, each mounting a slice per frame, so a long list
 * never mounts or unmounts in one long task.
 */
export function DatasetsTable({ datasets, onRename, onDelete }: DatasetsTableProps) {
  const { t } = useTranslation('data');
  const timeZone = useWorkspaceTimeZone();
  const [page, setPage] = useState(1);
  const pageCount = Math.max(1, Math.ceil(datasets.length / DATASETS_PER_PAGE));
  const currentPage = Math.min(page, pageCount);
  const pageDatasets = datasets.slice(
    (currentPage - 1) * DATASETS_PER_PAGE,
    currentPage * DATASETS_PER_PAGE,
  );
  const shownRows = useFrameReveal(pageDatasets.length, ROWS_PER_FRAME);

  return (
    <>
      <Table.ScrollContainer minWidth={800}>
        <Table highlightOnHover verticalSpacing="sm" data-testid="dataset-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('datasets.name')}</Table.Th>
              <Table.Th w={130}>{t('datasets.kind')}</Table.Th>
              <Table.Th w={100} ta="right">
                {t('datasets.rows')}
              </Table.Th>
              <Table.Th w={90} ta="right">
                {t('datasets.columns')}
              </Table.Th>
              <Table.Th>{t('datasets.source')}</Table.Th>
              <Table.Th w={190}>{t('datasets.importedAt')}</Table.Th>
              <Table.Th w={50}>
                <VisuallyHidden>{t('datasets.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pageDatasets.slice(0, shownRows).map((dataset) => (
              <DatasetRow
                key={dataset.id}
                dataset={dataset}
                timeZone={timeZone}
                onRename={onRename}
                onDelete={onDelete}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pageCount > 1 && (
        <Group justify="center" mt="sm">
          <Pagination
            total={pageCount}
            value={currentPage}
            onChange={setPage}
            data-testid="dataset-pages"
          />
        </Group>
      )}
    </>
  );
}

interface DatasetRowProps {
  dataset: DatasetRecord;
  /**
   * Zone of the import time, the same as in dataset pickers, or undefined
   * for Asia/Shanghai while it loads. The table shows seconds, which pickers
   * add only to tell apart two imports of one file in the same minute.
   */
  timeZone: string | undefined;
  onRename: (dataset: DatasetRecord) => void;
  onDelete: (dataset: DatasetRecord) => void;
}

/** One dataset's row; memoised so that revealing more rows does not render earlier ones. */
const DatasetRow = memo(function DatasetRow({
  dataset,
  timeZone,
  onRename,
  onDelete,
}: DatasetRowProps) {
  const { t } = useTranslation('data');
  const format = useFormat();

  return (
    <Table.Tr data-testid="dataset-row" data-dataset-id={dataset.id}>
      <Table.Td>
        <Anchor component={Link} to={paths.dataset(dataset.id)} fw={500} data-testid="dataset-name">
          {dataset.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={KIND_COLORS[dataset.kind]}>
          {t(`kind.${dataset.kind}`)}
        </Badge>
      </Table.Td>
      <Table.Td ta="right" data-testid="dataset-rows">
        {format.number(dataset.rowCount)}
      </Table.Td>
      <Table.Td ta="right">{format.number(dataset.columns.length)}</Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={1}>
          {dataset.origin?.fileName ?? '—'}
        </Text>
        {dataset.origin?.encoding && (
          <Text size="xs" c="dimmed">
            {t(`read.encodings.${dataset.origin.encoding}`, {
              defaultValue: dataset.origin.encoding,
            })}
          </Text>
        )}
      </Table.Td>
      <Table.Td data-testid="dataset-imported-at">
        {formatImportTime(dataset.importedAt, timeZone, true)}
      </Table.Td>
      <Table.Td>
        <RowActionsMenu label={t('datasets.actionsFor', { name: dataset.name })}>
          <Menu.Item
            component={Link}
            to={paths.dataset(dataset.id)}
            leftSection={<IconTable size={16} />}
          >
            {t('datasets.open')}
          </Menu.Item>
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onRename(dataset)}>
            {t('datasets.rename')}
          </Menu.Item>
          <Menu.Item
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() => onDelete(dataset)}
          >
            {t('datasets.delete')}
          </Menu.Item>
        </RowActionsMenu>
      </Table.Td>
    </Table.Tr>
  );
});
