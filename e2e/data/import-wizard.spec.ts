import { expect, test } from '@playwright/test';
import { countStoredData, importWithDefaults, writeGeneratedLeads } from '../helpers/data';
import { saveScreenshot } from '../helpers/screenshots';
import { AppShellPage } from '../pages/AppShellPage';
import { DataPage, DatasetTablePage } from '../pages/DataPage';

const FIXTURES = 'e2e/fixtures/data';

test.describe('import wizard', () => {
  test('imports xeducation_Leads.csv without any manual fix and shows every row', async ({
    page,
  }) => {
    const data = new DataPage(page);
    await data.goto();
    await saveScreenshot(page, 'data-empty-en');

    await data.chooseFile(`${FIXTURES}/xeducation_Leads.csv`);

    await expect(data.review()).toBeVisible({ timeout: 30_000 });
    await expect(data.summary()).toContainText('9,240 rows are ready to import');
    await expect(data.summary()).toContainText('13,380 placeholder values');
    await expect(data.readExplanation()).toContainText('Detected UTF-8');
    await expect(data.readExplanation()).toContainText('Delimiter detected: Comma');
    await expect(data.mappingRow('City')).toContainText('Mumbai');
    await saveScreenshot(page, 'data-review-en');
    await data.openTab(/Placeholder values/);
    await expect(page.getByTestId('placeholder-table')).toContainText('2,249');

    await data.confirmButton().click();
    const table = new DatasetTablePage(page);
    await expect(table.counts()).toHaveText(
      /^9,240 rows, 37 columns, from xeducation_Leads\.csv, imported \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
    );
    await expect(table.matching()).toContainText('All 9,240 rows');
    expect(await table.rowTexts(0)).toEqual(
      expect.arrayContaining(['1', '7927b2df-8bba-4d29-b9a2-b6e0beafe620', '660737', 'API']),
    );
    await saveScreenshot(page, 'data-table-en');

    await table.goToRow(9240);
    await expect(
      table.table().getByRole('cell', { name: '571b5c8e-a5b2-4d57-8574-f2ffb06fdeff' }),
    ).toBeVisible();

    await table.search('Thane & Outskirts');
    await expect(table.matching()).toHaveText('752 rows match.');
    await table.search('Select');
    await expect(table.matching()).toHaveText(/^(0 rows match\.|.*Select.*)$/);
    await expect(table.rows()).toHaveCount(0);
  });

  test('imports the GBK Alipay export in Chinese and sorts its rows', async ({ page }) => {
    const data = new DataPage(page);
    await data.goto();
    await new AppShellPage(page).switchLanguage('简体中文');
    await saveScreenshot(page, 'data-empty-zh');

    await data.chooseFile(`${FIXTURES}/alipay_example_gbk.csv`);

    await expect(data.review()).toBeVisible({ timeout: 30_000 });
    await expect(data.readExplanation()).toContainText('识别为 GB18030 / GBK（中文 Windows）');
    await expect(data.readExplanation()).toContainText('在第 25 行找到列名');
    await expect(data.readExplanation()).toContainText('表头上方的 22 行');
    await expect(data.summary()).toContainText('10 行可以导入');
    await saveScreenshot(page, 'data-review-zh');

    await data.confirmButton().click();
    const table = new DatasetTablePage(page);
    await expect(table.matching()).toContainText('共 10 行');
    expect((await table.headers()).slice(0, 3)).toEqual(['交易时间', '交易分类', '交易对方']);
    expect(await table.rowTexts(0)).toEqual(
      expect.arrayContaining(['2023-02-12 21:32:14', '亲友代付']),
    );
    await saveScreenshot(page, 'data-table-zh');

    await table.sortBy('交易时间');
    await expect(table.table().getByRole('columnheader', { name: /交易时间/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    const firstTime = (await table.rowTexts(0))[1] ?? '';
    const secondTime = (await table.rowTexts(1))[1] ?? '';
    expect(firstTime <= secondTime).toBe(true);
    expect(firstTime).toBe('2023-01-09 18:21:50');
  });

  test('reads CRM templates with instruction rows, bracketed headers and numeric phones', async ({
    page,
  }) => {
    const data = new DataPage(page);
    await data.goto();

    await data.chooseFile(`${FIXTURES}/5kcrm_leads_model.xls`);
    await expect(data.review()).toBeVisible({ timeout: 30_000 });
    await expect(data.readExplanation()).toContainText('The column names were found in row 2.');
    await expect(data.summary()).toContainText('0 rows are ready to import');
    await expect(data.summary()).toContainText('Errors: 1');
    await expect(page.getByTestId('import-confirm')).toBeDisabled();
    await expect(data.fieldSelect('Field of column 省份(**省)')).toHaveValue('province');
    await expect(data.fieldSelect('Field of column 城市（**市）')).toHaveValue('city');
    await page.getByRole('button', { name: 'Choose another file' }).click();

    await importWithDefaults(data, `${FIXTURES}/jsherp_customer_template.xls`);
    const table = new DatasetTablePage(page);
    await expect(table.matching()).toContainText('All 2 rows');
    expect(await table.rowTexts(0)).toEqual(
      expect.arrayContaining(['客户a', '小梁', '13000000000']),
    );
    expect(await table.headers()).toContain('名称*');
  });

  test('reads workbooks with serial dates, blank rows, merged cells and a table off A1', async ({
    page,
  }) => {
    const data = new DataPage(page);
    const table = new DatasetTablePage(page);
    await data.goto();

    await importWithDefaults(
      data,
      `${FIXTURES}/magicodes_issue236_first_row_empty_serial_dates.xlsx`,
    );
    await expect(table.matching()).toContainText('All 2 rows');
    await expect(
      table.table().getByRole('cell', { name: '2021-01-29', exact: true }),
    ).toBeVisible();
    await expect(
      table.table().getByRole('cell', { name: '2021-01-30', exact: true }),
    ).toBeVisible();

    await data.goto();
    await importWithDefaults(data, `${FIXTURES}/magicodes_issue549_table_starts_at_C1.xlsx`);
    await expect(table.matching()).toContainText('The only row');
    expect(await table.headers()).toEqual(['姓名', '年龄']);
    expect(await table.rowTexts(0)).toEqual(['1', '小明', '28']);

    await data.goto();
    await importWithDefaults(data, `${FIXTURES}/magicodes_vertical_merged_cells.xlsx`);
    await expect(table.matching()).toContainText('All 13 rows');
    expect(await table.rowTexts(3)).toEqual(['4', '4', '李四', '男']);

    await data.goto();
    await data.chooseFile(`${FIXTURES}/magicodes_instruction_row_blank_rows.xlsx`);
    await expect(data.review()).toBeVisible({ timeout: 30_000 });
    await expect(data.summary()).toContainText('6 rows are ready to import');
    await expect(data.summary()).toContainText('3 blank rows are skipped.');
    await data.openTab(/Validation report/);
    await data.page.getByRole('button', { name: /Key column empty/ }).click();
    await expect(page.getByTestId('validation-report')).toContainText(
      'Row 11: 管轴编号 is empty although other cells are filled.',
    );
    await data.confirmButton().click();
    await expect(table.matching()).toContainText('All 6 rows');

    await data.goto();
    await expect(data.datasetRows()).toHaveCount(4);
  });

  test('remembers a changed mapping for the next import of the same header', async ({ page }) => {
    const data = new DataPage(page);
    await data.goto();
    await data.chooseFile(`${FIXTURES}/alipay_example_gbk.csv`);
    await expect(data.review()).toBeVisible({ timeout: 30_000 });

    await data.mapColumn('Field of column 交易对方', 'Name · name');
    await expect(data.fieldSelect('Field of column 交易对方')).toHaveValue('name');
    await expect(data.mappingRow('交易对方')).toContainText('You');
    await data.openTab('Preview');
    await expect(page.getByTestId('preview-table')).toContainText('name');
    await data.confirmButton().click();
    await expect(page).toHaveURL(/\/data\/dataset_/);

    await data.goto();
    await data.chooseFile(`${FIXTURES}/alipay_example_gbk.csv`);
    await expect(data.review()).toBeVisible({ timeout: 30_000 });
    await expect(data.fieldSelect('Field of column 交易对方')).toHaveValue('name');
    await expect(data.mappingRow('交易对方')).toContainText('Remembered');
  });

  test('says what an existing-owners list lacks and imports it once mapped', async ({ page }) => {
    const data = new DataPage(page);
    await data.goto();
    await data.chooseFile(`${FIXTURES}/jsherp_customer_template.xls`);
    await expect(data.review()).toBeVisible({ timeout: 30_000 });

    await data.chooseKind('Existing owners');
    await expect(page.getByTestId('kind-missing')).toContainText('Map a column to Owner.');
    await expect(data.confirmButton()).toBeDisabled();

    await data.mapColumn('Field of column 联系人', 'Owner · owner');
    await expect(page.getByTestId('kind-missing')).toBeHidden();
    await data.confirmButton().click();

    const table = new DatasetTablePage(page);
    await expect(table.matching()).toContainText('All 2 rows');
    await expect(table.table().getByRole('columnheader', { name: /联系人/ })).toContainText(
      'owner_id',
    );
    await data.goto();
    await expect(data.datasetRow('jsherp_customer_template')).toContainText('Existing owners');
  });

  test('cancels an import halfway and leaves the stored data as it was', async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    const path = testInfo.outputPath('generated-leads.csv');
    writeGeneratedLeads(path, 500_000);
    const data = new DataPage(page);
    await data.goto();
    await importWithDefaults(data, `${FIXTURES}/magicodes_issue549_table_starts_at_C1.xlsx`);
    await data.goto();
    const before = await countStoredData(page);

    await data.chooseFile(path);
    await expect(data.review()).toBeVisible({ timeout: 120_000 });
    await data.confirmButton().click();
    // Storing is fast, so cancel as soon as the first rows are saved and take
    // the screenshot afterwards.
    await expect(data.progress()).toContainText(/Saving rows: [1-9][\d,]* of 500,000/, {
      timeout: 60_000,
    });
    await page.getByRole('button', { name: 'Cancel import' }).click();
    await saveScreenshot(page, 'data-cancelled-en');

    await expect(data.notice()).toContainText('The import was cancelled. Nothing was saved');
    expect(await countStoredData(page)).toEqual(before);
    await page.getByRole('button', { name: 'Choose another file' }).click();
    await expect(data.datasetRows()).toHaveCount(1);
  });

  test('renames and deletes a dataset after confirmation', async ({ page }) => {
    const data = new DataPage(page);
    await data.goto();
    await importWithDefaults(data, `${FIXTURES}/magicodes_issue549_table_starts_at_C1.xlsx`);
    await data.goto();

    await data.openDatasetAction('magicodes_issue549_table_starts_at_C1', 'Rename');
    await page.getByRole('dialog').getByLabel('Name').fill('小明的表');
    await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
    await expect(data.datasetRow('小明的表')).toBeVisible();

    await data.openDatasetAction('小明的表', 'Delete');
    await expect(page.getByRole('dialog')).toContainText('Delete “小明的表” and its 1 row?');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(data.datasetRows()).toHaveCount(0);
    expect(await countStoredData(page)).toEqual({ datasets: 0, chunks: 0 });
  });
});
