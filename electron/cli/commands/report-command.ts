import { Option, type Command } from 'commander';
import { reportFormats, type ReportFormat } from '../../../shared/central/render-report';
import { defaultReportPeriod, makeFenomeenbeeld, renderFenomeenbeeld } from '../../core/central/central-report';
import { writeFileAtomic } from '../../core/platform/atomic-write';
import { AppError } from '../../core/app-error';
import type { CliIo } from '../cli-io';
import { chromiumPrinter } from '../../core/platform/chromium-pdf';
import { requireRole } from './flow-commands';
import { withVault } from './vault-commands';

type Format = ReportFormat | 'pdf';

/**
 * `obi report`: the fenomeenbeeld of a period from the central point's vault, in one of the
 * formats of shared/central/render-report.ts, or as PDF (the HTML printed by Chromium, see
 * core/platform/chromium-pdf.ts). Written to --out (atomically, readable by the user only) or to standard output.
 */
export function addReportCommand(program: Command, io: CliIo): void {
  program
    .command('report')
    .description('the fenomeenbeeld of a period (central point): figures, coverage, trends, evaluation')
    .option('--vault <dir>', 'vault folder (default: $OBI_VAULT)')
    .option('--period <period>', 'a quarter (2026-Q4), a month (2026-10) or a year (2026); default the last whole one of policy reportPeriod')
    .addOption(new Option('--format <format>', 'output format').choices([...reportFormats, 'pdf']).default('html'))
    .addOption(new Option('--lang <language>', 'language of labels and text').choices(['nl', 'en']).default('nl'))
    .option('--out <file>', 'write into this file instead of standard output (required for pdf)')
    .action(async (opts: { vault?: string; period?: string; format: Format; lang: 'nl' | 'en'; out?: string }) => {
      const policy = requireRole(io, 'central');
      if (opts.format === 'pdf' && !opts.out) throw new AppError('invalid_request', '--out: a PDF is written into a file; name one.');
      const now = new Date();
      const label = opts.period ?? defaultReportPeriod(policy, now);
      const text = await withVault(io, opts.vault, (v) => {
        const made = makeFenomeenbeeld(v, policy, label, now);
        v.audit('central.report_made', { period: made.fenomeenbeeld.period.label, format: opts.format });
        return renderFenomeenbeeld(made, policy, opts.format === 'pdf' ? 'html' : opts.format, opts.lang);
      });
      if (opts.format === 'pdf') {
        writeFileAtomic(opts.out!, await chromiumPrinter(io.env)(text));
        io.out(opts.out!);
      } else if (opts.out) {
        writeFileAtomic(opts.out, text);
        io.out(opts.out);
      } else io.out(text);
    });
}
