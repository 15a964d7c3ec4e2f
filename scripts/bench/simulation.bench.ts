/**
 * Benchmark of the simulation in Chromium: 1,000,000 generated leads are
 * stored in IndexedDB as an imported dataset would be, a flow with dedup,
 * score, filter, region split, quota, round robin, least loaded and pools is
 * run on them from the simulation screen, then the results table is
 * searched and the CSV exported. Then the run is saved and marked as
 * applied, the simulation screen is opened again from the editor (its form
 * and saved-runs list now know an applied run whose state holds every
 * lead's dedup key), and a second run continues from that state. Prints
 * each time and the longest main-thread task (from a PerformanceObserver on
 * 'longtask', which reports tasks over 50 ms) of each step.
 *
 *   npm run bench:simulation              builds the app first
 *   npm run bench:simulation -- --rows 200000 --no-build
 *   add --frames to print each long animation frame of a step with its
 *   scripts, and --trace FILE to save a Chromium performance trace of the
 *   run and the opening of the results table, and --backup to go on with
 *   a backup of the workspace from the backup screen, read back and restored
 *
 * Needs Chromium at CHROMIUM_PATH or /usr/bin/chromium. Serves the build on
 * 127.0.0.1:BENCH_PORT (default 4374).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { waitForAppDatabase } from '../../e2e/helpers/seed-storage';
import {
  countOption,
  describeLongest,
  describeStep,
  machineLine,
  parseBrowserBenchOptions,
  PageRecorder,
  startBenchBrowser,
  type BrowserBenchOptions,
} from './browser-bench';

interface Options extends BrowserBenchOptions {
  rows: number;
  /** `--backup`: also export, read and restore a backup of the workspace. */
  backup: boolean;
}

function parseOptions(argv: string[]): Options {
  return {
    ...parseBrowserBenchOptions(argv, 4374),
    rows: countOption(argv, '--rows', 1_000_000),
    backup: argv.includes('--backup'),
  };
}

const REPS = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄丽'].map(
  (name, index) => ({
    id: `r${index + 1}`,
    name,
    team: index < 4 ? '华东组' : '华南组',
    active: true,
    weight: index % 3 === 0 ? 2 : 1,
    capacity: { day: 200_000 },
    createdAt: 0,
    updatedAt: 0,
  }),
);

const node = (id: string, type: string, data: Record<string, unknown> = {}) => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data,
});

const FLOW = {
  format: 'sras.flow',
  version: 1,
  id: 'bench-flow',
  name: '百万线索基准',
  timezone: 'Asia/Shanghai',
  nodes: [
    node('src', 'source'),
    node('dedup', 'dedup', { keys: ['phone'] }),
    node('score', 'score', {
      rules: [{ label: '展会', condition: { '==': [{ var: 'source' }, '展会'] }, points: 30 }],
    }),
    node('filter', 'filter', { condition: { '>=': [{ var: 'score' }, 0] } }),
    node('region', 'regionSplit', {
      field: 'province',
      regions: [
        { id: 'east', label: '华东', values: ['上海', '江苏', '浙江'] },
        { id: 'south', label: '华南', values: ['广东', '广西'] },
      ],
    }),
    node('quota', 'quota', { limit: 150_000, period: 'day' }),
    node('east', 'roundRobin', { assignees: ['r1', 'r2', 'r3', 'r4'].map((repId) => ({ repId })) }),
    node('south', 'roundRobin', {
      assignees: ['r5', 'r6', 'r7', 'r8'].map((repId) => ({ repId })),
    }),
    node('least', 'leastLoaded', { assignees: REPS.map((rep) => ({ repId: rep.id })) }),
    node('dup', 'pool', { reason: '重复' }),
    node('low', 'pool', { reason: '不符合' }),
  ],
  edges: [
    ['src', 'out', 'dedup'],
    ['dedup', 'unique', 'score'],
    ['dedup', 'duplicate', 'dup'],
    ['score', 'out', 'filter'],
    ['filter', 'match', 'region'],
    ['filter', 'else', 'low'],
    ['region', 'east', 'quota'],
    ['region', 'south', 'south'],
    ['region', 'else', 'least'],
    ['quota', 'within', 'east'],
    ['quota', 'overflow', 'least'],
    ['east', 'overflow', 'least'],
    ['south', 'overflow', 'least'],
  ].map(([source, sourceHandle, target], index) => ({
    id: `e${index}`,
    source,
    sourceHandle,
    target,
  })),
};

/** Stores the flow, the team and `rows` leads (8 columns, 1 in 20 a repeated phone) in the app's database. */
async function seed(page: Page, rows: number): Promise<void> {
  await waitForAppDatabase(page);
  await page.evaluate(
    async ({ rows, flow, reps }) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('sras');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const put = (tables: Record<string, unknown[]>) =>
        new Promise<void>((resolve, reject) => {
          const transaction = database.transaction(Object.keys(tables), 'readwrite');
          for (const [table, records] of Object.entries(tables))
            for (const record of records) transaction.objectStore(table).put(record);
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        });

      const provinces = ['浙江', '广东', '江苏', '北京', '上海', '四川', '广西'];
      const chunkSize = 1000;
      for (let start = 0; start < rows; start += chunkSize * 20) {
        const chunks = [];
        for (
          let offset = start;
          offset < Math.min(start + chunkSize * 20, rows);
          offset += chunkSize
        ) {
          const chunkRows = [];
          for (let index = offset; index < Math.min(offset + chunkSize, rows); index++) {
            const phoneIndex = index % 20 === 19 ? index - 7 : index;
            chunkRows.push({
              id: `L${String(index).padStart(7, '0')}`,
              name: `客户${index}`,
              phone: `13${String(800000000 + phoneIndex).padStart(9, '0')}`,
              company: `示例科技${index % 900}有限公司`,
              province: provinces[index % provinces.length],
              city: `城市${index % 40}`,
              source: index % 3 === 0 ? '展会' : '官网',
              remark: `备注 ${index}`,
            });
          }
          chunks.push({ datasetId: 'bench-leads', chunk: offset / chunkSize, rows: chunkRows });
        }
        await put({ datasetRows: chunks });
      }
      const column = (key: string, header: string, field?: string) => ({
        key,
        header,
        type: 'text',
        ...(field ? { field } : {}),
      });
      await put({
        flows: [
          { id: flow.id, name: flow.name, document: flow, revision: 1, createdAt: 0, updatedAt: 0 },
        ],
        reps,
        datasets: [
          {
            id: 'bench-leads',
            name: 'bench',
            kind: 'leads',
            importedAt: Date.now(),
            rowCount: rows,
            chunkSize,
            columns: [
              column('id', '线索编号', 'id'),
              column('name', '姓名', 'name'),
              column('phone', '手机', 'phone'),
              column('company', '公司名称', 'company'),
              column('province', '省份', 'province'),
              column('city', '城市', 'city'),
              column('source', '来源', 'source'),
              column('remark', '备注'),
            ],
          },
        ],
      });
      database.close();
    },
    { rows, flow: FLOW, reps: REPS },
  );
}

/**
 * Saves the shown run, marks it as applied, opens the simulation screen
 * again from the editor and runs from the applied state, each a step.
 */
async function applyAndContinue(recorder: PageRecorder, baseUrl: string) {
  const { page } = recorder;
  const row = page.getByTestId('saved-runs').getByRole('row', { name: /基准/ });
  const save = await recorder.step('run saved and marked as applied', async () => {
    const start = Date.now();
    await page.getByTestId('save-run').click();
    await page.getByTestId('save-run-name').fill('基准');
    await page.getByTestId('save-run-confirm').click();
    await page.getByTestId('tab-runs').click();
    await row.waitFor({ timeout: 1_800_000 });
    const saved = Date.now() - start;
    await row.getByRole('button', { name: 'Status' }).click();
    // The notifications of the export and the save can cover the menu.
    await page.getByRole('menuitem', { name: 'Mark as applied' }).dispatchEvent('click');
    await page.getByRole('dialog').getByRole('button', { name: 'Mark as applied' }).click();
    await row.getByText('Applied', { exact: true }).waitFor({ timeout: 600_000 });
    return `saved in ${(saved / 1000).toFixed(1)} s`;
  });

  // Opened from the editor inside the app, so that the page's own start-up is not counted.
  await page.goto(`${baseUrl}/flows/bench-flow`);
  await page.getByTestId('toolbar-simulate').waitFor();
  await page.waitForTimeout(2000);
  const continued = page.getByRole('radio', { name: /^Continue from the last applied run/ });
  const open = await recorder.step('simulation screen opened with the applied run', async () => {
    await page.getByTestId('toolbar-simulate').click();
    await continued.and(page.locator(':enabled')).waitFor({ timeout: 600_000 });
    await page.getByTestId('saved-runs').getByRole('row', { name: /基准/ }).waitFor();
  });

  await continued.check();
  const run = await recorder.step('simulation from the applied state', async () => {
    await page.getByTestId('simulation-run').click();
    await page.getByTestId('simulation-rep-chart').waitFor({ timeout: 1_800_000 });
    await page.getByTestId('simulation-count-src').waitFor();
    const total = await page.getByTestId('card-total-value').innerText();
    const duplicates = await page.getByTestId('card-duplicates-value').innerText();
    return `${total} leads, ${duplicates} duplicates kept with their owner`;
  });
  return [save, open, run];
}

/**
 * Exports a backup of the whole workspace (the leads, both runs and the
 * applied run's state) from the backup screen, then reads it back and
 * restores it, each a step.
 */
async function backupAndRestore(recorder: PageRecorder, baseUrl: string) {
  const { page } = recorder;
  const folder = mkdtempSync(join(tmpdir(), 'sras-simulation-bench-'));
  const file = join(folder, 'backup.json');
  try {
    await page.goto(`${baseUrl}/backup`);
    await page.getByRole('button', { name: 'Export backup' }).waitFor();
    await page.waitForTimeout(1000);

    const exported = await recorder.step('backup exported', async () => {
      const download = page.waitForEvent('download', { timeout: 1_800_000 });
      await page.getByRole('button', { name: 'Export backup' }).click();
      await (await download).saveAs(file);
    });
    const read = await recorder.step('backup file read and checked', async () => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose backup file' }).click();
      await (await chooser).setFiles(file);
      await page.getByTestId('restore-summary').waitFor({ timeout: 1_800_000 });
    });
    const restored = await recorder.step('backup restored', async () => {
      await page.getByRole('button', { name: 'Replace and restore' }).click();
      await page.getByText('Backup restored.').waitFor({ timeout: 1_800_000 });
    });
    return [exported, read, restored];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { baseUrl, browser, close } = await startBenchBrowser(options);
  try {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
      acceptDownloads: true,
      serviceWorkers: 'block',
    });
    // tsx compiles this file with esbuild's keepNames, which wraps named
    // functions in a __name helper; functions sent to the page need it too.
    await page.addInitScript('globalThis.__name = (target) => target;');
    const recorder = await PageRecorder.start(browser, page, options);
    await page.goto(`${baseUrl}/flows`);
    const seedStart = Date.now();
    await seed(page, options.rows);
    const seeded = Date.now() - seedStart;

    await page.goto(`${baseUrl}/flows/bench-flow/simulate`);
    await page.getByTestId('simulation-run').waitFor();
    await page.waitForTimeout(1000);

    await recorder.startTrace();
    // The rest of the result view mounts in the frames after the cards:
    // the run's tasks count until the chart and the canvas counts are drawn
    // and the page has been idle for a second.
    const run = await recorder.step('simulation, to the chart and canvas counts', async () => {
      const start = Date.now();
      await page.getByTestId('simulation-run').click();
      await page.getByTestId('card-total-value').waitFor({ timeout: 1_800_000 });
      const toCards = Date.now() - start;
      await page.getByTestId('simulation-rep-chart').waitFor();
      await page.getByTestId('simulation-count-src').waitFor();
      return { toCards, total: await page.getByTestId('card-total-value').innerText() };
    });
    const table = await recorder.step(
      'results table opened',
      async () => {
        await page.getByTestId('tab-leads').click();
        await page.getByTestId('result-owner').filter({ hasText: /\S/ }).first().waitFor();
      },
      { settleMs: 500 },
    );
    await recorder.stopTrace();

    // The last lead's name is the only one that contains it, so one lead is found.
    const search = await recorder.step('search of every lead', async () => {
      await page.getByTestId('results-search').fill(`客户${options.rows - 1}`);
      await page
        .getByTestId('results-count')
        .getByText(/^1 lead$/)
        .waitFor({ timeout: 600_000 });
    });
    const exported = await recorder.step('CSV export', async () => {
      const download = page.waitForEvent('download', { timeout: 1_800_000 });
      await page.getByTestId('export-csv').click();
      await (await download).delete();
    });

    const applied = await applyAndContinue(recorder, baseUrl);
    const backup = options.backup ? await backupAndRestore(recorder, baseUrl) : [];
    console.log(
      [
        `leads: ${options.rows.toLocaleString('en')} (shown total ${run.value.total}), stored in ${(seeded / 1000).toFixed(1)} s`,
        `simulation: ${(run.value.toCards / 1000).toFixed(1)} s to the cards, ${(run.elapsed / 1000).toFixed(1)} s to the chart and canvas counts, longest main-thread task ${describeLongest(run.tasks)}`,
        describeStep(table),
        describeStep(search),
        describeStep(exported),
        ...applied.map(
          (record) => `${describeStep(record)}${record.value ? ` (${record.value})` : ''}`,
        ),
        ...backup.map(describeStep),
        machineLine(browser.version()),
      ].join('\n'),
    );
  } finally {
    await close();
  }
}

await main();
