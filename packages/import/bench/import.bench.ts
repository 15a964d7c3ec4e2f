/**
 * Import benchmark: parses a generated 200,000-row Chinese lead CSV (UTF-8
 * and GB18030) through the streaming API, discarding rows as they arrive, and
 * through `importFile`, which keeps them. Prints time, rows per second and
 * the heap sampled after every chunk and after a final garbage collection.
 * Run with `npm run bench:import`.
 */
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';

import iconv from 'iconv-lite';

import { importCsvStream, importFile } from '@sras/import';

const ROWS = 200_000;
const CHUNK_BYTES = 1024 * 1024;
const SURNAMES = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰'];
const PROVINCES = ['浙江省', '广东', '江苏省', '北京市', '上海', '四川省', '湖北', '山东省'];
const CITIES = ['杭州', '深圳', '南京', '北京', '上海', '成都', '武汉', '济南'];
const SOURCES = ['百度推广', '展会', '官网表单', '转介绍', 'Select'];

function generateCsv(rows: number): string {
  const lines = ['客户编号,姓名,手机,座机,邮箱,公司名称,省份,城市,来源,创建时间,备注'];
  for (let i = 0; i < rows; i++) {
    const name = `${SURNAMES[i % 10]}${GIVEN[Math.floor(i / 10) % 10]}`;
    const mobile = `13${String(800000000 + i).padStart(9, '0')}`;
    const landline = `0571-${String(80000000 + (i % 9_999_999)).padStart(8, '0')}`;
    lines.push(
      [
        String(i).padStart(8, '0'),
        name,
        mobile,
        landline,
        `lead${i}@example.com`,
        `"杭州示例${i % 5000}科技有限公司"`,
        PROVINCES[i % PROVINCES.length],
        CITIES[i % CITIES.length],
        SOURCES[i % SOURCES.length],
        `2024-05-${String((i % 28) + 1).padStart(2, '0')} 09:30:00`,
        i % 7 === 0 ? '"需要回访, 周三下午"' : '',
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function* chunksOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    yield bytes.subarray(offset, offset + CHUNK_BYTES);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function benchStream(label: string, bytes: Uint8Array): Promise<void> {
  global.gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let rows = 0;
  const started = performance.now();

  await importCsvStream(chunksOf(bytes), {
    totalBytes: bytes.length,
    onRows: (batch) => {
      rows += batch.length;
    },
    onProgress: () => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    },
  });

  const seconds = (performance.now() - started) / 1000;
  global.gc?.();
  const retained = process.memoryUsage().heapUsed - baseline;
  console.log(
    `${label.padEnd(34)} ${rows} rows  ${seconds.toFixed(2)} s  ${Math.round(rows / seconds)} rows/s  ` +
      `heap peak +${megabytes(peak - baseline)}, retained after GC +${megabytes(retained)}`,
  );
}

async function benchWholeFile(label: string, bytes: Uint8Array): Promise<void> {
  global.gc?.();
  const baseline = process.memoryUsage().heapUsed;
  const started = performance.now();

  const result = await importFile(bytes);

  const seconds = (performance.now() - started) / 1000;
  const held = process.memoryUsage().heapUsed - baseline;
  console.log(
    `${label.padEnd(34)} ${result.rows.length} rows  ${seconds.toFixed(2)} s  ${Math.round(result.rows.length / seconds)} rows/s  heap holding rows +${megabytes(held)}`,
  );
}

async function main(): Promise<void> {
  const text = generateCsv(ROWS);
  const utf8 = new TextEncoder().encode(text);
  const gb18030 = new Uint8Array(iconv.encode(text, 'gb18030'));
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${megabytes(totalmem())} RAM, Node ${process.version}`,
  );
  console.log(
    `input: ${ROWS} rows × 11 columns, UTF-8 ${megabytes(utf8.length)}, GB18030 ${megabytes(gb18030.length)}`,
  );

  await benchStream('stream, UTF-8, rows discarded', utf8);
  await benchStream('stream, GB18030, rows discarded', gb18030);
  await benchWholeFile('importFile, UTF-8, rows kept', utf8);
}

await main();
