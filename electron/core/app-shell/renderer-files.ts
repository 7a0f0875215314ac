import { extname, join, normalize, sep } from 'node:path';
import { appHost, appScheme } from './app-origin';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export const mimeTypeOf = (path: string): string => mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';

/**
 * Maps an `app://obi/…` URL to a file inside the built renderer folder, or null for anything else:
 * another host, another scheme, or a path that would climb out of the folder.
 */
export function resolveRendererFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const relative = normalize(path === '/' ? '/index.html' : path).replace(/^[/\\]+/, '');
  const root = normalize(rendererDir);
  const full = join(root, relative);
  return full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null;
}
