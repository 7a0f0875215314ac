import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dirs';
import { AppError } from '../app-error';
import { chromiumPath, chromiumPrinter } from './chromium-pdf';

/** Which Chromium prints, and what the user is told when there is none (real printing: central-report.test.ts). */
describe('the Chromium printer', () => {
  it('takes the binary OBI_CHROMIUM names', () => {
    expect(chromiumPath({ OBI_CHROMIUM: process.execPath })).toBe(process.execPath);
  });

  it('refuses with pdf_unavailable when the named Chromium does not exist, at print time', async () => {
    const missing = join(tempDir(), 'no-chromium');
    expect(() => chromiumPath({ OBI_CHROMIUM: missing })).toThrow(AppError);
    const print = chromiumPrinter({ OBI_CHROMIUM: missing });
    await expect(print('<html></html>')).rejects.toMatchObject({ code: 'pdf_unavailable' });
  });

  it('refuses with io_error when the binary cannot print', async () => {
    // `false` runs and fails, as a broken or wrong binary would.
    await expect(chromiumPrinter({ OBI_CHROMIUM: '/bin/false' })('<html></html>')).rejects.toMatchObject({ code: 'io_error' });
  });
});
