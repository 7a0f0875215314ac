import type { PayloadHeader } from '../../../shared/exchange/payload';
import { appVersion } from '../app-version';

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The header of a new bundle: its period runs from the oldest date it carries (or today) to today. */
export function payloadHeader(id: string, organisation: PayloadHeader['organisation'], dates: string[], taxonomyVersion: number, now: Date): PayloadHeader {
  const oldest = [...dates].sort()[0];
  return { id, organisation, period: { from: oldest ?? day(now), to: day(now) }, taxonomyVersion, softwareVersion: appVersion, now };
}
