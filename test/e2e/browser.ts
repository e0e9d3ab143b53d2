import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { MailConfig } from '../../server/config.js';
import type { Clock } from '../../server/platform/clock.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { buildTestApp, TEST_PASSWORD } from '../support/test-app.js';

/**
 * What every browser test shares: Debian's Chromium (skipped without it unless MESA_E2E=required),
 * the app built on a fresh SQLite database and listening on a free port, the built web app, and a
 * screenshot of the page when a step fails.
 */

export const CHROMIUM = process.env.MESA_CHROMIUM || '/usr/bin/chromium';
export const E2E_REQUIRED = process.env.MESA_E2E === 'required';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** Run the browser tests here: with Chromium, or when they are required (and then fail without it). */
export const RUN_BROWSER_TESTS = HAVE_CHROMIUM || E2E_REQUIRED;
const WEB_DIR = resolve('dist/web');

if (!RUN_BROWSER_TESTS) {
  console.log(
    `Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set MESA_CHROMIUM=/path; MESA_E2E=required makes this a failure).`,
  );
}

export type Built = Awaited<ReturnType<typeof buildTestApp>>;

export interface BrowserApp {
  built: Built;
  /** The app's database, for a test to put in place what no screen creates. */
  database: TestDatabase;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** The whole app on a fresh database, listening on 127.0.0.1, and a headless Chromium to drive it. */
export async function startBrowserApp(
  options: { clock?: Clock; mail?: MailConfig; oidcOptions?: { allowHttpIssuer: boolean } } = {},
): Promise<BrowserApp> {
  if (!HAVE_CHROMIUM) throw new Error(`MESA_E2E=required but there is no Chromium at ${CHROMIUM}`);
  if (!existsSync(join(WEB_DIR, 'index.html'))) {
    throw new Error(`${WEB_DIR}/index.html is missing: run \`npm run build\` before the browser tests`);
  }
  let database: TestDatabase | undefined;
  let built: Built | undefined;
  let browser: Browser | undefined;
  try {
    database = await createTestDatabase('sqlite');
    built = await buildTestApp(database, { webDir: WEB_DIR, ...options });
    await built.app.listen({ port: 0, host: '127.0.0.1' });
    // launch() starts Chromium on a fresh, temporary user-data directory of its own.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    await browser?.close();
    await built?.app.close();
    await database?.destroy();
    throw error;
  }
  const app = built;
  const db = database;
  const chrome = browser;
  return {
    built: app,
    database: db,
    browser: chrome,
    baseUrl: `http://127.0.0.1:${portOf(app)}`,
    close: async () => {
      await chrome.close();
      await app.app.close();
      await db.destroy();
    },
  };
}

function portOf(built: Built): number {
  const info = built.app.server.address();
  if (!info || typeof info === 'string') throw new Error('the app is not listening on a TCP port');
  return info.port;
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page; a test expects none. */
  pageErrors: string[];
}

/** A fresh browser profile (no cookies) in a language, at a window size. */
export async function openPage(
  browser: Browser,
  locale: string,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<OpenPage> {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.setDefaultTimeout(15_000);
  return { context, page, pageErrors };
}

/**
 * A saver of full-page screenshots named `<prefix>-<step>.png`, in MESA_E2E_SHOTS or the temporary
 * directory, each path printed so a person can open and look at what the test saw.
 */
export function screenshotSaver(prefix: string) {
  const dir = process.env.MESA_E2E_SHOTS ?? tmpdir();
  return async (page: Page, step: string) => {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${prefix}-${step}.png`);
    await page.screenshot({ path, fullPage: true });
    console.log(`${prefix}, ${step}: ${path}`);
  };
}

/** Runs the steps; when one fails, saves what each page showed and says where, then fails. */
export async function withScreenshots(name: string, pages: Record<string, Page>, steps: () => Promise<void>) {
  try {
    await steps();
  } catch (error) {
    for (const [who, page] of Object.entries(pages)) {
      const shot = join(tmpdir(), `mesa-e2e-failure-${name}-${who}.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
      console.log(`e2e failure [${name}] ${who} at ${page.url()}; screenshot: ${shot}`);
    }
    throw error;
  }
}

/** Signs in from the sign-in page, with the labels of the page's language. */
export async function signIn(
  page: Page,
  text: { signInTitle: string; email: string; password: string },
  email: string,
  password: string,
) {
  await expect.poll(() => page.getByRole('heading', { name: text.signInTitle }).isVisible()).toBe(true);
  await page.getByLabel(text.email).fill(email);
  await page.getByLabel(text.password, { exact: false }).first().fill(password);
  // Forms submit with Enter.
  await page.keyboard.press('Enter');
}

/**
 * Signs the page's browser profile in through the API (its session cookie then goes with every
 * page of the profile), for tests about a screen rather than about signing in.
 */
export async function signInThroughApi(page: Page, baseUrl: string, email: string, password = TEST_PASSWORD) {
  const answer = await page.request.post(`${baseUrl}/api/v1/auth/login`, { data: { email, password } });
  expect(answer.status()).toBe(200);
}
