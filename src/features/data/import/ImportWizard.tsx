import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { memo, useDeferredValue, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { checkName, MAX_NAME_LENGTH, nameLength } from '../../../app/forms/name-limits';
import { paths } from '../../../app/paths';
import { useFormat } from '../../../i18n/useFormat';
import { ColumnMappingTable } from './ColumnMappingTable';
import { ImportProgress } from './ImportProgress';
import type { ImportAnalysis } from './import-worker.protocol';
import { useImportWizard } from './import-wizard.store';
import { KindPicker } from './KindPicker';
import { PlaceholderTable } from './PlaceholderTable';
import { PreviewTable } from './PreviewTable';
import { ReadSettingsPanel } from './ReadSettingsPanel';
import { AfterFrames } from '../useFrameReveal';
import { ValidationReport } from './ValidationReport';
import { WizardNoticeAlert } from './WizardNoticeAlert';

/**
 * The wizard once a file is chosen: progress while working, the review
 * otherwise. While the file is parsed again or stored, the review is hidden
 * rather than unmounted: dropping it and building it again would each be a
 * long main-thread task.
 */
export function ImportWizard() {
  const status = useImportWizard((state) => state.status);
  const finish = useImportWizard((state) => state.finish);
  // The store updates synchronously; a deferred copy lets React render the
  // review in time slices, so a wide file never blocks the page in one task.
  const analysis = useDeferredValue(useImportWizard((state) => state.analysis));

  // After saving, the wizard returns to idle only once the screen has moved
  // on to the dataset, so the Data screen never renders its start page on
  // the way out.
  useEffect(() => finish, [finish]);

  const reviewing = status === 'review' && analysis !== null;
  return (
    <Stack>
      <WizardNoticeAlert />
      {!reviewing && <ImportProgress />}
      {analysis && (
        <div hidden={!reviewing}>
          <ImportReview analysis={analysis} />
        </div>
      )}
    </Stack>
  );
}

/** Loads the table view's chunk, so that it is ready when the rows are stored. */
const prefetchTableView = () => import('../table-view/DatasetTableScreen');

/** Runs `task` when the main thread is idle (or soon, where idle callbacks do not exist). */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, 200);
  return () => window.clearTimeout(handle);
}

/** Memoised: the wizard's status changes (parsing, storing) must not render the hidden review. */
const ImportReview = memo(function ImportReview({ analysis }: { analysis: ImportAnalysis }) {
  const { t } = useTranslation('data');
  const format = useFormat();
  const navigate = useNavigate();
  const name = useImportWizard((state) => state.name);
  const setName = useImportWizard((state) => state.setName);
  const store = useImportWizard((state) => state.store);
  const reset = useImportWizard((state) => state.reset);

  // The table view's chunk is fetched and evaluated while the user reviews,
  // so that neither the confirm click nor the end of storing pays for it.
  useEffect(() => whenIdle(() => void prefetchTableView()), []);

  const report = analysis.report;
  const issueCount = Object.values(report.issueCounts).reduce(
    (sum, count) => sum + (count ?? 0),
    0,
  );
  const mapped = analysis.columns.filter((column) => column.field).length;
  // A dataset without rows is never saved: the report shows the `no-data-rows` error instead.
  const nameProblem = checkName(name);
  const canStore = analysis.kindCheck.ok && !nameProblem && report.rowCount > 0;

  const save = async () => {
    const dataset = await store();
    if (!dataset) return;

    notifications.show({
      color: 'green',
      icon: <IconCheck size={18} />,
      message: t('saved', {
        name: dataset.name,
        count: dataset.rowCount,
        formatted: format.number(dataset.rowCount),
      }),
    });
    navigate(paths.dataset(dataset.id));
  };

  return (
    <Stack data-testid="import-review">
      <Paper withBorder p="md">
        <Stack>
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Title order={3}>{analysis.fileName}</Title>
              <Text size="sm" c="dimmed">
                {t('review.fileSummary', {
                  size: format.bytes(analysis.fileSize),
                  format: analysis.format.toUpperCase(),
                  rows: format.number(report.rowCount),
                  columns: format.number(analysis.columns.length),
                })}
              </Text>
            </Stack>
            <Button variant="default" onClick={reset}>
              {t('review.discard')}
            </Button>
          </Group>
          <ReadSettingsPanel analysis={analysis} />
        </Stack>
      </Paper>

      <AfterFrames frames={1}>
        <Paper withBorder p="md">
          <Stack>
            <TextInput
              label={t('review.name')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={
                nameProblem
                  ? t(`common:nameDialog.${nameProblem}`, {
                      max: MAX_NAME_LENGTH,
                      count: nameLength(name.trim()),
                    })
                  : undefined
              }
            />
            <KindPicker kindCheck={analysis.kindCheck} kindGuess={analysis.kindGuess} />
          </Stack>
        </Paper>
      </AfterFrames>

      <AfterFrames frames={2}>
        <ReportSummary analysis={analysis} issueCount={issueCount} />
        <Paper withBorder p="md">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {report.errorCount > 0 ? t('review.confirmWithErrors') : t('review.confirmHint')}
            </Text>
            <Group>
              <Button variant="default" onClick={reset}>
                {t('common:actions.cancel')}
              </Button>
              <Button
                onClick={() => void save()}
                disabled={!canStore}
                color={report.errorCount > 0 ? 'orange' : undefined}
                data-testid="import-confirm"
              >
                {report.errorCount > 0
                  ? t('review.importAnyway', { formatted: format.number(report.rowCount) })
                  : t('review.import', {
                      count: report.rowCount,
                      formatted: format.number(report.rowCount),
                    })}
              </Button>
            </Group>
          </Group>
        </Paper>
      </AfterFrames>

      <AfterFrames frames={3}>
        <Paper withBorder p="md">
          {/* Only the selected tab is mounted: a tab's content renders when it is chosen. */}
          <Tabs defaultValue="mapping" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="mapping">
                {t('review.tabs.mapping')}{' '}
                <Badge size="sm" variant="light" ml={4}>
                  {mapped}/{analysis.columns.length}
                </Badge>
              </Tabs.Tab>
              <Tabs.Tab value="preview">{t('review.tabs.preview')}</Tabs.Tab>
              <Tabs.Tab value="report">
                {t('review.tabs.report')}{' '}
                <Badge
                  size="sm"
                  variant="light"
                  color={report.errorCount > 0 ? 'red' : 'gray'}
                  ml={4}
                >
                  {format.number(issueCount)}
                </Badge>
              </Tabs.Tab>
              <Tabs.Tab value="placeholders">
                {t('review.tabs.placeholders')}{' '}
                <Badge size="sm" variant="light" color="gray" ml={4}>
                  {analysis.placeholders.length}
                </Badge>
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="mapping" pt="md">
              <ColumnMappingTable analysis={analysis} />
            </Tabs.Panel>
            <Tabs.Panel value="preview" pt="md">
              <PreviewTable analysis={analysis} />
            </Tabs.Panel>
            <Tabs.Panel value="report" pt="md">
              <ValidationReport analysis={analysis} />
            </Tabs.Panel>
            <Tabs.Panel value="placeholders" pt="md">
              <PlaceholderTable analysis={analysis} />
            </Tabs.Panel>
          </Tabs>
        </Paper>
      </AfterFrames>
    </Stack>
  );
});

function ReportSummary({ analysis, issueCount }: { analysis: ImportAnalysis; issueCount: number }) {
  const { t } = useTranslation('data');
  const format = useFormat();
  const report = analysis.report;
  const emptied = analysis.placeholders
    .filter((entry) => entry.emptied)
    .reduce((sum, entry) => sum + entry.count, 0);

  return (
    <Alert
      color={report.errorCount > 0 ? 'orange' : issueCount > 0 ? 'yellow' : 'green'}
      icon={report.errorCount > 0 ? <IconAlertTriangle size={18} /> : <IconCheck size={18} />}
      title={t('summary.title', {
        formatted: format.number(report.rowCount),
        count: report.rowCount,
      })}
      data-testid="import-summary"
    >
      <Stack gap={2}>
        <Text size="sm">
          {t('summary.issues', {
            errors: format.number(report.errorCount),
            warnings: format.number(report.warningCount),
          })}
        </Text>
        {emptied > 0 && (
          <Text size="sm">{t('summary.placeholders', { formatted: format.number(emptied) })}</Text>
        )}
        {report.blankRowCount > 0 && (
          <Text size="sm">
            {t('summary.blankRows', { formatted: format.number(report.blankRowCount) })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
