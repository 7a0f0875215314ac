// `npm start`: launches Electron on the built app. On first use the electron package downloads its
// binary (set ELECTRON_MIRROR to use a mirror on a managed network).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronPath;
try {
  electronPath = require('electron');
} catch {
  console.error('Electron is not available. Run `npm ci` with network access (or ELECTRON_MIRROR set) and try again.');
  process.exit(1);
}
const child = spawn(electronPath, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
