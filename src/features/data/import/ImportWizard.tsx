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
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
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
import { ValidationReport } from './ValidationReport';
import { WizardNoticeAlert } from './WizardNoticeAlert';

/** The wizard once a file is chosen: progress while working, the review otherwise. */
export function ImportWizard() {
  const status = useImportWizard((state) => state.status);
  // The store updates synchronously; a deferred copy lets React render the
  // review in time slices, so a wide file never blocks the page in one task.
  const analysis = useDeferredValue(useImportWizard((state) => state.analysis));

  return (
    <Stack>
      <WizardNoticeAlert />
      {status === 'review' && analysis ? <ImportReview analysis={analysis} /> : <ImportProgress />}
    </Stack>
  );
}

function ImportReview({ analysis }: { analysis: ImportAnalysis }) {
  const { t } = useTranslation('data');
  const format = useFormat();
  const navigate = useNavigate();
  const name = useImportWizard((state) => state.name);
  const setName = useImportWizard((state) => state.setName);
  const store = useImportWizard((state) => state.store);
  const reset = useImportWizard((state) => state.reset);

  const report = analysis.report;
  const issueCount = Object.values(report.issueCounts).reduce(
    (sum, count) => sum + (count ?? 0),
    0,
  );
  const mapped = analysis.columns.filter((column) => column.field).length;
  const canStore = analysis.kindCheck.ok && name.trim() !== '';

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

      <Paper withBorder p="md">
        <Stack>
          <TextInput
            label={t('review.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={name.trim() === '' ? t('review.nameRequired') : undefined}
            maxLength={200}
          />
          <KindPicker kindCheck={analysis.kindCheck} />
        </Stack>
      </Paper>

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

      <Paper withBorder p="md">
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
    </Stack>
  );
}

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
