import type { Locator, Page } from '@playwright/test';

/**
 * Page model of *Find an opening* (renderer/openings), the panel beside the day sheet.
 *
 * @example const panel = new FindOpeningPage(page); await panel.open(); await panel.search();
 */
export class FindOpeningPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByRole('complementary', { name: 'Find an opening' });
  }

  /** Opens the panel with its key (S), from the day sheet. */
  async open(): Promise<void> {
    await this.page.keyboard.press('s');
  }

  field(label: string): Locator {
    return this.root().getByLabel(label, { exact: true });
  }

  async toggle(label: string): Promise<void> {
    await this.root().getByRole('checkbox', { name: label, exact: true }).click();
  }

  async search(): Promise<void> {
    await this.root().getByRole('button', { name: 'Search' }).click();
  }

  results(): Locator {
    return this.root().getByRole('listbox');
  }

  openings(): Locator {
    return this.root().getByTestId('opening');
  }
}
