import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { MAX_AMOUNT_YUAN } from '@sras/import';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordIssue } from './outcome-records';
import { useDashboardFormat } from './useDashboardFormat';

/** Issues shown before the list is expanded. */
const FIRST_SHOWN = 5;

/**
 * Lists the cells of one dataset that the dashboard could not read or left
 * out, each with row, column, value and what was counted instead. It shows
 * the first few and the rest on request.
 */
export function RecordIssues({
  name,
  issues,
  count,
}: {
  name: string;
  /** Listed issues, in row order; at most MAX_LISTED_ISSUES. */
  issues: readonly RecordIssue[];
  /** Every issue, listed or not. */
  count: number;
}) {
  const { t } = useTranslation('dashboard');
  const format = useDashboardFormat();
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? issues : issues.slice(0, FIRST_SHOWN);
  const hidden = issues.length - shown.length;

  return (
    <Alert color="yellow" title={t('issues.title', { name, count })} data-testid="record-issues">
      <Stack gap={2}>
        {shown.map((issue) => (
          <Text key={`${issue.row}-${issue.column}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t(`issues.${issue.code}`, {
              row: issue.row,
              column: issue.column,
              value: String(issue.value),
              limit: format.yuan(MAX_AMOUNT_YUAN),
            })}
          </Text>
        ))}
        {expanded && count > issues.length && (
          <Text size="sm" c="dimmed">
            {t('issues.notListed', { count: count - issues.length })}
          </Text>
        )}
        {issues.length > FIRST_SHOWN && (
          <Anchor
            component="button"
            type="button"
            size="sm"
            ta="left"
            onClick={() => setExpanded((value) => !value)}
          >
            {expanded ? t('issues.showLess') : t('issues.showMore', { count: hidden })}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
