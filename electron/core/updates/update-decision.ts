import { parse } from 'yaml';
import { z } from 'zod';
import type { EffectivePolicy } from '../policy/load-policy';

/**
 * Whether this run may look for updates, and how. electron-updater does the work (generic provider,
 * the feed from policy); this decides, so that every rule is tested without Electron:
 * - policy `updates: off` (the default) disables every check: IT deploys new versions;
 * - an invalid policy, a development build or a platform other than Windows never checks. On Linux
 *   electron-updater verifies no signature (only a SHA-512 that comes from the same feed), so the
 *   app leaves updates to the package manager or to IT;
 * - on Windows the build must name its signer: electron-updater checks the Authenticode signature
 *   of a downloaded installer against `publisherName` in app-update.yml and refuses a mismatch, but
 *   skips the check entirely when no publisherName is there. An unsigned build therefore never
 *   updates itself.
 */
export type UpdateDecision =
  | { check: false; reason: 'policy_invalid' | 'policy_off' | 'development' | 'platform' | 'unsigned_build' }
  | { check: true; reason: 'enabled'; mode: 'notify' | 'auto'; feedUrl: string };

export function decideUpdates(input: {
  policy: EffectivePolicy;
  packaged: boolean;
  platform: NodeJS.Platform;
  /** Signers named in the packaged app-update.yml (see `publisherNamesFrom`). */
  publisherNames: string[];
}): UpdateDecision {
  const { policy } = input;
  if (!policy.ok) return { check: false, reason: 'policy_invalid' };
  if (policy.policy.updates === 'off') return { check: false, reason: 'policy_off' };
  if (!input.packaged) return { check: false, reason: 'development' };
  if (input.platform !== 'win32') return { check: false, reason: 'platform' };
  if (input.publisherNames.length === 0) return { check: false, reason: 'unsigned_build' };
  // The policy rules make a feed URL required whenever updates is not off.
  const feedUrl = policy.policy.updateFeedUrl;
  if (feedUrl === undefined) return { check: false, reason: 'policy_invalid' };
  return { check: true, reason: 'enabled', mode: policy.policy.updates, feedUrl };
}

const appUpdateConfig = z.object({
  publisherName: z.union([z.string(), z.array(z.string())]).optional(),
});

/**
 * The signers electron-builder wrote into resources/app-update.yml (from
 * `win.signtoolOptions.publisherName`); none when the file is missing, unreadable or names none.
 */
export function publisherNamesFrom(appUpdateYml: string | null): string[] {
  if (appUpdateYml === null) return [];
  let raw: unknown;
  try {
    raw = parse(appUpdateYml);
  } catch {
    return [];
  }
  const parsed = appUpdateConfig.safeParse(raw);
  if (!parsed.success || parsed.data.publisherName === undefined) return [];
  const names = Array.isArray(parsed.data.publisherName) ? parsed.data.publisherName : [parsed.data.publisherName];
  return names.map((n) => n.trim()).filter((n) => n.length > 0);
}
