import { expect, type Page } from '@playwright/test';

/** A rep as stored in the app's `reps` table. */
export interface SeedRep {
  id: string;
  name: string;
  team: string;
  weight?: number;
  active?: boolean;
  employmentStart?: string;
  employmentEnd?: string;
}

/**
 * Waits until the app's IndexedDB database `sras` has its tables. The app
 * may open it after the load event, and opening `sras` before that would
 * create an empty database without the app's tables. Dexie stores schema
 * version N as IndexedDB version N × 10, so a listed version under 10 is not
 * the app's yet. An open while the app's upgrade runs waits for it to end.
 * This polls with `expect.poll`, because `page.waitForFunction` takes the
 * promise of an async predicate as a truthy result and would not wait.
 */
export async function waitForAppDatabase(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const listed = (await indexedDB.databases()).some(
            (database) => database.name === 'sras' && (database.version ?? 0) >= 10,
          );
          if (!listed) return false;

          const database = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open('sras');
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          const ready = database.objectStoreNames.contains('reps');
          database.close();
          return ready;
        }),
      { message: 'the app did not create its IndexedDB database "sras"' },
    )
    .toBe(true);
}

/**
 * Writes records into the app's IndexedDB database `sras` (opened by the app
 * first, so the schema exists), then reloads so the screens read them.
 */
export async function seedTables(page: Page, tables: Record<string, unknown[]>): Promise<void> {
  await waitForAppDatabase(page);
  await page.evaluate(async (data) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sras');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const transaction = database.transaction(Object.keys(data), 'readwrite');
      for (const [table, records] of Object.entries(data)) {
        for (const record of records) transaction.objectStore(table).put(record);
      }
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    database.close();
  }, tables);
  await page.reload();
}

/** Stores reps as the team screen would. */
export async function seedReps(page: Page, reps: SeedRep[]): Promise<void> {
  const now = Date.now();
  await seedTables(page, {
    reps: reps.map((rep) => ({ weight: 1, active: true, createdAt: now, updatedAt: now, ...rep })),
  });
}

/** Seven reps in two teams; 赵敏 joins on 1 July 2027. */
export const SEVEN_REPS: SeedRep[] = [
  { id: 'r1', name: '张伟', team: '华东一组' },
  { id: 'r2', name: '王芳', team: '华东一组' },
  { id: 'r3', name: '李娜', team: '华东一组' },
  { id: 'r4', name: '刘洋', team: '华南组' },
  { id: 'r5', name: '陈静', team: '华南组' },
  { id: 'r6', name: '杨磊', team: '华南组' },
  { id: 'r7', name: '赵敏', team: '华南组', employmentStart: '2027-07-01' },
];
