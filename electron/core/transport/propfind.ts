import { DOMParser } from '@xmldom/xmldom';
import { AppError } from '../app-error';

/**
 * The answer to a PROPFIND (Depth: 1) on a collection, as a list of its members. The server is
 * not trusted: the XML is parsed without entities beyond XML's own, only the last path segment of
 * each member is kept (a member elsewhere on the server cannot be made to look like ours), and
 * anything odd is left out rather than guessed at.
 */
export interface DavMember {
  /** The member's name in the collection, decoded. */
  name: string;
  collection: boolean;
  size: number | null;
  etag: string | null;
  lastModified: string | null;
}

const dav = 'DAV:';

export const propfindBody =
  '<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/><D:getcontentlength/><D:getetag/><D:getlastmodified/></D:prop></D:propfind>';

const first = (el: Element, local: string): Element | null => el.getElementsByTagNameNS(dav, local).item(0);
const text = (el: Element, local: string): string | null => first(el, local)?.textContent?.trim() ?? null;

function nameOf(href: string, collectionPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(href, 'https://server.invalid').pathname);
  } catch {
    return null;
  }
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === collectionPath.replace(/\/+$/, '')) return null;
  const name = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return name === '' ? null : name;
}

/** Only properties from a 2xx propstat count; a member's own 404 for a property means it has none. */
function okProps(response: Element): Element[] {
  const props: Element[] = [];
  const propstats = response.getElementsByTagNameNS(dav, 'propstat');
  for (let i = 0; i < propstats.length; i++) {
    const ps = propstats.item(i)!;
    if (/ 2\d\d /.test(` ${text(ps, 'status') ?? ''} `)) {
      const prop = first(ps, 'prop');
      if (prop) props.push(prop);
    }
  }
  return props;
}

export function parsePropfind(xml: string, collectionPath: string): DavMember[] {
  const problems: string[] = [];
  const doc = new DOMParser({ errorHandler: (level: string) => void (level !== 'warning' && problems.push(level)) }).parseFromString(xml, 'application/xml');
  const root = doc.documentElement;
  if (problems.length > 0 || !root || root.namespaceURI !== dav || root.localName !== 'multistatus')
    throw new AppError('server_error', 'The server answered the listing of the inbox with something other than a WebDAV multistatus.');
  const members: DavMember[] = [];
  const responses = root.getElementsByTagNameNS(dav, 'response');
  for (let i = 0; i < responses.length; i++) {
    const response = responses.item(i)!;
    const href = text(response, 'href');
    const name = href ? nameOf(href, collectionPath) : null;
    if (!name) continue;
    const props = okProps(response);
    const prop = (local: string) => props.map((p) => text(p, local)).find((v) => v !== null && v !== '') ?? null;
    const size = Number(prop('getcontentlength'));
    members.push({
      name,
      collection: props.some((p) => first(p, 'resourcetype') && first(first(p, 'resourcetype')!, 'collection')),
      size: prop('getcontentlength') !== null && Number.isSafeInteger(size) && size >= 0 ? size : null,
      etag: prop('getetag'),
      lastModified: prop('getlastmodified'),
    });
  }
  return members;
}
