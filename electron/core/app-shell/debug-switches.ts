type Env = Record<string, string | undefined>;

/**
 * Chromium and Node switches that would let another program look inside the running app (a
 * debugger on the main process or a page holds the vault's key and every decrypted note), run its
 * own code in it, or switch its sandbox off. Names without the leading dashes; a name ending in
 * `*` covers every switch that starts with it.
 */
const refusedSwitches = [
  'remote-debugging-*',
  'remote-allow-origins',
  'inspect*',
  'debug',
  'debug-brk',
  'debug-port',
  'js-flags',
  'wait-for-debugger*',
  'auto-open-devtools-for-tabs',
  'renderer-cmd-prefix',
  'utility-cmd-prefix',
  'gpu-launcher',
  'browser-subprocess-path',
  'no-sandbox',
  'disable-web-security',
  'disable-site-isolation-trials',
  'load-extension',
] as const;

/** Flags in NODE_OPTIONS that open an inspector or load foreign code (the fuse ignores NODE_OPTIONS; we refuse it loudly all the same). */
const refusedNodeOptions = /(^|\s)(--inspect[\w-]*|--debug[\w-]*|-r|--require|--import|--(experimental-)?loader)(=|\s|$)/;

function refusedName(name: string): boolean {
  return refusedSwitches.some((s) => (s.endsWith('*') ? name.startsWith(s.slice(0, -1)) : name === s));
}

/**
 * The switch name an argument sets, or null. Chromium reads `--name`, `-name` and on Windows
 * `/name`, with an optional `=value`, and compares names case-insensitively on Windows; everything
 * after a bare `--` is data, not a switch.
 */
function switchName(arg: string, platform: NodeJS.Platform): string | null {
  const match = (platform === 'win32' ? /^(?:--|-|\/)([^=]+)/ : /^(?:--|-)([^=]+)/).exec(arg);
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * Why a release build must not start with these arguments and this environment, in one line, or
 * null when it may. A development build is never refused: developers debug it on purpose.
 */
export function debuggingRefusal(input: { devBuild: boolean; argv: readonly string[]; env: Env; platform: NodeJS.Platform }): string | null {
  if (input.devBuild) return null;
  const end = input.argv.indexOf('--');
  for (const arg of end < 0 ? input.argv : input.argv.slice(0, end)) {
    const name = switchName(arg, input.platform);
    if (name !== null && refusedName(name)) return refusal(`--${name}`);
  }
  const nodeOptions = input.env.NODE_OPTIONS ?? '';
  const flag = refusedNodeOptions.exec(nodeOptions);
  if (flag) return refusal(`NODE_OPTIONS ${flag[2]!}`);
  if (input.env.ELECTRON_RUN_AS_NODE) return refusal('ELECTRON_RUN_AS_NODE');
  return null;
}

const refusal = (what: string) =>
  `OBI Werkplek does not start with ${what}: debugging switches would let another program read the vault. Start it without them.`;
