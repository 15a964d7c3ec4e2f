import { expect, type Locator, type Page } from '@playwright/test';

/** The settings screen at /settings. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/settings');
    await expect(this.timeZonePicker()).toBeVisible();
  }

  timeZonePicker(): Locator {
    return this.page.getByRole('combobox', { name: /Workspace time zone|工作区时区/ });
  }

  /** Searches the zone picker for `search` and picks `zone`; waits until it is saved. */
  async chooseTimeZone(search: string, zone: string): Promise<void> {
    await this.timeZonePicker().click();
    await this.timeZonePicker().fill(search);
    await this.page.getByRole('option', { name: zone, exact: true }).click();
    await expect(this.page.getByText(new RegExp(`${zone}\\.|${zone}。`))).toBeVisible();
  }
}
