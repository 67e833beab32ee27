// The Electron shell's security rules, proved without launching Electron: the URL rules as pure
// functions, the path-traversal guard under app://, and security.ts's guards driven through a
// stand-in for the `electron` module (the real one would try to download the binary).
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl, isAppFileUrl, isAppUrl, APP_ENTRY_URL, APP_ORIGIN } from '../../main/app/url-policy';
import { resolveUnderRoot } from '../../main/domain/safe-path';

// A minimal Electron for security.ts: an `app` that emits web-contents-created, a session whose
// handlers we can call, and a `shell` that records what it would open.
type PermissionHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type CheckHandler = (...args: unknown[]) => boolean;
const fake = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const handlers: { request?: PermissionHandler; check?: CheckHandler; device?: CheckHandler } = {};
  return { app: new Emitter(), opened: new Array<string>(), handlers };
});
vi.mock('electron', () => ({
  app: fake.app,
  shell: {
    openExternal: async (url: string) => {
      fake.opened.push(url);
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: PermissionHandler) => (fake.handlers.request = h),
      setPermissionCheckHandler: (h: CheckHandler) => (fake.handlers.check = h),
      setDevicePermissionHandler: (h: CheckHandler) => (fake.handlers.device = h),
    },
  },
}));

describe('isAppUrl (what counts as our own page)', () => {
  it('accepts app://kiemchung and its paths', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/`)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/index.html#/users`)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/assets/index-abc.js?x=1`)).toBe(true);
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://kiemchung.evil.example/index.html'],
    ['credentials', 'app://user:pw@kiemchung/index.html'],
    ['a port', 'app://kiemchung:8080/index.html'],
    ['https', 'https://kiemchung/index.html'],
    ['http on localhost', 'http://127.0.0.1:4310/'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['about:blank', 'about:blank'],
    ['garbage', 'not a url'],
    ['empty', ''],
    ['undefined', undefined],
    ['null', null],
  ])('refuses %s', (_what, url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('isAppFileUrl (our links to exports and evidence)', () => {
  it('is true only for app://kiemchung/files/…', () => {
    expect(isAppFileUrl(`${APP_ORIGIN}/files/abc_DEF-123`)).toBe(true);
    for (const url of [APP_ENTRY_URL, `${APP_ORIGIN}/filesx/abc`, 'app://evil/files/abc', 'https://example.vn/files/abc', '', undefined]) {
      expect(isAppFileUrl(url), String(url)).toBe(false);
    }
  });
});

describe('isAllowedExternalUrl (what may go to the OS browser or mail program)', () => {
  it.each([
    'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html',
    'https://example.vn',
    'mailto:vanphong@xa.gov.vn',
    'mailto:a@b.vn?subject=B%C3%A1o%20c%C3%A1o',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://example.vn',
    'file:///C:/Windows/System32/calc.exe',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,hi',
    'vbscript:msgbox(1)',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'smb://server/share',
    'app://kiemchung/index.html',
    'https://gov.vn@evil.example/',
    'https://user:pw@example.vn/',
    'mailto:',
    '//example.vn',
    'example.vn',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('resolveUnderRoot (the app:// traversal guard)', () => {
  const root = path.resolve('/srv/kiemchung/renderer');
  const inside = (p: string | null) => p !== null && (p === root || p.startsWith(root + path.sep));

  it('maps ordinary paths into the root, and / to index.html', () => {
    expect(resolveUnderRoot(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveUnderRoot(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveUnderRoot(root, '/fonts/Be%20Vietnam%20Pro.ttf')).toBe(path.join(root, 'fonts', 'Be Vietnam Pro.ttf'));
    expect(resolveUnderRoot(root, '/index.html?v=1#top')).toBe(path.join(root, 'index.html'));
  });

  it.each([
    ['..', '/../secret.txt'],
    ['.. deeper', '/assets/../../secret.txt'],
    ['%2e%2e', '/%2e%2e/secret.txt'],
    ['%2E%2E upper-case', '/%2E%2E/%2E%2E/etc/passwd'],
    ['.%2e mixed', '/.%2e/secret.txt'],
    ['encoded slash', '/..%2f..%2fetc%2fpasswd'],
    ['encoded slash, upper-case', '/assets%2F..%2F..%2Fsecret.txt'],
    ['backslash', '/..\\secret.txt'],
    ['encoded backslash', '/..%5csecret.txt'],
    ['encoded backslash alone', '/assets%5Cindex.js'],
    ['NUL', '/index.html%00.png'],
    ['raw NUL', '/index.html\0.png'],
    ['malformed escape', '/%E0%A4%A'],
    ['Windows drive path', '/C:\\Windows\\win.ini'],
  ])('refuses %s', (_what, urlPath) => {
    expect(resolveUnderRoot(root, urlPath)).toBeNull();
  });

  it('keeps absolute and double-encoded paths inside the root', () => {
    for (const p of ['/etc/passwd', '//etc/passwd', '///etc/passwd', '/%2fetc/passwd', '/%252e%252e/secret.txt', '/C:/Windows/win.ini']) {
      const r = resolveUnderRoot(root, p);
      expect(r === null || inside(r), `${p} → ${r}`).toBe(true);
    }
  });
});

describe('security.ts on every web contents', () => {
  type OpenHandler = (details: { url: string }) => { action: string };
  class FakeContents extends EventEmitter {
    openHandler: OpenHandler | null = null;
    downloads: string[] = [];
    setWindowOpenHandler(h: OpenHandler) {
      this.openHandler = h;
    }
    downloadURL(url: string) {
      this.downloads.push(url);
    }
  }
  const contents = new FakeContents();
  /** Emits an event the way Electron does and reports whether a guard called preventDefault. */
  const refused = (event: string, ...args: unknown[]) => {
    const e = { preventDefault: vi.fn(), url: typeof args[0] === 'string' ? args[0] : '' };
    contents.emit(event, e, ...args);
    return e.preventDefault.mock.calls.length > 0;
  };

  beforeAll(async () => {
    const { applySecurityPolicy } = await import('../../main/app/security');
    applySecurityPolicy();
    fake.app.emit('web-contents-created', {}, contents);
  });

  it('lets the page move within app://kiemchung and nowhere else', () => {
    expect(refused('will-navigate', `${APP_ORIGIN}/index.html#/users`)).toBe(false);
    for (const url of ['https://example.vn/', 'http://127.0.0.1:4310/', 'file:///etc/passwd', 'app://evil/', 'javascript:alert(1)']) {
      expect(refused('will-navigate', url), url).toBe(true);
      expect(refused('will-frame-navigate', url), url).toBe(true);
      expect(refused('will-redirect', url), url).toBe(true);
    }
  });

  it('never opens a window; only https/mailto links go to the OS, the rest nowhere', async () => {
    const open = contents.openHandler;
    expect(open).not.toBeNull();
    for (const url of ['https://example.vn/', 'mailto:a@b.vn', 'http://example.vn/', 'file:///etc/passwd', `${APP_ORIGIN}/index.html`, 'ms-msdt:/id x']) {
      expect(open?.({ url })).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(fake.opened).toEqual(['https://example.vn/', 'mailto:a@b.vn']);
    expect(contents.downloads).toEqual([]);
  });

  it('saves our own file links through a download instead of opening a window', () => {
    const url = `${APP_ORIGIN}/files/abc123`;
    expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    expect(contents.downloads).toEqual([url]);
    expect(fake.opened).not.toContain(url);
  });

  it('refuses webviews', () => {
    expect(refused('will-attach-webview', {}, {})).toBe(true);
  });

  it('grants no permission but full screen on our own page, however asked', () => {
    const ours = { getURL: () => `${APP_ORIGIN}/index.html#/exams/1/board` };
    const foreign = { getURL: () => 'https://example.com/' };
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      fake.handlers.request?.(ours, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const full = vi.fn();
    fake.handlers.request?.(foreign, 'fullscreen', full);
    expect(full).toHaveBeenCalledWith(false);
    const board = vi.fn();
    fake.handlers.request?.(ours, 'fullscreen', board);
    expect(board).toHaveBeenCalledWith(true);
    expect(fake.handlers.check?.({}, 'clipboard-sanitized-write', APP_ORIGIN, {})).toBe(false);
    expect(fake.handlers.device?.({ deviceType: 'usb', origin: APP_ORIGIN })).toBe(false);
  });
});

describe('permissions', () => {
  it('allows only full screen, only for the app’s own pages', async () => {
    const { isAllowedPermission } = await import('../../main/app/url-policy');
    expect(isAllowedPermission('fullscreen', 'app://kiemchung/index.html#/exams/1/board')).toBe(true);
    expect(isAllowedPermission('fullscreen', 'https://example.com/')).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      expect(isAllowedPermission(p, 'app://kiemchung/index.html')).toBe(false);
  });
});
