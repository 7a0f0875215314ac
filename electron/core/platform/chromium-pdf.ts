import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../app-error';
import type { HtmlToPdf } from './html-to-pdf';

/**
 * The PDF of the report outside Electron (the CLI, the browser harness): the same self-contained HTML printed by Chromium in
 * headless mode (`--print-to-pdf`), as the app prints it with Electron's `webContents.printToPDF`.
 * The browser runs with a fresh profile in a private temporary folder, without network, and the
 * folder (HTML, profile, PDF) is removed afterwards. `OBI_CHROMIUM` names another Chromium binary.
 */

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(env: Record<string, string | undefined>): string {
  const found = env.OBI_CHROMIUM ?? candidates.find((c) => existsSync(c));
  if (!found || !existsSync(found))
    throw new AppError(
      'pdf_unavailable',
      'No Chromium found to print the PDF (install chromium, or set OBI_CHROMIUM); the html format prints from any browser.',
    );
  return found;
}

export async function printHtmlToPdf(html: string, chromium: string): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'obi-report-'));
  try {
    const page = join(dir, 'report.html');
    const pdf = join(dir, 'report.pdf');
    writeFileSync(page, html, { mode: 0o600 });
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-extensions',
      '--disable-background-networking',
      // No request leaves: the report refers to nothing outside itself, and any attempt fails.
      '--proxy-server=127.0.0.1:9',
      '--proxy-bypass-list=<-loopback>',
      '--no-pdf-header-footer',
      `--user-data-dir=${join(dir, 'profile')}`,
      `--print-to-pdf=${pdf}`,
      // Chromium's sandbox refuses to start as root (containers, CI); elsewhere it stays on.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      pathToFileURL(page).href,
    ];
    const printed = await new Promise<boolean>((resolve) => {
      execFile(chromium, args, { timeout: 120_000 }, (error) => resolve(error === null));
    });
    if (!printed) throw new AppError('io_error', 'Chromium could not print the report to PDF.');
    if (!existsSync(pdf)) throw new AppError('io_error', 'Chromium printed no PDF.');
    return readFileSync(pdf);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The printer of the CLI and the browser harness; which Chromium is looked up at each print, so a missing one fails that print only. */
export function chromiumPrinter(env: Record<string, string | undefined>): HtmlToPdf {
  return async (html) => printHtmlToPdf(html, chromiumPath(env));
}
