import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import { computeDashboard } from './dashboard-metrics';
import { MetricsTable } from './MetricsTables';
import { readDatasetRecords } from './outcome-records';
import { DEAL_MAPPING, DEALS, REPS, TARGETS } from './test/march-deals';

describe('MetricsTable', () => {
  it('cuts a long rep name with an ellipsis and keeps it whole in the title', async () => {
    const i18n = initI18n('en');
    await i18n.changeLanguage('en');
    const longName = '很长的名字'.repeat(60);
    const reps = REPS.map((rep, index) => (index === 0 ? { ...rep, name: longName } : rep));
    const { records } = readDatasetRecords({ id: 'deals', rows: DEALS }, { mapping: DEAL_MAPPING });
    const result = computeDashboard({
      reps,
      records,
      targets: TARGETS,
      targetUnit: 'yuan',
      period: { start: '2027-03-01', end: '2027-03-31' },
      asOf: '2027-03-16',
      behindMargin: 0.1,
    });

    render(
      <MantineProvider env="test">
        <MetricsTable
          kind="reps"
          rows={result.reps}
          total={result.total}
          unit="yuan"
          fileName="reps"
        />
      </MantineProvider>,
    );

    const table = screen.getByTestId('reps-table');
    const name = within(table).getByTitle(longName);
    expect(name).toHaveTextContent(longName);
    expect(name).toHaveAttribute('data-truncate', 'end');
  });
});
