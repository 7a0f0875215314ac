/** The app's own origin: content is served from `app://obi/`, never from `file://`. */
export const appScheme = 'app';
export const appHost = 'obi';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;
