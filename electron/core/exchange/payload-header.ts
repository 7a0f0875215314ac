import type { Period, PayloadHeader } from '../../../shared/exchange/payload';
import { appVersion } from '../app-version';

/** The header of a new bundle: its period is the reporting period of its schedule (see reporting-period.ts). */
export function payloadHeader(id: string, organisation: PayloadHeader['organisation'], period: Period, taxonomyVersion: number, now: Date): PayloadHeader {
  return { id, organisation, period, taxonomyVersion, softwareVersion: appVersion, now };
}
