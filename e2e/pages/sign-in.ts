import type { Page } from '@playwright/test';

/**
 * Page model of the sign-in (and unlock) screen.
 *
 * @example await new SignInPage(page).signIn('jo.admin', 'correct horse battery');
 */
export class SignInPage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: /^(Sign in|Screen locked)$/ });
  }

  username() {
    return this.page.getByLabel('Username');
  }

  /** The screen's refusal ("The username or passphrase is not right."), announced as an alert. */
  problem() {
    return this.page.getByRole('main').getByRole('alert');
  }

  async signIn(username: string, passphrase: string): Promise<void> {
    await this.heading().waitFor();
    await this.username().fill(username);
    await this.page.getByLabel('Passphrase').fill(passphrase);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }
}
