import { AppError } from './app-error';
import { defaultCaptureDeps } from './capture/default-capture-deps';
import { IndexUpkeep } from './capture/index-upkeep';
import { applyRetention, defaultWarningDays } from './capture/retention';
import { scheduledTick } from './exchange/exchange-service';
import type { EventLog } from './logging/event-log';
import type { EffectivePolicy } from './policy/load-policy';
import type { Handlers } from './rpc/dispatch';
import { createHandlers, createReadOnlyHandlers } from './rpc/handlers';
import { VaultSession, type VaultSessionOptions } from './session/vault-session';
import { bringTagsUpToDate } from './taxonomy/import-taxonomy';
import { taggedStoresOf } from './taxonomy/tagged-store';

export type AppCoreOptions = Omit<VaultSessionOptions, 'onUnlocked' | 'policy' | 'log'> & {
  policy: EffectivePolicy;
  log: EventLog;
  /** Where files for the user go (the enrolment sheet); beside the vault when absent. */
  exportDir?: string;
  /** How often the schedule is checked while unlocked; tests shorten it. */
  scheduleTickMs?: number;
};

/**
 * The core as the app and the browser harness run it: one vault session and the handlers of the
 * contract. At every unlock, tags follow a newer built-in taxonomy and notes past the retention
 * period go. An invalid machine policy gives the read-only state instead: no session at all.
 */
export function createAppCore(options: AppCoreOptions): { session: VaultSession | null; handlers: Handlers } {
  const { policy, ...sessionOptions } = options;
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
      bringTagsUpToDate(vault, taggedStoresOf(vault));
      applyRetention(vault.db, { retentionMonths: policy.policy.retentionMonths, warningDays: defaultWarningDays }, new Date());
      // The schedule: read the inbox and export when due, now (catch-up) and every minute while unlocked.
      const tick = () => {
        if (vault.isClosed) return;
        void scheduledTick(vault, policy.policy, defaultCaptureDeps(vault)).then(
          (r) => {
            if (r.inbox.imported + r.inbox.refused > 0) options.log.event('inbox.read', { imported: r.inbox.imported, refused: r.inbox.refused });
            if (r.inbox.failure) options.log.event('transport.failed', { step: 'inbox', code: r.inbox.failure });
            if (r.exported) {
              if (r.exported.prepared)
                options.log.event('export.prepared', { bundle: r.exported.prepared, kind: policy.policy.role === 'officer' ? 'officer' : 'team' });
              options.log.event('export.delivered', { files: r.exported.paths.length, failures: r.exported.failures.length });
              for (const f of r.exported.failures) options.log.event('transport.failed', { step: 'deliver', code: f.code });
            }
          },
          (e: unknown) => options.log.event('export.failed', { code: e instanceof AppError ? e.code : 'internal' }),
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
    handlers: createHandlers({ session, policy, afterIndexWrite: () => upkeep?.soon(), ...(options.exportDir ? { exportDir: () => options.exportDir! } : {}) }),
  };
}
