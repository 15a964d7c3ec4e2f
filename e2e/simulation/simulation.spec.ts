import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { expect, test } from '@playwright/test';
import { saveScreenshot } from '../helpers/screenshots';
import { writeGb18030Leads } from './china-leads';
import { parseCsv, prepareSimulation, runCli, seedRepsFromFile } from './simulation-helpers';

const FIXTURES = 'e2e/simulation/fixtures';
const XEDUCATION = 'e2e/fixtures/data/xeducation_Leads.csv';
// The same instant for the app (the browser runs in Asia/Shanghai) and the CLI.
const APP_TIME = '2026-12-02T10:00';
const CLI_TIME = '2026-12-02T10:00:00+08:00';

test.describe('simulation', () => {
  test.setTimeout(180_000);

  test('allocates xeducation leads as sras allocate does and explains a lead', async ({ page }) => {
    await seedRepsFromFile(page, `${FIXTURES}/xeducation-reps.json`);
    const simulation = await prepareSimulation(page, {
      flow: `${FIXTURES}/xeducation-flow.json`,
      flowName: 'Mumbai quota and Maharashtra round robin',
      leads: XEDUCATION,
    });
    // The file has no phone or e-mail column, so the duplicate check finds no duplicate.
    await expect(simulation.settings().getByTestId('missing-column').first()).toContainText(
      'Duplicate check: The node reads the column "phone", but the dataset has no such column',
    );
    await simulation.setTime(APP_TIME);
    await simulation.run();
    await expect(
      page.getByText('9,240 leads reached this node with the column empty.').first(),
    ).toBeVisible();

    const cli = runCli({
      flow: `${FIXTURES}/xeducation-flow.json`,
      leads: XEDUCATION,
      reps: `${FIXTURES}/xeducation-reps.json`,
      now: CLI_TIME,
    });
    expect(await simulation.cardNumber('total')).toBe(9240);
    expect(await simulation.cardNumber('total')).toBe(cli.summary.total);
    expect(await simulation.cardNumber('assigned')).toBe(cli.summary.assigned);
    expect(await simulation.cardNumber('unassigned')).toBe(cli.summary.unassigned);
    for (const [repId, count] of Object.entries(cli.summary.byRep)) {
      await expect(page.getByTestId(`rep-assigned-${repId}`)).toHaveText(
        count.toLocaleString('en-US'),
      );
    }
    await expect(simulation.canvas().getByTestId('simulation-count-src')).toHaveText('9,240');
    await saveScreenshot(page, 'simulation-xeducation-overview');

    const exported = await simulation.export('csv');
    const appRows = parseCsv(exported.bytes.toString('utf8').replace(/^\uFEFF/, ''));
    const cliRows = parseCsv(cli.csv.toString('utf8').replace(/^\uFEFF/, ''));
    expect(exported.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(appRows).toHaveLength(9241);
    expect(appRows).toHaveLength(cliRows.length);
    const ownerColumn = (rows: string[][]) => {
      const index = (rows[0] as string[]).indexOf('owner_id');
      return rows.map((row) => row[index]);
    };
    const routeColumn = (rows: string[][]) => {
      const index = (rows[0] as string[]).indexOf('route');
      return rows.map((row) => row[index]);
    };
    expect(ownerColumn(appRows)).toEqual(ownerColumn(cliRows));
    expect(routeColumn(appRows)).toEqual(routeColumn(cliRows));

    await simulation.openTab('tab-leads');
    const prospectId = (cliRows[1] as string[])[0] as string;
    await simulation.search(prospectId);
    await expect(simulation.rows()).toHaveCount(1);
    await simulation.selectFirstRow();
    await expect(simulation.explanation().getByTestId('explanation-text')).not.toBeEmpty();
    await saveScreenshot(page, 'simulation-xeducation-lead');
  });

  test('runs a GB18030 Chinese file, exports CSV and XLSX and matches the CLI byte for byte', async ({
    page,
  }) => {
    const directory = mkdtempSync(join(tmpdir(), 'sras-gb-'));
    const leads = join(directory, '展会线索.csv');
    writeGb18030Leads(leads, 300);
    await seedRepsFromFile(page, `${FIXTURES}/china-reps.json`);
    const simulation = await prepareSimulation(page, {
      flow: `${FIXTURES}/china-flow.json`,
      flowName: '展会线索分区轮询',
      leads,
    });
    await simulation.setTime(APP_TIME);
    await simulation.run();

    const cli = runCli({
      flow: `${FIXTURES}/china-flow.json`,
      leads,
      reps: `${FIXTURES}/china-reps.json`,
      now: CLI_TIME,
    });
    expect(await simulation.cardNumber('total')).toBe(300);
    expect(await simulation.cardNumber('assigned')).toBe(cli.summary.assigned);

    const csv = await simulation.export('csv');
    expect(csv.bytes.equals(cli.csv)).toBe(true);
    const rows = parseCsv(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(301);
    const header = rows[0] as string[];
    const first = rows[1] as string[];
    expect(first[header.indexOf('客户名称')]).toBe('杭州示例0科技有限公司');
    expect(first[header.indexOf('座机')]).toBe('057108000000');
    expect(first[header.indexOf('邮编')]).toBe('010000');
    expect(first[header.indexOf('备注')]).toBe(`'=HYPERLINK("x0")`);

    const xlsx = await simulation.export('xlsx');
    const workbook = XLSX.read(xlsx.bytes, { type: 'buffer' });
    const sheet = workbook.Sheets[workbook.SheetNames[0] as string] as XLSX.WorkSheet;
    const table = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false });
    expect(table).toHaveLength(301);
    expect((table[1] as string[])[header.indexOf('座机')]).toBe('057108000000');
    expect((table[1] as string[])[header.indexOf('客户名称')]).toBe('杭州示例0科技有限公司');
    const remarkCell = sheet[
      XLSX.utils.encode_cell({ r: 1, c: header.indexOf('备注') })
    ] as XLSX.CellObject;
    expect(remarkCell.t).toBe('s');
    expect(remarkCell.f).toBeUndefined();

    await simulation.openTab('tab-leads');
    // Lead 1 came from a trade show in 广东省, so the 华南 round robin gave it to 李娜.
    await simulation.search('张先生0');
    await expect(simulation.rows()).toHaveCount(1);
    await simulation.selectFirstRow();
    await expect(simulation.explanation().getByTestId('explanation-text')).toHaveText(
      "“线索评分” scores 35 (展会 +20, 有公司 +5) → 来源 = 展会, so it matches “展会线索” → 省份 广东省 (广东) is in 华南 → “华南组” round robin: 李娜's turn",
    );
  });
});
