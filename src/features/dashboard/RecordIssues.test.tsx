import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import type { RecordIssue } from './outcome-records';
import { RecordIssues } from './RecordIssues';

const ISSUES: RecordIssue[] = [
  ...Array.from({ length: 8 }, (_, index) => ({
    row: index + 2,
    column: '金额（元）',
    code: 'invalid-amount' as const,
    value: `abc${index}`,
  })),
  { row: 10, column: '金额（元）', code: 'amount-too-large', value: '99999999999999999999' },
];

async function renderIssues(language: 'en' | 'zh-CN', count = ISSUES.length) {
  const i18n = initI18n(language);
  await i18n.changeLanguage(language);
  render(
    <MantineProvider env="test">
      <RecordIssues name="deals-bad" issues={ISSUES} count={count} />
    </MantineProvider>,
  );
  return userEvent.setup();
}

describe('RecordIssues', () => {
  it('shows five issues and the rest on request', async () => {
    const user = await renderIssues('en');
    const panel = screen.getByTestId('record-issues');
    expect(panel).toHaveTextContent('deals-bad: 9 cells could not be read or need checking');
    expect(panel).toHaveTextContent('Row 6, column 金额（元）: "abc4" is not an amount');
    expect(panel).not.toHaveTextContent('abc5');

    await user.click(screen.getByRole('button', { name: 'Show 4 more' }));

    expect(panel).toHaveTextContent('Row 9, column 金额（元）: "abc7" is not an amount');
    expect(panel).toHaveTextContent(
      'Row 10, column 金额（元）: "99999999999999999999" is above the amount limit of ¥1,000,000,000,000',
    );
    await user.click(screen.getByRole('button', { name: 'Show fewer' }));
    expect(panel).not.toHaveTextContent('abc5');
  });

  it('says how many issues are not listed', async () => {
    const user = await renderIssues('zh-CN', 130);

    await user.click(screen.getByRole('button', { name: '还有 4 个' }));

    const panel = screen.getByTestId('record-issues');
    expect(panel).toHaveTextContent(
      '第 10 行「金额（元）」列：「99999999999999999999」超过金额上限',
    );
    expect(panel).toHaveTextContent('另有 121 个未列出。');
  });
});
