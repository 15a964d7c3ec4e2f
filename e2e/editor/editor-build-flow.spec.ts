import { expect, test, type Page } from '@playwright/test';
import { AppShellPage } from '../pages/AppShellPage';
import type { EditorPage } from '../pages/EditorPage';
import { saveScreenshot } from '../helpers/screenshots';
import { addNodeByDrag, chooseOption, openNewFlowInEditor, seedReps } from '../helpers/editor';

const EAST_TEAM = [
  { id: 'rep-zhang', name: '张伟', team: '华东一组' },
  { id: 'rep-li', name: '李娜', team: '华东一组' },
  { id: 'rep-wang', name: '王芳', team: '华南组' },
];

/** Text of the interface in one language, for the steps that read labels. */
interface Words {
  field: string;
  value: string;
  addRule: string;
  sourceOption: string;
  addTeam: string;
  summary: string;
  region: string;
  reps: string;
}

const ENGLISH: Words = {
  field: 'Field',
  value: 'Value',
  addRule: 'Add rule',
  sourceOption: 'Source (source)',
  addTeam: 'Add a whole team',
  summary: 'Source = 展会',
  region: 'East China',
  reps: '2 reps',
};

const CHINESE: Words = {
  field: '字段',
  value: '值',
  addRule: '添加条件',
  sourceOption: '来源 (source)',
  addTeam: '添加整个团队',
  summary: '来源 = 展会',
  region: '华东',
  reps: '2 人',
};

/**
 * Build "filter source = 展会, split by region, round robin in East China,
 * overflow to the pool" from the palette, as a newcomer would.
 */
async function buildTradeShowFlow(page: Page, editor: EditorPage, words: Words) {
  const sourceId = await editor.nodeId(editor.nodesOfType('source').first());
  const filterId = await addNodeByDrag(editor, 'filter', { x: 120, y: 60 });
  const regionId = await addNodeByDrag(editor, 'regionSplit', { x: 120, y: 260 });
  const robinId = await addNodeByDrag(editor, 'roundRobin', { x: 420, y: 60 });
  const poolId = await addNodeByDrag(editor, 'pool', { x: 420, y: 300 });

  await editor.selectNode(filterId);
  await editor
    .settings()
    .getByRole('button', { name: `+ ${words.addRule}`, exact: true })
    .click();
  await chooseOption(
    page,
    editor.settings().getByRole('combobox', { name: words.field }).first(),
    words.sourceOption,
  );
  await editor.settings().getByRole('textbox', { name: words.value }).first().fill('展会');
  await expect(editor.node(filterId)).toContainText(words.summary);

  await editor.selectNode(regionId);
  await editor.settings().getByTestId('region-preset').click();
  await expect(editor.handle(regionId, 'east')).toBeVisible();

  await editor.selectNode(robinId);
  await chooseOption(
    page,
    editor.settings().getByRole('combobox', { name: words.addTeam }),
    '华东一组',
  );
  await expect(editor.node(robinId)).toContainText(words.reps);

  await page.getByTestId('toolbar-layout').click();
  await editor.fitView();
  await editor.connect(sourceId, 'out', filterId);
  await editor.connect(filterId, 'match', regionId);
  await editor.connect(filterId, 'else', poolId);
  await editor.connect(regionId, 'east', robinId);
  await editor.connect(robinId, 'overflow', poolId);
  await expect(editor.edges()).toHaveCount(5);
  await page.getByTestId('toolbar-layout').click();
  await editor.fitView();

  return { filterId, regionId, robinId, poolId };
}

test.describe('building a flow', () => {
  // Many drags and a reload: slower than the default test timeout on a busy two-core machine.
  test.describe.configure({ timeout: 180_000 });

  test('builds the trade-show flow in English and finds it after a reload', async ({ page }) => {
    const editor = await openNewFlowInEditor(page, 'Trade show leads');
    await seedReps(page, EAST_TEAM);
    await page.reload();
    await editor.waitUntilReady();

    const ids = await buildTradeShowFlow(page, editor, ENGLISH);
    await editor.waitForSaved();
    await saveScreenshot(page, 'editor-en');
    await page.reload();
    await editor.waitUntilReady();

    await expect(editor.nodes()).toHaveCount(5);
    await expect(editor.edges()).toHaveCount(5);
    await expect(editor.node(ids.filterId)).toContainText(ENGLISH.summary);
    await expect(editor.node(ids.regionId)).toContainText(ENGLISH.region);
    await expect(editor.node(ids.robinId)).toContainText(ENGLISH.reps);
    await editor.selectNode(ids.filterId);
    await expect(
      editor.settings().getByRole('textbox', { name: ENGLISH.value }).first(),
    ).toHaveValue('展会');
  });

  test('builds the trade-show flow in Chinese and finds it after a reload', async ({ page }) => {
    const editor = await openNewFlowInEditor(page, '展会线索分配');
    await seedReps(page, EAST_TEAM);
    await page.reload();
    await editor.waitUntilReady();
    await new AppShellPage(page).switchLanguage('简体中文');

    const ids = await buildTradeShowFlow(page, editor, CHINESE);
    await editor.waitForSaved();
    await saveScreenshot(page, 'editor-zh-CN');
    await page.reload();
    await editor.waitUntilReady();

    await expect(editor.nodes()).toHaveCount(5);
    await expect(editor.edges()).toHaveCount(5);
    await expect(editor.node(ids.filterId)).toContainText(CHINESE.summary);
    await expect(editor.node(ids.regionId)).toContainText(CHINESE.region);
    await expect(editor.node(ids.robinId)).toContainText(CHINESE.reps);
  });
});
