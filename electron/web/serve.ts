import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../core/app-error';
import { fileLog } from '../core/logging/event-log';
import { loadPolicy, policyLoadOptions } from '../core/policy/load-policy';
import { probeSqlCipher } from '../core/vault/sqlcipher';
import { startWebServer } from './web-server';

/**
 * `npm run web`: browser mode on 127.0.0.1 with the vault and policy named by OBI_VAULT and
 * OBI_POLICY (defaults: a development vault under .obi-dev/ and the example officer policy). The
 * machine policy (registry, /etc), where one is installed, is used alone, as in the app.
 */
async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  probeSqlCipher();
  const vaultDir = resolve(process.env.OBI_VAULT ?? join(root, '.obi-dev', 'vault'));
  const policy = loadPolicy(
    policyLoadOptions({
      devBuild: true,
      platform: process.platform,
      env: process.env,
      devDefaultFile: join(root, 'build', 'policy', 'example-officer.json'),
    }),
  );
  for (const w of policy.warnings) console.warn(`policy warning: ${w.key}: ${w.message}`);
  for (const p of policy.problems) console.warn(`policy problem: ${p.key}: ${p.message} — the app is read-only`);
  mkdirSync(resolve(vaultDir, '..'), { recursive: true });
  const log = fileLog(resolve(process.env.OBI_LOG_DIR ?? join(root, '.obi-dev', 'logs')));
  const port = process.env.OBI_WEB_PORT ? Number(process.env.OBI_WEB_PORT) : 0;
  const server = await startWebServer({
    vaultDir,
    policy,
    log,
    rendererDir: join(root, 'dist', 'renderer'),
    bridgeScriptPath: join(root, 'dist', 'web', 'web-bridge.js'),
    port,
  });
  console.log('OBI Werkplek, browser mode (development and tests only)');
  console.log(`  vault:  ${vaultDir}`);
  console.log(
    `  policy: ${
      policy.sources
        .filter((s) => s.present)
        .map((s) => s.location)
        .join(', ') || '(none)'
    }`,
  );
  console.log(`  open:   ${server.url}`);
  const stop = () =>
    void server
      .close()
      .then(() => log.close())
      .then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof AppError ? e.message : 'The browser harness could not start.');
  process.exit(2);
});
