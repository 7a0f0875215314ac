import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { EventLog } from '../core/logging/event-log';
import type { UpdateDecision } from '../core/updates/update-decision';
import { runUpdateRound, updateCheckIntervalMs, updatePromptText, type UpdatePrompt, type UpdaterPort } from '../core/updates/update-flow';

/** resources/app-update.yml, which electron-builder writes with the signer's name; null when absent. */
export function readAppUpdateConfig(): string | null {
  try {
    return readFileSync(join(process.resourcesPath, 'app-update.yml'), 'utf8');
  } catch {
    return null;
  }
}

async function ask(window: BrowserWindow | null, text: ReturnType<typeof updatePromptText>): Promise<boolean> {
  const options = {
    type: 'question' as const,
    buttons: [text.yes, text.no],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
    message: text.message,
    detail: text.detail,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 0;
}

/**
 * The thin glue around electron-updater: it configures the generic provider with the feed from
 * policy and hands the work to the core's update round (core/updates). Nothing runs unless the
 * core decided that this run may check.
 */
export function startUpdates(decision: UpdateDecision, log: EventLog, window: () => BrowserWindow | null, language: 'nl' | 'en'): void {
  log.event('update.decided', { check: decision.check, reason: decision.reason });
  if (!decision.check) return;
  autoUpdater.logger = null;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowDowngrade = false;
  autoUpdater.allowPrerelease = false;
  autoUpdater.disableWebInstaller = true;
  autoUpdater.setFeedURL({ provider: 'generic', url: decision.feedUrl });
  const port: UpdaterPort = {
    check: async () => {
      const result = await autoUpdater.checkForUpdates();
      return result?.isUpdateAvailable ? { version: result.updateInfo.version } : null;
    },
    download: async () => {
      await autoUpdater.downloadUpdate();
    },
    installNow: () => autoUpdater.quitAndInstall(false, true),
  };
  const prompt: UpdatePrompt = {
    askDownload: (version) => ask(window(), updatePromptText('download', version, language)),
    askRestart: (version) => ask(window(), updatePromptText('restart', version, language)),
  };
  const round = () => void runUpdateRound(decision, port, prompt, log);
  round();
  setInterval(round, updateCheckIntervalMs).unref();
}
