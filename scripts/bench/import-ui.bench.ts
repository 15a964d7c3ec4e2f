/**
 * Benchmark of the import wizard in Chromium: a generated 200,000-row CSV is
 * dropped on the Data screen, previewed and stored. Prints the time to the
 * preview, the time to store and the longest main-thread task (from a
 * PerformanceObserver on 'longtask', which reports tasks over 50 ms).
 *
 *   npm run bench:import-ui            builds the app first
 *   npm run bench:import-ui -- --rows 50000 --no-build
 *   npm run bench:import-ui -- --no-build --frames --trace /tmp/import.json
 *   npm run bench:import-ui -- --no-build --file some.xlsx --datasets 500
 *
 * `--frames` also prints each long animation frame with the scripts that ran
 * in it, which tells what a long task was. `--trace FILE` saves a Chromium
 * performance trace of the run, to open in the browser's Performance panel.
 * `--file PATH` imports that file in place of the generated one, and
 * `--datasets N` first stores N datasets (their records, without rows) and
 * reports the long tasks of the Data screen that lists them.
 *
 * Needs Chromium at CHROMIUM_PATH or /usr/bin/chromium. Serves the build on
 * 127.0.0.1:BENCH_PORT (default 4373).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { waitForAppDatabase } from '../../e2e/helpers/seed-storage';
import {
  countOption,
  machineLine,
  parseBrowserBenchOptions,
  PageRecorder,
  readLongFrames,
  readLongTasks,
  startBenchBrowser,
  textOption,
  type BrowserBenchOptions,
  type LongFrame,
} from './browser-bench';

interface Options extends BrowserBenchOptions {
  rows: number;
  file: string | undefined;
  datasets: number;
}

function parseOptions(argv: string[]): Options {
  return {
    ...parseBrowserBenchOptions(argv, 4373),
    rows: countOption(argv, '--rows', 200_000),
    file: textOption(argv, '--file'),
    datasets: countOption(argv, '--datasets', 0, 0),
  };
}

/** Writes Chinese leads with 11 columns, quoted company names and 20 % `Select` placeholders. */
function writeLeads(path: string, rows: number): number {
  const lines = ['线索编号,姓名,手机,邮箱,公司名称,省份,城市,来源,行业,创建时间,备注'];
  const provinces = ['浙江', '广东', '江苏', '北京', '上海', '四川'];
  for (let index = 0; index < rows; index++) {
    const city = index % 5 === 0 ? 'Select' : `城市${index % 40}`;
    lines.push(
      [
        `L${String(index).padStart(7, '0')}`,
        `客户${index}`,
        `13${String(800000000 + index).padStart(9, '0')}`,
        `lead${index}@example.com`,
        `"示例科技, 第${index % 900}分公司"`,
        provinces[index % provinces.length],
        city,
        index % 3 === 0 ? '展会' : '官网',
        '教育培训',
        `2026-03-${String((index % 28) + 1).padStart(2, '0')} 10:00:00`,
        `备注 ${index}`,
      ].join(','),
    );
  }
  const text = lines.join('\r\n') + '\r\n';
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

/** Prints each long animation frame with its phase and the scripts that took 5 ms or more. */
function printFrames(frames: LongFrame[], phaseOf: (time: number) => string): void {
  for (const frame of frames) {
    console.log(
      `long frame: ${Math.round(frame.duration)} ms (blocking ${Math.round(frame.blockingDuration)} ms, rendering ${Math.round(frame.renderDuration)} ms), after "${phaseOf(frame.start)}"`,
    );
    for (const script of frame.scripts.filter((entry) => entry.duration >= 5)) {
      console.log(
        `  ${Math.round(script.duration)} ms ${script.invoker} → ${script.source}` +
          (script.forcedLayout >= 1
            ? ` (forced layout ${Math.round(script.forcedLayout)} ms)`
            : ''),
      );
    }
  }
}

/**
 * Stores `count` dataset records (without rows) in the app's database,
 * reloads the Data screen until it lists its first page, and prints the long
 * tasks of that load and of scrolling to the page's end.
 */
async function listDatasets(page: Page, count: number): Promise<void> {
  await waitForAppDatabase(page);
  await page.evaluate(async (total) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sras');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const transaction = database.transaction('datasets', 'readwrite');
      const columns = ['name', 'phone', 'city'].map((key) => ({ key, header: key, field: key }));
      for (let index = 0; index < total; index++) {
        transaction.objectStore('datasets').put({
          id: `dataset_bench_${index}`,
          name: `线索 ${index}`,
          kind: 'leads',
          importedAt: Date.now() - index * 60_000,
          rowCount: 1000 + index,
          chunkSize: 5000,
          columns,
          origin: { fileName: `leads-${index}.csv`, encoding: 'utf-8' },
        });
      }
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    database.close();
  }, count);

  // The reload starts a new record of long tasks.
  await page.reload();
  // The list shows 25 datasets a page (DATASETS_PER_PAGE in DatasetsTable.tsx).
  const lastRow = page.getByTestId('dataset-row').nth(Math.min(count, 25) - 1);
  await lastRow.waitFor({ timeout: 120_000 });
  await lastRow.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  const tasks = await readLongTasks(page);
  const longest = tasks.reduce((max, [, duration]) => Math.max(max, duration), 0);
  console.log(
    `Data screen listing ${count} datasets: ${tasks.length} long tasks from reload to the first page's last row, longest ${longest === 0 ? 'none over 50 ms' : `${Math.round(longest)} ms`}`,
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const directory = mkdtempSync(join(tmpdir(), 'sras-bench-'));
  const file = options.file ?? join(directory, 'leads-200k.csv');
  const bytes = options.file ? statSync(file).size : writeLeads(file, options.rows);

  const { baseUrl, browser, close } = await startBenchBrowser(options);
  try {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 720 },
      locale: 'en-US',
      serviceWorkers: 'block',
    });
    const recorder = await PageRecorder.start(browser, page, options);
    await page.goto(`${baseUrl}/data`);
    await page.getByTestId('import-dropzone').waitFor();
    if (options.datasets > 0) await listDatasets(page, options.datasets);
    const loadTasks = (await readLongTasks(page)).length;
    const loadFrames = (await readLongFrames(page)).length;
    await recorder.startTrace();

    const now = () => page.evaluate(() => performance.now());
    const marks: [string, number][] = [['choose file', await now()]];
    const start = Date.now();
    await page.getByTestId('import-dropzone').locator('input[type=file]').setInputFiles(file);
    marks.push(['file set', await now()]);
    // A small file may reach the review before a progress frame is drawn.
    await page
      .getByTestId('import-progress')
      .or(page.getByTestId('import-review'))
      .first()
      .waitFor();
    marks.push(['progress shown', await now()]);
    await page.getByTestId('import-review').waitFor({ timeout: 600_000 });
    const preview = Date.now() - start;
    marks.push(['preview shown', await now()]);

    const storeStart = Date.now();
    await page.getByTestId('import-confirm').click();
    await page.waitForURL(/\/data\/dataset_/, { timeout: 600_000 });
    const store = Date.now() - storeStart;
    marks.push(['stored', await now()]);
    await page
      .getByTestId('table-matching')
      .getByText(/All [\d,]+ rows/)
      .waitFor({ timeout: 600_000 });
    const tableReady = Date.now() - storeStart;
    marks.push(['table loaded', await now()]);

    await page.getByTestId('dataset-rows-table').evaluate((element) => {
      element.scrollTop = element.scrollHeight / 2;
    });
    await page.waitForTimeout(500);
    await recorder.stopTrace();

    const tasks = (await readLongTasks(page)).slice(loadTasks);
    const frames = (await readLongFrames(page)).slice(loadFrames);
    const longest = tasks.reduce((max, [, duration]) => Math.max(max, duration), 0);
    const version = browser.version();
    const phaseOf = (time: number) =>
      [...marks].reverse().find(([, mark]) => mark <= time)?.[0] ?? 'page load';
    for (const [taskStart, duration] of tasks) {
      console.log(`long task: ${Math.round(duration)} ms, after "${phaseOf(taskStart)}"`);
    }
    if (options.frames) printFrames(frames, phaseOf);
    console.log(
      [
        options.file
          ? `file: ${options.file} (${(bytes / 1e6).toFixed(1)} MB)`
          : `rows: ${options.rows.toLocaleString('en')} (${(bytes / 1e6).toFixed(1)} MB)`,
        `time to preview: ${(preview / 1000).toFixed(2)} s`,
        `time to store: ${(store / 1000).toFixed(2)} s (table loaded after ${(tableReady / 1000).toFixed(2)} s)`,
        `long tasks during the import: ${tasks.length}, longest ${longest === 0 ? 'none over 50 ms' : `${Math.round(longest)} ms`}`,
        machineLine(version),
      ].join('\n'),
    );
  } finally {
    await close();
    rmSync(directory, { recursive: true, force: true });
  }
}

await main();
