import { expect, type Page } from '@playwright/test';
import { EditorPage } from '../pages/EditorPage';
import { FlowsPage } from '../pages/FlowsPage';
import { waitForAppDatabase } from './seed-storage';

/** Create a flow from the list and wait for its editor; the interface is English. */
export async function openNewFlowInEditor(page: Page, name: string): Promise<EditorPage> {
  const flows = new FlowsPage(page);
  await flows.goto();
  await flows.clickNewFlow();
  await flows.submitNameDialog(name);

  const editor = new EditorPage(page);
  await editor.waitUntilReady();
  return editor;
}

/** Drop a node of `type` at a point of the pane and return the new node's id. */
export async function addNodeByDrag(
  editor: EditorPage,
  type: string,
  position: { x: number; y: number },
): Promise<string> {
  const before = await editor.nodesOfType(type).count();
  await editor.dragFromPalette(type, position);
  await expect(editor.nodesOfType(type)).toHaveCount(before + 1);
  return editor.nodeId(editor.nodesOfType(type).nth(before));
}

/** Pick a value in a Mantine select or autocomplete inside `scope` by its label text. */
export async function chooseOption(
  page: Page,
  input: ReturnType<Page['locator']>,
  option: string | RegExp,
): Promise<void> {
  await input.click();
  await page.getByRole('option', { name: option }).first().click();
}

/** A rep as the `reps` table stores it. */
export interface SeedRep {
  id: string;
  name: string;
  team: string;
  active?: boolean;
  weight?: number;
}

/**
 * Put reps straight into the app's IndexedDB `reps` table, as a template or an
 * import would, so that rep pickers have people to offer. The page must have
 * opened the app once so that the database exists.
 */
export async function seedReps(page: Page, reps: SeedRep[]): Promise<void> {
  await waitForAppDatabase(page);
  await page.evaluate(async (rows) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sras');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const now = Date.now();
    await new Promise<void>((resolve, reject) => {
      const transaction = database.transaction('reps', 'readwrite');
      for (const rep of rows)
        transaction
          .objectStore('reps')
          .put({ active: true, ...rep, createdAt: now, updatedAt: now });
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    database.close();
  }, reps);
}
