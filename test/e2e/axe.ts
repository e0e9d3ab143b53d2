import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * WCAG 2.2 AA in the browser tests: axe-core injected into the page under test, run with the
 * WCAG 2.0/2.1/2.2 A and AA rules. A critical or serious violation fails the test, and the message
 * names each rule, its help text and the first elements it found.
 */

// Evaluated through the DevTools protocol, which Mesa's Content-Security-Policy (script-src 'self')
// does not govern, so the page is checked with its real headers.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FAILING_IMPACTS = new Set(['critical', 'serious']);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Waits until no transition or finite animation runs, twice a few frames apart: a popover fading
 * in is half transparent, and axe would measure the contrast of its faded text (a flaky failure).
 * Mantine starts a transition a frame after mounting, hence the second look.
 */
async function animationsSettled(page: Page): Promise<void> {
  for (let look = 0; look < 2; look++) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.waitForFunction(() =>
      document
        .getAnimations()
        .every(
          (animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity,
        ),
    );
  }
}

/** Fails when axe finds a critical or serious WCAG 2.2 AA violation on the page as it is now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await animationsSettled(page);
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations;
  }, TAGS);
  const failing = (violations as AxeViolation[]).filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''));
  const report = failing.map(
    (violation) =>
      `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.length} elements, e.g. ${violation.nodes
        .slice(0, 3)
        .map((node) => JSON.stringify(node.target))
        .join(', ')})`,
  );
  expect(report, `axe on ${screen} at ${page.url()}`).toEqual([]);
}
