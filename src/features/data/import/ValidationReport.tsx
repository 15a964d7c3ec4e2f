import { Accordion, Badge, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatImportIssue, type ImportIssue, type ImportIssueCode } from '@sras/import';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/useFormat';
import { importLanguage } from './import-failure-message';
import type { ImportAnalysis } from './import-worker.protocol';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const SEVERITY_COLORS = { error: 'red', warning: 'orange', info: 'blue' } as const;

interface IssueGroup {
  code: ImportIssueCode;
  severity: ImportIssue['severity'];
  count: number;
  issues: ImportIssue[];
}

/** Counts of the import and its issues grouped by kind, each worded with what to do. */
export function ValidationReport({ analysis }: { analysis: ImportAnalysis }) {
  const { t, i18n } = useTranslation('data');
  const format = useFormat();
  const report = analysis.report;
  const language = importLanguage(i18n.language);

  const groups = useMemo(() => groupIssues(report), [report]);

  return (
    <Stack data-testid="validation-report">
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Stat
          label={t('report.rows')}
          value={format.number(report.rowCount)}
          testId="report-rows"
        />
        <Stat label={t('report.blankRows')} value={format.number(report.blankRowCount)} />
        <Stat label={t('report.rowsAbove')} value={format.number(report.rowsAboveHeader)} />
        <Stat label={t('report.errors')} value={format.number(report.errorCount)} color="red" />
        <Stat
          label={t('report.warnings')}
          value={format.number(report.warningCount)}
          color="orange"
        />
      </SimpleGrid>

      {groups.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('report.clean')}
        </Text>
      ) : (
        <Accordion variant="separated" multiple>
          {groups.map((group) => (
            <Accordion.Item
              key={group.code}
              value={group.code}
              data-testid="issue-group"
              data-code={group.code}
            >
              <Accordion.Control>
                <Group gap="sm" wrap="nowrap">
                  <Badge color={SEVERITY_COLORS[group.severity]} variant="light" w={90}>
                    {t(`report.severity.${group.severity}`)}
                  </Badge>
                  <Text size="sm" fw={500}>
                    {t(`issues.${group.code}`)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {format.number(group.count)}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <List size="sm" spacing={4}>
                  {group.issues.map((issue, index) => (
                    <List.Item key={`${issue.row ?? ''}-${issue.column ?? ''}-${index}`}>
                      {formatImportIssue(issue, language)}
                      {issue.code === 'column-empty' &&
                        issue.field &&
                        i18n.exists(effectKey(analysis, issue.field), { ns: 'data' }) && (
                          <> {t(effectKey(analysis, issue.field))}</>
                        )}
                    </List.Item>
                  ))}
                </List>
                {group.count > group.issues.length && (
                  <Text size="sm" c="dimmed" mt="xs">
                    {t('report.more', { count: group.count - group.issues.length })}
                  </Text>
                )}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}

/** Key of the sentence on what an empty column of `field` means for the chosen kind. */
function effectKey(analysis: ImportAnalysis, field: string): string {
  return `report.columnEmptyEffect.${analysis.kindCheck.kind}.${field}`;
}

function Stat({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: string;
  color?: string;
  testId?: string;
}) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={600} c={color} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

function groupIssues(report: ImportAnalysis['report']): IssueGroup[] {
  const groups = new Map<ImportIssueCode, IssueGroup>();
  for (const issue of report.issues) {
    const group = groups.get(issue.code) ?? {
      code: issue.code,
      severity: issue.severity,
      count: report.issueCounts[issue.code] ?? 0,
      issues: [],
    };
    group.issues.push(issue);
    groups.set(issue.code, group);
  }
  return [...groups.values()].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count,
  );
}
