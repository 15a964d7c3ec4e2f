import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import { FormerNameOwners, UnmatchedOwners } from './PacePanels';

const REP_NAMES = new Map([
  ['r1', '张伟'],
  ['r6', '张伟'],
  ['r2', '张伟（组长）'],
]);
const repName = (id: string) => REP_NAMES.get(id) ?? id;

async function renderPanels(language: 'en' | 'zh-CN') {
  const i18n = initI18n(language);
  await i18n.changeLanguage(language);
  render(
    <MantineProvider env="test">
      <UnmatchedOwners
        owners={[
          { owner: '张伟', kind: 'ambiguous', repIds: ['r1', 'r6'], records: 4, revenue: 12_000 },
        ]}
        repName={repName}
      />
      <FormerNameOwners owners={[{ owner: '张伟', repId: 'r2', records: 3 }]} repName={repName} />
    </MantineProvider>,
  );
}

describe('UnmatchedOwners', () => {
  it('names the ids of reps sharing a name and the fix', async () => {
    await renderPanels('en');

    const panel = screen.getByTestId('unmatched-owners');
    expect(panel).toHaveTextContent('shared by 张伟 (id r1), 张伟 (id r6): 4 records');
    expect(screen.getByTestId('unmatched-ambiguous-help')).toHaveTextContent(
      "Write rep ids in the file's owner column, or rename one of the reps",
    );
  });

  it('names the ids in Chinese', async () => {
    await renderPanels('zh-CN');

    expect(screen.getByTestId('unmatched-owners')).toHaveTextContent(
      '张伟（编号 r1）、张伟（编号 r6）重名：4 条记录',
    );
    expect(screen.getByTestId('unmatched-ambiguous-help')).toHaveTextContent(
      '请在文件的负责人列写销售编号，或在销售团队页面给其中一位改名',
    );
  });
});

describe('FormerNameOwners', () => {
  it('lists owners counted by a former name', async () => {
    await renderPanels('en');
    expect(screen.getByTestId('former-name-owners')).toHaveTextContent(
      '"张伟" counts for 张伟（组长） (r2): 3 records',
    );
  });

  it('lists them in Chinese', async () => {
    await renderPanels('zh-CN');
    expect(screen.getByTestId('former-name-owners')).toHaveTextContent(
      '「张伟」计入 张伟（组长）（r2）：3 条记录',
    );
  });
});
