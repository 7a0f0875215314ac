import { AppError } from './app-error';
import { IndexUpkeep } from './capture/index-upkeep';
import { applyRetention, defaultWarningDays } from './capture/retention';
import { scheduledTick } from './exchange/exchange-service';
import { applyReviewRetention } from './exchange/review-retention';
import type { EventLog } from './logging/event-log';
import type { EffectivePolicy } from './policy/load-policy';
import type { HtmlToPdf } from './platform/html-to-pdf';
import type { Handlers } from './rpc/dispatch';
import { createHandlers, createReadOnlyHandlers } from './rpc/handlers';
import { VaultSession, type VaultSessionOptions } from './session/vault-session';
import { bringTagsUpToDate } from './taxonomy/import-taxonomy';
import { captureDeps, taggedStores } from './wiring';

export type AppCoreOptions = Omit<VaultSessionOptions, 'onUnlocked' | 'policy' | 'log'> & {
  policy: EffectivePolicy;
  log: EventLog;
  /** Where files for the user go (the enrolment sheet); beside the vault when absent. */
  documentsDir?: string;
  /** How often the schedule is checked while unlocked; tests shorten it. */
  scheduleTickMs?: number;
  /** Prints the report to PDF for `central.export`: Electron's printToPDF in the app, headless Chromium in the browser harness. */
  printPdf?: HtmlToPdf;
};

/**
 * The core as the app and the browser harness run it: one vault session and the handlers of the
 * contract. At every unlock, tags follow a newer built-in taxonomy and notes past the retention
 * period go. An invalid machine policy gives the read-only state instead: no session at all.
 */
export function createAppCore(options: AppCoreOptions): { session: VaultSession | null; handlers: Handlers } {
  const { policy, printPdf, ...sessionOptions } = options;
  if (!policy.ok) return { session: null, handlers: createReadOnlyHandlers(policy) };
  let ticker: ReturnType<typeof setInterval> | undefined;
  let upkeep: IndexUpkeep | undefined;
  const session = new VaultSession({
    ...sessionOptions,
    policy: policy.policy,
    log: options.log,
    onUnlocked: (vault) => {
      upkeep?.stop();
      upkeep = new IndexUpkeep(vault);
      bringTagsUpToDate(vault, taggedStores(vault));
      applyRetention(vault, { retentionMonths: policy.policy.retentionMonths, warningDays: defaultWarningDays }, new Date());
      if (policy.policy.role === 'teamlead') applyReviewRetention(vault, policy.policy.retentionMonths, new Date());
      // The schedule: read the inbox and send when due, now (catch-up) and every minute while unlocked.
      const tick = () => {
        if (vault.isClosed) return;
        void scheduledTick(vault, policy.policy, captureDeps(vault)).then(
          (r) => {
            if (r.inbox.imported + r.inbox.refused > 0) options.log.event('inbox.read', { imported: r.inbox.imported, refused: r.inbox.refused });
            if (r.inbox.failure) options.log.event('transport.failed', { step: 'inbox', code: r.inbox.failure });
            if (r.sent) {
              if (r.sent.prepared) options.log.event('send.prepared', { bundle: r.sent.prepared, kind: policy.policy.role === 'officer' ? 'officer' : 'team' });
              options.log.event('send.delivered', { files: r.sent.paths.length, failures: r.sent.failures.length });
              for (const f of r.sent.failures) options.log.event('transport.failed', { step: 'deliver', code: f.code });
            }
          },
          (e: unknown) => options.log.event('send.failed', { code: e instanceof AppError ? e.code : 'internal' }),
        );
      };
      clearInterval(ticker);
      ticker = setInterval(tick, options.scheduleTickMs ?? 60_000);
      ticker.unref?.();
      tick();
    },
  });
  session.onEvent((name) => {
    if (name !== 'vault.locked') return;
    clearInterval(ticker);
    upkeep?.stop();
    upkeep = undefined;
  });
  return {
    session,
    handlers: createHandlers({
      session,
      policy,
      captureDeps,
      afterIndexWrite: () => upkeep?.soon(),
      ...(options.documentsDir ? { documentsDir: () => options.documentsDir! } : {}),
      ...(printPdf ? { printPdf } : {}),
    }),
  };
}
