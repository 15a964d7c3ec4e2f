import { expect } from '@playwright/test';
import type { FlowsPage } from '../pages/FlowsPage';

/** Creates a flow through the New flow dialog and waits for its row. */
export async function createFlowNamed(flows: FlowsPage, name: string): Promise<void> {
  await flows.clickNewFlow();
  await flows.submitNameDialog(name);
  // Creating a flow opens it in the editor; come back to the list.
  await flows.page.waitForURL(/\/flows\/[^/]+$/);
  await flows.goto();
  await expect(flows.row(name)).toBeVisible();
}

/** Exports a flow through its row menu and returns the parsed file with its name. */
export async function exportFlow(
  flows: FlowsPage,
  name: string,
): Promise<{ fileName: string; content: Record<string, unknown> }> {
  const download = flows.page.waitForEvent('download');
  await flows.openRowAction(name, 'Export as JSON');
  const file = await download;
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return {
    fileName: file.suggestedFilename(),
    content: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
  };
}
