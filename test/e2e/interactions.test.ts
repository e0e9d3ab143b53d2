import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { InteractionBudget } from './interactions.js';

/** The budget itself, without a browser: what a page would be asked to do is only recorded. */
describe('an interaction budget', () => {
  const asked: string[] = [];
  const page = { keyboard: { press: async (key: string) => void asked.push(`key ${key}`) } } as unknown as Page;
  const locator = {
    click: async () => void asked.push('click'),
    fill: async (text: string) => void asked.push(`fill ${text}`),
  } as unknown as Locator;

  it('counts clicks, fills and key presses, and fails at the first one over the budget', async () => {
    const budget = new InteractionBudget(page, 'a short task', 3);
    await budget.fill(locator, '+56 9 1234 5678', 'the search');
    await budget.press('Enter', 'pick');
    await budget.click(locator, 'resolve');
    expect(budget.count).toBe(3);
    await expect(budget.click(locator, 'one more')).rejects.toThrow(
      'a short task: interaction 4 (click one more) is over the budget of 3',
    );
    // The interaction over the budget never reaches the page.
    expect(asked).toEqual(['fill +56 9 1234 5678', 'key Enter', 'click']);
  });
});
