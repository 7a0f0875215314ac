import type { EventLog } from '../logging/event-log';
import type { UpdateDecision } from './update-decision';

/** What the flow needs of electron-updater; the Electron glue adapts `autoUpdater` to it. */
export interface UpdaterPort {
  /** The newer version on the feed, or null when this one is current. */
  check(): Promise<{ version: string } | null>;
  /** Downloads and verifies (SHA-512; on Windows also the signature against publisherName). */
  download(): Promise<void>;
  /** Quits and runs the downloaded installer. */
  installNow(): void;
}

/** The questions put to the user; true means yes. */
export interface UpdatePrompt {
  askDownload(version: string): Promise<boolean>;
  askRestart(version: string): Promise<boolean>;
}

export type UpdateOutcome = 'skipped' | 'up_to_date' | 'declined' | 'install_on_quit' | 'restarting' | 'failed';

/** How often a running app looks again. */
export const updateCheckIntervalMs = 6 * 60 * 60 * 1000;

// A version from the feed is shown to the user: accept only what looks like one.
const versionPattern = /^\d{1,4}\.\d{1,4}\.\d{1,4}(-[0-9A-Za-z.]{1,20})?$/;

/**
 * One round: check; in `notify` mode ask before downloading; then ask to restart. A download that
 * fails — including a signature that does not match — installs nothing. A declined restart leaves
 * the update to be installed when the app quits (electron-updater's autoInstallOnAppQuit).
 */
export async function runUpdateRound(decision: UpdateDecision, updater: UpdaterPort, prompt: UpdatePrompt, log: EventLog): Promise<UpdateOutcome> {
  if (!decision.check) return 'skipped';
  let available: { version: string } | null;
  try {
    available = await updater.check();
    if (available && !versionPattern.test(available.version)) throw new Error('malformed version');
  } catch {
    log.event('update.failed', { stage: 'check' });
    return 'failed';
  }
  const finish = (outcome: Exclude<UpdateOutcome, 'skipped' | 'failed'>) => {
    log.event('update.result', { outcome });
    return outcome;
  };
  if (!available) return finish('up_to_date');
  if (decision.mode === 'notify' && !(await prompt.askDownload(available.version))) return finish('declined');
  try {
    await updater.download();
  } catch {
    log.event('update.failed', { stage: 'download' });
    return 'failed';
  }
  if (!(await prompt.askRestart(available.version))) return finish('install_on_quit');
  try {
    updater.installNow();
  } catch {
    log.event('update.failed', { stage: 'install' });
    return 'failed';
  }
  return finish('restarting');
}

/** The texts of the two questions, in the policy's language. */
export function updatePromptText(
  kind: 'download' | 'restart',
  version: string,
  language: 'nl' | 'en',
): { message: string; detail: string; yes: string; no: string } {
  const nl = language === 'nl';
  if (kind === 'download') {
    return nl
      ? {
          message: `Versie ${version} van OBI Werkplek is beschikbaar.`,
          detail: 'Nu downloaden? De installatie volgt na uw toestemming.',
          yes: 'Downloaden',
          no: 'Later',
        }
      : {
          message: `Version ${version} of OBI Werkplek is available.`,
          detail: 'Download it now? Installing follows after you agree.',
          yes: 'Download',
          no: 'Later',
        };
  }
  return nl
    ? {
        message: `Versie ${version} is gedownload en gecontroleerd.`,
        detail: 'Nu herstarten om te installeren? De kluis wordt eerst vergrendeld. Anders gebeurt het bij afsluiten.',
        yes: 'Nu herstarten',
        no: 'Bij afsluiten',
      }
    : {
        message: `Version ${version} is downloaded and verified.`,
        detail: 'Restart now to install? The vault is locked first. Otherwise it installs when you quit.',
        yes: 'Restart now',
        no: 'When I quit',
      };
}
