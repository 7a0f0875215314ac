import type { Policy } from '../../../shared/policy/policy-schema';
import { folderTransport } from './folder-transport';
import type { Transport } from './transport';
import { webdavTransport } from './webdav-transport';

/** The transport the policy names. A WebDAV transport reads its certificates first: a bad file is a policy error before anything is sent. */
export function openTransport(config: NonNullable<Policy['transport']>): Promise<Transport> {
  return config.kind === 'webdav' ? webdavTransport(config) : Promise.resolve(folderTransport(config));
}
