import type { Policy } from '../../../shared/policy/policy-schema';
import { folderTransport } from './folder-transport';
import type { Transport } from './transport';

/** The transport the policy names. */
export function openTransport(config: NonNullable<Policy['transport']>): Promise<Transport> {
  return Promise.resolve(folderTransport(config));
}
