import { spawn, type ChildProcess } from 'node:child_process';
import { Message, MessageType, sessionBus, type MessageBus } from '@jellybrick/dbus-next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDesktopLock, watchDesktopLock } from './desktop-lock';

/**
 * Against real message buses: two `dbus-daemon --session` started here, one standing in for the
 * user's session bus and one for the system bus, where a test connection plays logind (it owns
 * org.freedesktop.login1 and answers GetSessionByPID) and the screensaver.
 */
const daemons: ChildProcess[] = [];
const buses: MessageBus[] = [];

function startDaemon(): Promise<string> {
  return new Promise((resolve, reject) => {
    const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
    daemons.push(daemon);
    daemon.on('error', reject);
    daemon.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
  });
}

const connect = (busAddress: string) => {
  const bus = sessionBus({ busAddress });
  buses.push(bus);
  return bus;
};

const ourSession = '/org/freedesktop/login1/session/_33';
let session: MessageBus;
let system: MessageBus;
let logind: MessageBus;
let screensaver: MessageBus;

beforeAll(async () => {
  const [sessionAddress, systemAddress] = await Promise.all([startDaemon(), startDaemon()]);
  session = connect(sessionAddress);
  system = connect(systemAddress);
  logind = connect(systemAddress);
  screensaver = connect(sessionAddress);
  await logind.requestName('org.freedesktop.login1', 0);
  logind.addMethodHandler((msg) => {
    if (msg.interface !== 'org.freedesktop.login1.Manager' || msg.member !== 'GetSessionByPID') return false;
    logind.send(Message.newMethodReturn(msg, 'o', [msg.body[0] === process.pid ? ourSession : '/org/freedesktop/login1/session/_34']));
    return true;
  });
});

afterAll(() => {
  for (const bus of buses) bus.disconnect();
  for (const daemon of daemons) daemon.kill();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('locking with the desktop on Linux (D-Bus)', () => {
  it('locks on logind Lock for this session and on the screensaver turning on; ignores other sessions and turning off', async () => {
    const locks: string[] = [];
    const watch = await watchDesktopLock({ session, system }, process.pid, () => locks.push('lock'));
    expect(watch.sources).toEqual(['logind', 'screensaver']);

    logind.send(Message.newSignal('/org/freedesktop/login1/session/_34', 'org.freedesktop.login1.Session', 'Lock'));
    screensaver.send(Message.newSignal('/org/freedesktop/ScreenSaver', 'org.freedesktop.ScreenSaver', 'ActiveChanged', 'b', [false]));
    await settle();
    expect(locks).toEqual([]);

    logind.send(Message.newSignal(ourSession, 'org.freedesktop.login1.Session', 'Lock'));
    await settle();
    expect(locks).toEqual(['lock']);
    screensaver.send(Message.newSignal('/org/gnome/ScreenSaver', 'org.gnome.ScreenSaver', 'ActiveChanged', 'b', [true]));
    await settle();
    expect(locks).toEqual(['lock', 'lock']);

    watch.stop();
    logind.send(Message.newSignal(ourSession, 'org.freedesktop.login1.Session', 'Lock'));
    await settle();
    expect(locks).toHaveLength(2);
  });

  it('still listens to the screensaver where there is no logind session', async () => {
    const watch = await watchDesktopLock({ session, system: null }, process.pid, () => undefined);
    expect(watch.sources).toEqual(['screensaver']);
    watch.stop();
  });
});

describe('the lock decision', () => {
  const signal = (iface: string, member: string, path: string, body: unknown[] = []) => ({ type: MessageType.SIGNAL, interface: iface, member, path, body });

  it('takes a Lock only from the session it was given, and ActiveChanged only when it turns on', () => {
    expect(isDesktopLock(signal('org.freedesktop.login1.Session', 'Lock', ourSession), ourSession)).toBe(true);
    expect(isDesktopLock(signal('org.freedesktop.login1.Session', 'Lock', ourSession), null)).toBe(false);
    expect(isDesktopLock(signal('org.freedesktop.login1.Session', 'Unlock', ourSession), ourSession)).toBe(false);
    expect(isDesktopLock(signal('org.freedesktop.ScreenSaver', 'ActiveChanged', '/x', [true]), null)).toBe(true);
    expect(isDesktopLock(signal('org.freedesktop.ScreenSaver', 'ActiveChanged', '/x', ['true']), null)).toBe(false);
    expect(isDesktopLock({ ...signal('org.freedesktop.ScreenSaver', 'ActiveChanged', '/x', [true]), type: MessageType.METHOD_CALL }, null)).toBe(false);
  });
});
