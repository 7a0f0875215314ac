import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Electron does not run here: its session and window are recorders, and these tests check what the
 * printer asks of them — the window's options, what its session serves and refuses, and that the
 * window goes also when printing fails.
 */
type Handler = (request: { url: string }) => Response;
type Filter = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

const recorded = vi.hoisted(() => ({
  partitions: [] as string[],
  handlers: new Map<string, Handler>(),
  requestFilter: undefined as Filter | undefined,
  permissionRequest: undefined as undefined | ((...args: unknown[]) => void),
  permissionCheck: undefined as undefined | ((...args: unknown[]) => unknown),
  sessionEvents: new Map<string, (...args: unknown[]) => void>(),
  windows: [] as Array<{ options: unknown; loaded: string[]; printed: unknown[]; destroyed: boolean }>,
  /** What the page asks for while it loads, as a real page would fetch its resources. */
  pageRequests: [] as string[],
  /** What the session answered and allowed, per request, while the page was loading. */
  answers: [] as Array<{ url: string; status: number; body: string; csp: string | null; cancelled: boolean }>,
  printFails: false,
}));

vi.mock('electron', () => {
  const ses = {
    protocol: { handle: (scheme: string, fn: Handler) => recorded.handlers.set(scheme, fn) },
    webRequest: { onBeforeRequest: (fn: Filter) => (recorded.requestFilter = fn) },
    setPermissionRequestHandler: (fn: (...args: unknown[]) => void) => (recorded.permissionRequest = fn),
    setPermissionCheckHandler: (fn: (...args: unknown[]) => unknown) => (recorded.permissionCheck = fn),
    on: (name: string, fn: (...args: unknown[]) => void) => recorded.sessionEvents.set(name, fn),
  };
  const answer = async (url: string) => {
    let cancelled = false;
    recorded.requestFilter!({ url }, (r) => (cancelled = r.cancel === true));
    const handler = recorded.handlers.get(url.split(':')[0]!);
    const response = cancelled || !handler ? new Response(null, { status: 499 }) : handler({ url });
    recorded.answers.push({ url, status: response.status, body: await response.text(), csp: response.headers.get('Content-Security-Policy'), cancelled });
  };
  class BrowserWindow {
    record = { options: undefined as unknown, loaded: [] as string[], printed: [] as unknown[], destroyed: false };
    webContents = {
      printToPDF: (options: unknown) => {
        this.record.printed.push(options);
        return recorded.printFails ? Promise.reject(new Error('printing failed')) : Promise.resolve(Buffer.from('%PDF-1.7 printed'));
      },
    };
    constructor(options: unknown) {
      this.record.options = options;
      recorded.windows.push(this.record);
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
      for (const u of [url, ...recorded.pageRequests]) await answer(u);
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return {
    BrowserWindow,
    session: {
      fromPartition: (name: string) => {
        recorded.partitions.push(name);
        return ses;
      },
    },
  };
});

const { printPdf } = await import('./print-pdf');

beforeEach(() => {
  recorded.windows.length = 0;
  recorded.answers.length = 0;
  recorded.pageRequests.length = 0;
  recorded.printFails = false;
});

describe('printing the report to PDF in Electron', () => {
  it('prints in a hidden, sandboxed window without script, in an in-memory session of its own', async () => {
    const pdf = await printPdf('<html><body>report</body></html>');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 printed');
    expect(recorded.partitions.every((p) => !p.startsWith('persist:'))).toBe(true);
    const [window] = recorded.windows;
    expect(window?.options).toEqual({
      show: false,
      webPreferences: expect.objectContaining({
        partition: recorded.partitions[0],
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
      }) as unknown,
    });
    expect(window?.printed).toEqual([{ printBackground: true, pageSize: 'A4' }]);
    expect(window?.destroyed).toBe(true);
  });

  it('serves the report from memory with a CSP that allows no script and no request', async () => {
    await printPdf('<html><body>the report</body></html>');
    const [report] = recorded.answers;
    expect(report).toMatchObject({ status: 200, body: '<html><body>the report</body></html>', cancelled: false });
    expect(report?.csp).toMatch(/^default-src 'none'/);
    expect(report?.csp).not.toMatch(/script-src|connect-src|https?:/);
    const served = recorded.handlers.get('obi-print')!({ url: recorded.windows[0]!.loaded[0]! });
    // After printing the report's address answers no more.
    expect(served.status).toBe(404);
    const url = recorded.windows[0]!.loaded[0]!;
    recorded.answers.length = 0;
    recorded.pageRequests.push(url);
    await printPdf('<html></html>');
    expect(recorded.answers[1]).toMatchObject({ url, cancelled: true });
  });

  it('refuses every request of the page other than the report itself', async () => {
    recorded.pageRequests.push(
      'https://example.org/tracker.png',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'obi-print://report/guessed',
      'app://obi/index.html',
    );
    await printPdf('<html></html>');
    const [report, ...others] = recorded.answers;
    expect(report?.cancelled).toBe(false);
    expect(others.map((a) => [a.url, a.cancelled])).toEqual(recorded.pageRequests.map((u) => [u, true]));
  });

  it('gives the session no permission and no download', async () => {
    await printPdf('<html></html>');
    let granted: boolean | undefined;
    recorded.permissionRequest!(null, 'media', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
    expect(recorded.permissionCheck!()).toBe(false);
    const event = { preventDefault: vi.fn() };
    recorded.sessionEvents.get('will-download')!(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('destroys the window also when printing fails, and says that it failed', async () => {
    recorded.printFails = true;
    await expect(printPdf('<html></html>')).rejects.toThrow('printing failed');
    expect(recorded.windows[0]?.destroyed).toBe(true);
    // The failed print's page is no longer served.
    expect(recorded.handlers.get('obi-print')!({ url: recorded.windows[0]!.loaded[0]! }).status).toBe(404);
  });

  it('prepares its session once, however many reports it prints', async () => {
    await printPdf('<html></html>');
    await printPdf('<html></html>');
    expect(recorded.partitions).toHaveLength(1);
    expect(recorded.handlers.size).toBe(1);
  });
});
