/**
 * The Content-Security-Policy of the app window, sent as a header by the `app://` protocol and
 * repeated as a meta tag in `renderer/index.html` (a unit test keeps the two equal). Scripts,
 * styles and connections come from the app itself only; nothing may frame it, no plugin, no form
 * target, no base URL.
 */
export const cspDirectives: Readonly<Record<string, string>> = Object.freeze({
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
});

const render = (names: string[]) => names.map((n) => `${n} ${cspDirectives[n]}`).join('; ');

export const contentSecurityPolicy = render(Object.keys(cspDirectives));

/** `frame-ancestors` is ignored in a meta tag, so the meta form leaves it out. */
export const contentSecurityPolicyMeta = render(Object.keys(cspDirectives).filter((n) => n !== 'frame-ancestors'));
