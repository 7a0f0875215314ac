import { randomUUID } from 'node:crypto';
import { BrowserWindow, session, type Session } from 'electron';
import type { HtmlToPdf } from '../core/platform/html-to-pdf';

/**
 * The app's PDF printer: the report's HTML in a hidden window of its own in-memory session, printed
 * with `webContents.printToPDF`. The page is served from memory under `obi-print:` (a data: URL
 * stops at 2 MB in Chromium, and a report with many charts may be larger); every other request of
 * that session is refused, and the page may run no script. The report refers to nothing outside
 * itself, so nothing is lost by refusing.
 */

const scheme = 'obi-print';
/** Not persisted: no cache or storage of the report stays on disk. */
const partition = 'obi-print';
const printCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The pages being printed, by their URL; a URL answers only while its print runs. */
const pages = new Map<string, string>();
let printSession: Session | undefined;

function preparedSession(): Session {
  if (printSession) return printSession;
  const ses = session.fromPartition(partition);
  ses.protocol.handle(scheme, (request) => {
    const html = pages.get(request.url);
    if (html === undefined) return new Response('Not found', { status: 404 });
    return new Response(html, {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': printCsp, 'Cache-Control': 'no-store' },
    });
  });
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !pages.has(details.url) }));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  printSession = ses;
  return ses;
}

export const printPdf: HtmlToPdf = async (html) => {
  preparedSession();
  const url = `${scheme}://report/${randomUUID()}`;
  pages.set(url, html);
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      partition,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webviewTag: false,
      // No middle-click opening of links: the report has none, and this window opens nothing.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await window.loadURL(url);
    return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    pages.delete(url);
    window.destroy();
  }
};
