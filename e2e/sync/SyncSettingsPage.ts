import { expect, type Locator, type Page } from '@playwright/test';

/** The sync settings at /settings/sync and the header's sync status (English interface). */
export class SyncSettingsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/settings/sync');
    await expect(this.page.getByRole('heading', { name: 'Sync', level: 2 })).toBeVisible();
  }

  status(): Locator {
    return this.page.getByTestId('sync-status');
  }

  async connect(serverUrl: string, token: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Server address' }).fill(serverUrl);
    await this.page.getByLabel('Token').fill(token);
    await this.page.getByRole('button', { name: 'Connect' }).click();
    await expect(this.page.getByText(/Connected to workspace/)).toBeVisible();
  }

  /**
   * Presses Sync now and waits until a sync that started after the press has
   * finished: the summary's `data-synced-at` changes only when a run ends
   * without error, so this is for a connected browser that is online.
   */
  async syncNow(): Promise<void> {
    const summary = this.page.getByTestId('sync-summary');
    const before = (await summary.getAttribute('data-synced-at')) ?? '';
    const button = this.page.getByRole('button', { name: 'Sync now' });
    await button.click();
    await expect(summary).not.toHaveAttribute('data-synced-at', before);
    await expect(button).not.toHaveAttribute('data-loading');
    await expect(this.status()).not.toHaveAttribute('aria-label', 'Syncing…');
  }

  conflictDialog(): Locator {
    return this.page.getByTestId('conflict-dialog');
  }

  async openFirstConflict(): Promise<void> {
    await this.page.getByRole('button', { name: 'Resolve' }).first().click();
    await expect(this.conflictDialog()).toBeVisible();
  }
}
