import type { Locator, Page } from 'playwright-core';

/**
 * Counts what a person does on a screen — a click, a selection, a key pressed, a field filled
 * (typing a whole search or sentence counts once) — through these few wrappers, and fails the
 * test at the first interaction past the budget, naming it. Waiting and reading are free.
 */
export class InteractionBudget {
  readonly done: string[] = [];

  constructor(
    private readonly page: Page,
    readonly task: string,
    readonly limit: number,
  ) {}

  get count(): number {
    return this.done.length;
  }

  private tally(what: string) {
    this.done.push(what);
    if (this.done.length > this.limit) {
      throw new Error(
        `${this.task}: interaction ${this.done.length} (${what}) is over the budget of ${this.limit}: ${this.done.join(' → ')}`,
      );
    }
  }

  async click(locator: Locator, what: string): Promise<void> {
    this.tally(`click ${what}`);
    await locator.click();
  }

  async fill(locator: Locator, text: string, what: string): Promise<void> {
    this.tally(`fill ${what}`);
    await locator.fill(text);
  }

  async press(key: string, what: string): Promise<void> {
    this.tally(`press ${key} (${what})`);
    await this.page.keyboard.press(key);
  }
}
