import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../core/app-error';
import { loadPolicy } from '../core/policy/load-policy';
import { probeSqlCipher } from '../core/vault/sqlcipher';
import { startWebServer } from './web-server';

/**
 * `npm run web`: browser mode on 127.0.0.1 with the vault and policy named by OBI_VAULT and
 * OBI_POLICY (defaults: a development vault under .obi-dev/ and the example officer policy).
 */
async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  probeSqlCipher();
  const vaultDir = resolve(process.env.OBI_VAULT ?? join(root, '.obi-dev', 'vault'));
  const policyFile = resolve(process.env.OBI_POLICY ?? join(root, 'build', 'policy', 'example-officer.json'));
  const policy = loadPolicy(policyFile);
  for (const w of policy.warnings) console.warn(`policy warning: ${w.key}: ${w.message}`);
  mkdirSync(resolve(vaultDir, '..'), { recursive: true });
  const port = process.env.OBI_WEB_PORT ? Number(process.env.OBI_WEB_PORT) : 0;
  const server = await startWebServer({
    vaultDir,
    policy,
    rendererDir: join(root, 'dist', 'renderer'),
    bridgeScriptPath: join(root, 'dist', 'web', 'web-bridge.js'),
    port,
  });
  console.log('OBI Werkplek, browser mode (development and tests only)');
  console.log(`  vault:  ${vaultDir}`);
  console.log(`  policy: ${policyFile}`);
  console.log(`  open:   ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof AppError ? e.message : 'The browser harness could not start.');
  process.exit(2);
});
