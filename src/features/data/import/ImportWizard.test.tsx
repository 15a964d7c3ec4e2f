import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../../test/database';
import { renderApp } from '../../../test/render-app';
import { createInProcessPort, textFile } from '../test/import-harness';
import { createImportWizardStore, setImportWizardStore } from './import-wizard.store';

const DEALS = '负责人,销售阶段,金额,成交日期\n张伟,赢单,80000,2027-01-25\n王芳,方案报价,50000,\n';

/** Builds a lead file with `columns` columns and 60 rows, more than the preview shows. */
function wideLeads(columns: number): File {
  const header = [
    '姓名',
    '手机',
    ...Array.from({ length: columns - 2 }, (_, index) => `备注${index + 1}`),
  ];
  const rows = Array.from({ length: 60 }, (_, row) =>
    [`客户${row}`, `138${String(row).padStart(8, '0')}`, ...header.slice(2).map(() => 'x')].join(
      ',',
    ),
  );
  return textFile('wide.csv', [header.join(','), ...rows].join('\n') + '\n');
}

async function openReview(file: File, language: 'en' | 'zh-CN' = 'en') {
  const view = await renderApp('/data', language);
  const input = await screen.findByLabelText(
    language === 'en' ? 'Choose a spreadsheet to import' : '选择要导入的表格文件',
  );
  fireEvent.change(input, { target: { files: [file] } });
  await screen.findByTestId('import-review');
  return view;
}

describe('ImportWizard', () => {
  useFreshDatabase();
  beforeEach(() => setImportWizardStore(createImportWizardStore(createInProcessPort)));
  afterEach(() => setImportWizardStore(null));

  it('mounts every mapping row of a wide file', async () => {
    await openReview(wideLeads(30));

    const mapping = await screen.findByTestId('column-mapping');
    expect(await within(mapping).findByText('备注28')).toBeInTheDocument();
    expect(within(mapping).getAllByTestId('mapping-row')).toHaveLength(30);
  });

  it('mounts a tab only once selected', async () => {
    await openReview(wideLeads(5));
    const user = userEvent.setup();
    await screen.findByTestId('column-mapping');
    expect(screen.queryByTestId('preview-table')).not.toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Preview' }));

    const preview = await screen.findByTestId('preview-table');
    expect(await within(preview).findByText('客户49')).toBeInTheDocument();
    expect(screen.queryByTestId('column-mapping')).not.toBeInTheDocument();
  });

  it('keeps the chosen tab across a re-parse', async () => {
    await openReview(wideLeads(5));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('tab', { name: 'Preview' }));
    await screen.findByTestId('preview-table');

    await user.click(screen.getByText('Existing owners'));

    expect(await screen.findByTestId('kind-missing')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Preview' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('preview-table')).toBeInTheDocument();
  });

  it('explains a deals guess', async () => {
    await openReview(textFile('deals.csv', DEALS));

    expect(await screen.findByTestId('kind-guess')).toHaveTextContent(
      'Guessed as deals because columns are mapped to deal fields: Stage, Amount, Close date. If that is wrong, choose the kind above.',
    );
    expect(screen.getByRole('radio', { name: 'Deals' })).toBeChecked();
  });

  it('explains a deals guess in Chinese', async () => {
    await openReview(textFile('deals.csv', DEALS), 'zh-CN');

    expect(await screen.findByTestId('kind-guess')).toHaveTextContent(
      '已按商机识别，因为有列映射为商机字段：阶段、金额、成交日期。如果不对，请在上方选择数据类型。',
    );
    expect(screen.getByRole('radio', { name: '商机' })).toBeChecked();
  });

  it('explains a leads guess', async () => {
    await openReview(wideLeads(3));

    expect(await screen.findByTestId('kind-guess')).toHaveTextContent(
      'Guessed as leads because columns are mapped to lead fields: Mobile phone.',
    );
    expect(screen.getByRole('radio', { name: 'Leads' })).toBeChecked();
  });

  it('drops the explanation once a kind is picked', async () => {
    await openReview(textFile('deals.csv', DEALS));
    const user = userEvent.setup();
    await screen.findByTestId('kind-guess');

    await user.click(screen.getByText('Leads'));

    await waitFor(() => expect(screen.queryByTestId('kind-guess')).not.toBeInTheDocument());
    expect(screen.getByRole('radio', { name: 'Leads' })).toBeChecked();
  });

  it('warns that an empty amount column makes revenue ¥0', async () => {
    const rows = Array.from(
      { length: 52 },
      (_, row) => `SJ-${row},张伟,赢单,,2027-01-10,2027-01-25`,
    );
    const file = textFile(
      'deals-empty-amount.csv',
      ['商机编号,负责人,销售阶段,金额（元）,创建日期,成交日期', ...rows].join('\n') + '\n',
    );
    await openReview(file);
    const user = userEvent.setup();
    await user.click(await screen.findByText('Deals'));
    await user.click(await screen.findByRole('tab', { name: /Validation report/ }));

    const group = await screen.findByRole('button', { name: /Mapped column almost empty/ });
    await user.click(group);
    expect(
      await screen.findByText(/Column 金额（元） is mapped but empty in 52 of 52 rows/),
    ).toHaveTextContent('The dashboard counts these deals at ¥0, so won revenue will be ¥0.');
  });
});
