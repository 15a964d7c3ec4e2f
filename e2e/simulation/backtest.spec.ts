import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AppShellPage } from '../pages/AppShellPage';
import { EditorPage } from '../pages/EditorPage';
import { FlowsPage } from '../pages/FlowsPage';
import { SimulationPage } from '../pages/SimulationPage';
import { VersionsPage } from '../pages/VersionsPage';
import { parseCsv, prepareSimulation, runCli, seedRepsFromFile } from './simulation-helpers';

const FIXTURES = 'e2e/simulation/fixtures';
const XEDUCATION = 'e2e/fixtures/data/xeducation_Leads.csv';
const FLOW_NAME = 'Mumbai quota and Maharashtra round robin';
const REPS = `${FIXTURES}/xeducation-reps.json`;
const APP_TIME = '2026-12-02T10:00';
const CLI_TIME = '2026-12-02T10:00:00+08:00';

interface StoredFlows {
  draft: { nodes: { id: string; data: Record<string, unknown> }[] };
  versions: { name: string; document: unknown }[];
}

/** Reads the flow's draft and saved versions from the app's database. */
async function readStoredFlows(page: Page, flowName: string): Promise<StoredFlows> {
  return page.evaluate(async (name) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sras');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T>(table: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = database.transaction(table).objectStore(table).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const flows = await all<{ id: string; name: string; document: StoredFlows['draft'] }>('flows');
    const flow = flows.find((candidate) => candidate.name === name);
    const versions = await all<{ flowId: string; name: string; document: unknown }>('flowVersions');
    database.close();
    if (!flow) throw new Error(`No flow named ${name}`);
    return {
      draft: flow.document,
      versions: versions.filter((version) => version.flowId === flow.id),
    };
  }, flowName);
}

/** Owner per lead and leads per owner (null for unassigned) of a `sras allocate` result. */
function allocate(flow: unknown): { owners: string[]; counts: Map<string | null, number> } {
  const directory = mkdtempSync(join(tmpdir(), 'sras-backtest-'));
  const path = join(directory, 'flow.json');
  writeFileSync(path, JSON.stringify(flow));
  const cli = runCli({ flow: path, leads: XEDUCATION, reps: REPS, now: CLI_TIME });
  const rows = parseCsv(cli.csv.toString('utf8').replace(/^\uFEFF/, ''));
  const ownerIndex = (rows[0] as string[]).indexOf('owner_id');
  const owners = rows.slice(1).map((row) => row[ownerIndex] ?? '');
  const counts = new Map<string | null, number>();
  for (const owner of owners) counts.set(owner || null, (counts.get(owner || null) ?? 0) + 1);
  return { owners, counts };
}

test.describe('backtest', () => {
  test.setTimeout(240_000);

  test('lists changed leads and counts per rep', async ({ page }) => {
    await seedRepsFromFile(page, REPS);
    await prepareSimulation(page, {
      flow: `${FIXTURES}/xeducation-flow.json`,
      flowName: FLOW_NAME,
      leads: XEDUCATION,
    });

    // Save the imported flow as a version, then lower the Mumbai quota in the editor.
    const flows = new FlowsPage(page);
    await flows.goto();
    await flows.openRowAction(FLOW_NAME, 'Versions');
    await new VersionsPage(page).saveVersion('Quota 1000');
    await flows.goto();
    await flows.row(FLOW_NAME).getByRole('link').first().click();
    const editor = new EditorPage(page);
    await editor.waitUntilReady();
    await editor.selectNode('mumbaiQuota');
    await editor.settings().getByRole('textbox', { name: 'At most' }).fill('300');
    await editor.waitForSaved();

    const stored = await readStoredFlows(page, FLOW_NAME);
    const version = stored.versions.find((candidate) => candidate.name === 'Quota 1000');
    expect(stored.draft.nodes.find((node) => node.id === 'mumbaiQuota')?.data.limit).toBe(300);
    const before = allocate(version?.document);
    const after = allocate(stored.draft);
    const changed = before.owners.flatMap((owner, index) =>
      owner === after.owners[index] ? [] : [index],
    );
    expect(changed.length).toBeGreaterThan(0);

    await page.getByTestId('toolbar-simulate').click();
    const simulation = new SimulationPage(page);
    await simulation.setTime(APP_TIME);
    await simulation.run();
    await simulation.openTab('tab-backtest');
    const panel = page.getByTestId('backtest-panel');
    await panel.getByTestId('backtest-run').click();

    const total = before.owners.length;
    await expect(panel.getByTestId('backtest-changed')).toHaveText(
      `${changed.length.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} leads change rep`,
      { timeout: 120_000 },
    );

    // Leads per rep before and after, as the CLI counted them.
    const names = new Map<string | null, string>([
      ['priya', 'Priya Shah'],
      ['arjun', 'Arjun Rao'],
      ['meera', 'Meera Iyer'],
      ['rahul', 'Rahul Desai'],
      [null, 'Unassigned'],
    ]);
    const owners = new Set([...before.counts.keys(), ...after.counts.keys()]);
    const repRows = panel.getByTestId('backtest-reps').locator('tbody tr');
    await expect(repRows).toHaveCount(owners.size);
    const signed = new Intl.NumberFormat('en-US', { signDisplay: 'exceptZero' });
    for (const owner of owners) {
      const countBefore = before.counts.get(owner) ?? 0;
      const countAfter = after.counts.get(owner) ?? 0;
      await expect(repRows.filter({ hasText: names.get(owner) ?? String(owner) })).toHaveText(
        [
          names.get(owner) ?? String(owner),
          countBefore.toLocaleString('en-US'),
          countAfter.toLocaleString('en-US'),
          signed.format(countAfter - countBefore),
        ].join(''),
      );
    }

    // The list shows only the changed leads, in file order.
    await expect(panel.getByTestId('results-count')).toHaveText(
      `${changed.length.toLocaleString('en-US')} leads`,
    );
    const first = changed[0] as number;
    const row = panel.getByTestId('result-row').first();
    await expect(row.getByTestId('result-number')).toHaveText(String(first + 1));
    await expect(row.getByTestId('result-compared-owner')).toHaveText(
      names.get(before.owners[first] || null) as string,
    );
    await expect(row.getByTestId('result-owner')).toHaveText(
      names.get(after.owners[first] || null) as string,
    );

    // The same comparison reads in Chinese.
    await new AppShellPage(page).switchLanguage('简体中文');
    await expect(panel.getByTestId('backtest-changed')).toHaveText(
      `${changed.length.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')} 条线索换了销售`,
    );
    await expect(repRows.filter({ hasText: '未分配' })).toHaveCount(owners.has(null) ? 1 : 0);
  });
});
