import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, expect } from 'vitest';
import { tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { testPolicy } from '../../test-support/test-policy';
import { startWebServer, type WebServer } from '../web-server';

/**
 * End-to-end tests drive the built renderer (dist/renderer, byte for byte what Electron loads) in
 * Debian's Chromium against the real core through the browser harness.
 */
const root = join(import.meta.dirname, '..', '..', '..');
export const chromiumPath = process.env.OBI_CHROMIUM ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface RunningApp {
  server: WebServer;
  page: Page;
  vaultDir: string;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
  reload(): Promise<void>;
  close(): Promise<void>;
}

let browser: Browser | undefined;

export async function launchBrowser(): Promise<Browser> {
  expect(existsSync(join(root, 'dist', 'renderer', 'index.html')), 'run `npm run build` before the end-to-end tests').toBe(true);
  browser ??= await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/** A fresh Dutch-language page at `url`, collecting console errors, page errors and CSP violations. */
async function openPage(url: string) {
  const context = await (await launchBrowser()).newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  // File choosers are intercepted from the start: interception switched on only when a test begins
  // to wait for one can reach the browser after the key press that opens it, and then none comes.
  page.on('filechooser', () => undefined);
  await page.goto(url);
  return { context, page, problems };
}

/** Apps started by the running test, closed and checked after it. */
const startedInTest: RunningApp[] = [];

/**
 * The teardown every end-to-end file registers: after each test, every app it started (also one
 * it closed itself) must have logged no console error or CSP violation, and is closed; after the
 * file, the browser.
 */
export function closeAppsAfterEachTest(): void {
  afterEach(async () => {
    const apps = startedInTest.splice(0);
    for (const app of apps) await app.close();
    for (const app of apps) expect(app.problems, 'console errors or CSP violations').toEqual([]);
  });
  afterAll(closeBrowser);
}

export async function startApp(options: { idleLockMs?: number; policy?: Record<string, unknown>; vaultDir?: string } = {}): Promise<RunningApp> {
  const vaultDir = options.vaultDir ?? join(tempDir('obi-e2e-'), 'vault');
  const server = await startWebServer({
    vaultDir,
    policy: testPolicy(options.policy),
    rendererDir: join(root, 'dist', 'renderer'),
    bridgeScriptPath: join(root, 'dist', 'web', 'web-bridge.js'),
    vault: testVaultOptions,
    ...(options.idleLockMs ? { idleLockMs: options.idleLockMs } : {}),
  });
  const { context, page, problems } = await openPage(server.url);
  let closed = false;
  const app: RunningApp = {
    server,
    page,
    vaultDir,
    problems,
    reload: async () => {
      await page.reload();
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await context.close();
      await server.close();
    },
  };
  startedInTest.push(app);
  return app;
}

export interface RunningProcessApp {
  page: Page;
  vaultDir: string;
  problems: string[];
  /** Ends the core as a crash would: SIGKILL, no chance to save anything more. */
  kill(): void;
  close(): Promise<void>;
}

/**
 * The browser harness as its own process (`dist/web/server.cjs`, what `npm run web` runs), so a
 * test can kill the core the hard way.
 */
export async function startAppProcess(policy: Record<string, unknown> = {}): Promise<RunningProcessApp> {
  const dir = tempDir('obi-e2e-proc-');
  const vaultDir = join(dir, 'vault');
  const policyFile = join(dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ organisation: 'SZW', role: 'officer', ...policy }));
  const child = spawn(process.execPath, [join(root, 'dist', 'web', 'server.cjs')], {
    env: { PATH: process.env.PATH, OBI_VAULT: vaultDir, OBI_POLICY: policyFile, OBI_WEB_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /open:\s+(\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`harness exited with ${code}`)));
  });
  const { context, page, problems } = await openPage(url);
  return {
    page,
    vaultDir,
    problems,
    kill: () => child.kill('SIGKILL'),
    close: async () => {
      child.kill('SIGKILL');
      await context.close();
    },
  };
}

/** Runs axe on the current screen; fails on any serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `accessibility of ${screen}`).toEqual([]);
}

/** Presses Tab until the element with the accessible name has focus, as a keyboard user would. */
export async function tabTo(page: Page, name: RegExp | string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    // A rough accessible name of the focused element: enough to recognise it, not a full computation.
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return '';
      const byIds = (ids: string | null) =>
        (ids ?? '')
          .split(/\s+/)
          .map((id) => (id ? document.getElementById(id)?.textContent : ''))
          .join(' ');
      const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent).join(' ') : '';
      return [el.getAttribute('aria-label'), byIds(el.getAttribute('aria-labelledby')), labels, el.textContent].filter(Boolean).join(' | ');
    });
    if (typeof name === 'string' ? focused.includes(name) : name.test(focused)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach "${String(name)}" with Tab`);
}
