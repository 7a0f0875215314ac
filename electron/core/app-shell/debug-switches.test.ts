import { describe, expect, it } from 'vitest';
import { debuggingRefusal } from './debug-switches';

const release = (argv: string[], env: Record<string, string> = {}, platform: NodeJS.Platform = 'linux') =>
  debuggingRefusal({ devBuild: false, argv, env, platform });

describe('debugging switches', () => {
  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-port', '9222'],
    ['--remote-debugging-pipe'],
    ['--remote-debugging-address=0.0.0.0'],
    ['--remote-allow-origins=*'],
    ['--inspect'],
    ['--inspect-brk=9229'],
    ['--inspect-port=0'],
    ['--js-flags=--allow-natives-syntax'],
    ['-remote-debugging-port=9222'],
    ['--Remote-Debugging-Port=9222'],
    ['--renderer-cmd-prefix=gdb --args'],
    ['--no-sandbox'],
    ['--disable-web-security'],
    ['--load-extension=/tmp/x'],
    ['--wait-for-debugger'],
  ])('a release build refuses %s in one line that names the switch', (...argv) => {
    const message = release(argv);
    expect(message).toMatch(
      /^OBI Werkplek does not start with --[a-z-]+: debugging switches would let another program read the vault\. Start it without them\.$/,
    );
    expect(message).toContain(`--${argv[0].replace(/^-+/, '').split('=')[0]!.toLowerCase()}`);
  });

  it('reads Windows-style /switches on Windows only', () => {
    expect(release(['/remote-debugging-port=9222'], {}, 'win32')).toContain('--remote-debugging-port');
    expect(release(['/remote-debugging-port=9222'], {}, 'linux')).toBeNull();
  });

  it('refuses NODE_OPTIONS that open an inspector or load code, and ELECTRON_RUN_AS_NODE', () => {
    expect(release([], { NODE_OPTIONS: '--max-old-space-size=4096 --inspect=0.0.0.0:9229' })).toContain('NODE_OPTIONS --inspect');
    expect(release([], { NODE_OPTIONS: '-r /tmp/hook.js' })).toContain('NODE_OPTIONS -r');
    expect(release([], { NODE_OPTIONS: '--import=/tmp/hook.mjs' })).toContain('NODE_OPTIONS --import');
    expect(release([], { NODE_OPTIONS: '--max-old-space-size=4096' })).toBeNull();
    expect(release([], { ELECTRON_RUN_AS_NODE: '1' })).toContain('ELECTRON_RUN_AS_NODE');
  });

  it('lets ordinary starts through: no switch, harmless switches, data after --', () => {
    expect(release([])).toBeNull();
    expect(release(['--lang=nl', '--enable-features=Foo'])).toBeNull();
    expect(release(['--', '--remote-debugging-port=9222'])).toBeNull();
  });

  it('never refuses a development build', () => {
    expect(
      debuggingRefusal({ devBuild: true, argv: ['--inspect', '--remote-debugging-port=9222'], env: { NODE_OPTIONS: '--inspect' }, platform: 'linux' }),
    ).toBeNull();
  });
});
