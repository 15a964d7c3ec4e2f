import { expect, type Page } from '@playwright/test';
import { EditorPage } from '../pages/EditorPage';
import { FlowsPage } from '../pages/FlowsPage';

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
