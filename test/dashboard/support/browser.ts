import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { ADMIN_TOKEN, type DashboardHub } from './dashboard-hub.js';
import type { PageGlobals } from './page-globals.js';

/** Debian's Chromium (installed by `.ci/run`); no browser download. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Headless flags from docs/toolchain-notes.md: without the background-networking ones Chromium
 * calls home and floods the closed network; SwiftShader gives WebGL without a GPU.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Starts headless Chromium (one per test file). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export type ColorScheme = 'light' | 'dark';

/** A browser context whose requests never leave localhost, and whose pages' errors are recorded. */
export interface GuardedContext {
  readonly context: BrowserContext;
  /** Requests aborted because their host was not 127.0.0.1 / localhost. */
  readonly blocked: string[];
  /** Uncaught page errors, console errors and unexpected 5xx answers of the hub. */
  readonly errors: string[];
  /** A new page in this context, its errors recorded. */
  newPage(): Promise<Page>;
  /** Same-origin answers ≥ 500 whose URL matches are expected (a call timing out answers 504). */
  allowServerErrors(pattern: RegExp): void;
  /** Signs in with the admin token through `POST /api/v1/auth/login` (sets the session cookie). */
  signIn(): Promise<void>;
  /** Throws, listing them, when any request left localhost or any page error was recorded; then clears. */
  assertClean(): void;
  close(): Promise<void>;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The browser's own line for an HTTP error answer; the app handles those, the guard checks 5xx itself. */
const RESOURCE_STATUS = /^Failed to load resource: the server responded with a status of \d+/;

/**
 * A fresh context (1440×900) on `hub`: base URL set, every request to a host other than
 * localhost aborted and recorded (the network guard), page errors, console errors and 5xx
 * answers recorded. `colorScheme` also pins the dashboard's theme through its localStorage key.
 */
export async function guardedContext(
  browser: Browser,
  hub: DashboardHub,
  options: { colorScheme?: ColorScheme } = {},
): Promise<GuardedContext> {
  const context = await browser.newContext({
    baseURL: hub.url,
    viewport: { width: 1440, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-GB',
    timezoneId: 'Europe/Amsterdam',
    serviceWorkers: 'block',
  });
  const blocked: string[] = [];
  const errors: string[] = [];
  const allowed: RegExp[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) {
      await route.continue();
    } else {
      blocked.push(url.href);
      await route.abort('blockedbyclient');
    }
  });
  if (options.colorScheme) {
    await context.addInitScript((scheme) => {
      // about:blank has no storage of its own; only the dashboard's origin matters.
      if ((globalThis as unknown as PageGlobals).location.protocol.startsWith('http')) {
        (globalThis as unknown as PageGlobals).localStorage.setItem('chargebridge-color-scheme', scheme);
      }
    }, options.colorScheme);
  }
  const watch = (page: Page) => {
    page.on('pageerror', (error) => {
      const what = error.stack || `${error.name}: ${error.message}` || String(error);
      errors.push(`page error on ${page.url()}: ${what}`);
    });
    page.on('console', (message) => {
      if (message.type() !== 'error' || RESOURCE_STATUS.test(message.text())) return;
      errors.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('response', (response) => {
      const url = response.url();
      if (response.status() >= 500 && url.startsWith(hub.url) && !allowed.some((p) => p.test(url))) {
        errors.push(`${response.request().method()} ${url} answered ${response.status()}`);
      }
    });
  };
  context.on('page', watch);
  return {
    context,
    blocked,
    errors,
    newPage: () => context.newPage(),
    allowServerErrors: (pattern) => {
      allowed.push(pattern);
    },
    async signIn() {
      const response = await context.request.post('/api/v1/auth/login', {
        data: { admin_token: ADMIN_TOKEN },
        headers: { 'x-chargebridge-csrf': '1' },
      });
      if (!response.ok()) throw new Error(`sign-in failed: ${response.status()} ${await response.text()}`);
    },
    assertClean() {
      const problems = [
        ...blocked.map((url) => `request left localhost: ${url}`),
        ...errors.map((error) => error.slice(0, 2000)),
      ];
      blocked.length = 0;
      errors.length = 0;
      if (problems.length > 0) throw new Error(`browser problems:\n- ${problems.join('\n- ')}`);
    },
    close: () => context.close(),
  };
}
