import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import { computeDashboard } from './dashboard-metrics';
import { MetricsTable } from './MetricsTables';
import { readDatasetRecords } from './outcome-records';
import { DEAL_MAPPING, DEALS, REPS, TARGETS } from './test/march-deals';

function renderRepsTable(reps = REPS) {
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
}

describe('MetricsTable', () => {
  it('cuts a long rep name with an ellipsis and keeps it whole in the title', async () => {
    const i18n = initI18n('en');
    await i18n.changeLanguage('en');
    const longName = '很长的名字'.repeat(60);
    const reps = REPS.map((rep, index) => (index === 0 ? { ...rep, name: longName } : rep));
    renderRepsTable(reps);

    const table = screen.getByTestId('reps-table');
    const name = within(table).getByTitle(longName);
    expect(name).toHaveTextContent(longName);
    expect(name).toHaveAttribute('data-truncate', 'end');
  });

  it('keeps pace badges whole and explains won against conversion', async () => {
    const i18n = initI18n('zh-CN');
    await i18n.changeLanguage('zh-CN');
    renderRepsTable();

    for (const badge of within(screen.getByTestId('reps-table')).getAllByText('落后')) {
      expect(badge.closest('.mantine-Badge-root')).toHaveStyle({ minWidth: 'max-content' });
    }
    expect(screen.getByTestId('reps-conversion-note')).toHaveTextContent(
      '一位销售可以本期赢单 2 个、转化率却是 0%',
    );
  });
});
