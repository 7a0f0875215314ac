/**
 * Prints a self-contained HTML page to a PDF. The app gives Electron's `printToPDF`, the CLI and
 * the browser harness give headless Chromium (./chromium-pdf.ts): the core only knows this shape.
 */
export type HtmlToPdf = (html: string) => Promise<Uint8Array>;
