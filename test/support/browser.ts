import chromium from '@sparticuz/chromium';
import { expect } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium as playwright, type Browser, type BrowserContext, type Page } from 'playwright-core';
import * as axe from '@axe-core/playwright';
import type { TestApp } from './test-app.js';
import { TEST_PASSWORD } from './test-app.js';
import { nextCode } from './authenticator.js';

// CommonJS default export seen from ESM.
const AxeBuilder = ((axe as unknown as { default: { default?: unknown } }).default.default ??
  (axe as unknown as { default: unknown }).default) as typeof axe.default;

/** Listens on a loopback port so a real browser can reach the console and the API on one origin. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  // The browser's keep-alive connections must not hold the server open once the tests end.
  const server = t.app.getHttpServer();
  const close = t.close.bind(t);
  t.close = async () => {
    server.closeAllConnections();
    await close();
  };
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** The Chromium the @sparticuz/chromium package ships: no system browser, no download. */
export async function launchBrowser(): Promise<Browser> {
  // French interface language: date fields read jj/mm/aaaa as the people using the console see them.
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: [...chromium.args, '--lang=fr-FR'],
    env: { ...process.env, LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr' },
    headless: true,
  });
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Errors the page logged (CSP violations among them): a screen must produce none. */
  errors: string[];
}

/** `clock`: the page's timers and Date are under the test's control (page.clock). */
export async function openConsole(browser: Browser, baseURL: string, options: { clock?: boolean } = {}): Promise<ConsolePage> {
  const context = await browser.newContext({
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    // 401/404 answers the screens handle are logged by Chromium as failed resources: not page errors.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  if (options.clock) await page.clock.install();
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return { context, page, errors };
}

/**
 * The browsers of a test file, one per console opened: the packaged Chromium runs as a single
 * process, which does not survive a closed context nor serve several contexts well. `closeAll`
 * goes in the file's afterEach.
 */
export function browsersFor(baseURL: () => string) {
  const browsers: Browser[] = [];
  return {
    open: async (options: { clock?: boolean } = {}): Promise<ConsolePage> => {
      const browser = await launchBrowser();
      browsers.push(browser);
      return openConsole(browser, baseURL(), options);
    },
    closeAll: async (): Promise<void> => {
      for (const browser of browsers.splice(0)) await browser.close();
    },
  };
}

/** The screen's title (its level-1 heading), by its text. */
export const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** The password, then the code of the account's authenticator app (see authenticator.ts). */
export async function signIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await signInWithPassword(page, email, password);
  await page.getByRole('heading', { level: 1, name: 'Vérification en deux étapes' }).waitFor();
  await page.getByRole('textbox', { name: /^Code de vérification/ }).fill(nextCode(email));
  await page.getByRole('button', { name: 'Valider' }).click();
}

export async function signInWithPassword(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.getByRole('textbox', { name: /^Adresse électronique/ }).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** WCAG 2.1 A/AA rules of axe-core on the screen as it is now: no violation allowed. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = results.violations.map(
    (v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(violations).toEqual([]);
}

/** With UPDATE_SCREENSHOTS=1, saves the screen under docs/screenshots for the README. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  const directory = new URL('../../docs/screenshots/', import.meta.url);
  mkdirSync(directory, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, directory).pathname, fullPage: true });
}
