import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DataPage } from '../pages/DataPage';
import { SimulationPage } from '../pages/SimulationPage';

/**
 * Takes the user guide's screenshots from the real app, in Chinese and in
 * English, into docs/images/<language>/, so that the guide shows the app as
 * it is. Each step is also checked, so a broken step fails here.
 */
const LANGUAGES = [
  { code: 'zh-CN', use: '使用模板' },
  { code: 'en', use: 'Use template' },
] as const;

// A fixed allocation time, still animations and hidden notifications (whose
// timing varies) keep the images the same from run to run, so running the
// suite leaves the committed images unchanged unless the app's look changed.
const GUIDE_TIME = '2026-12-02T10:00';

async function shoot(page: Page, language: string, name: string): Promise<void> {
  mkdirSync(`docs/images/${language}`, { recursive: true });
  await page.screenshot({
    path: `docs/images/${language}/${name}.png`,
    animations: 'disabled',
    caret: 'hide',
    style: '.mantine-Notifications-root { display: none !important; }',
  });
}

for (const language of LANGUAGES) {
  test(`guide screenshots in ${language.code}`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1360, height: 860 });
    await page.addInitScript(
      (code) => window.localStorage.setItem('sras.language', code),
      language.code,
    );

    await page.goto('/templates');
    await expect(page.getByTestId('template-card').first()).toBeVisible();
    await shoot(page, language.code, 'templates');

    await page
      .getByTestId('template-card')
      .first()
      .getByRole('button', { name: new RegExp(`^${language.use}`) })
      .click();
    await expect(page.getByTestId('flow-editor')).toBeVisible();
    // The canvas fits the flow without animation once its nodes are measured and shown.
    await expect(page.locator('[data-testid^="flow-node-"]').first()).toBeVisible();
    await shoot(page, language.code, 'editor');

    await page.getByTestId('toolbar-simulate').click();
    const simulation = new SimulationPage(page);
    await expect(simulation.settings()).toBeVisible();
    await simulation.setTime(GUIDE_TIME);
    await simulation.run();
    await shoot(page, language.code, 'simulate');

    await simulation.openTab('tab-leads');
    await simulation.selectFirstRow();
    await expect(simulation.explanation().getByTestId('explanation-text')).not.toBeEmpty();
    await simulation.explanation().scrollIntoViewIfNeeded();
    await shoot(page, language.code, 'lead-reason');

    const data = new DataPage(page);
    await data.goto();
    await data.chooseFile('e2e/fixtures/data/xeducation_Leads.csv');
    await expect(data.review()).toBeVisible({ timeout: 60_000 });
    await shoot(page, language.code, 'import');
  });
}
