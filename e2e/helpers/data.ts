import { writeFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { DataPage } from '../pages/DataPage';

/** Counts the dataset records and row chunks stored in the app's IndexedDB database. */
export async function countStoredData(page: Page): Promise<{ datasets: number; chunks: number }> {
  return page.evaluate(
    () =>
      new Promise<{ datasets: number; chunks: number }>((resolve, reject) => {
        const request = indexedDB.open('sras');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const database = request.result;
          const transaction = database.transaction(['datasets', 'datasetRows'], 'readonly');
          const datasets = transaction.objectStore('datasets').count();
          const chunks = transaction.objectStore('datasetRows').count();
          transaction.oncomplete = () => {
            resolve({ datasets: datasets.result, chunks: chunks.result });
            database.close();
          };
        };
      }),
  );
}

/** Writes a CSV of `rows` generated Chinese leads to `path`. */
export function writeGeneratedLeads(path: string, rows: number): void {
  const lines = ['姓名,手机,公司名称,省份,城市,来源,备注'];
  for (let index = 0; index < rows; index++) {
    const phone = `13${String(800000000 + index).padStart(9, '0')}`;
    lines.push(
      `客户${index},${phone},"示例科技, 第${index % 500}分公司",浙江,杭州,展会,第${index}行`,
    );
  }
  writeFileSync(path, lines.join('\r\n') + '\r\n');
}

/** Imports a file with every suggestion accepted and waits for its table view. */
export async function importWithDefaults(data: DataPage, path: string): Promise<void> {
  await data.chooseFile(path);
  await expect(data.review()).toBeVisible({ timeout: 60_000 });
  await data.confirmButton().click();
  await expect(data.page).toHaveURL(/\/data\/dataset_/, { timeout: 60_000 });
}
