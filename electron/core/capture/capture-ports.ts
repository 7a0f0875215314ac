/**
 * What capture needs from the shared taxonomy, the map of municipalities and the sending side, as
 * narrow interfaces, so that capture can be tested with small fakes and the real providers stay in
 * their own modules (the sending side, exchange, stands above capture and plugs itself in here).
 */
export interface TaxonomyPort {
  readonly version: number;
  /** Null when the tag is a known value of the active taxonomy, else why not (no user text). */
  checkTag(tag: string): string | null;
  /** `namespace:predicate` of a valid tag. */
  predicateOf(tag: string): string;
  /** Whether a signal may carry at most one value of this predicate. */
  isExclusive(predicate: string): boolean;
  /** Null when the value is a community of the taxonomy. */
  checkCommunity(value: string): string | null;
}

export interface PlacePort {
  /** The municipality's official name and its province, or undefined when unknown. */
  findMunicipality(name: string): { name: string; province: string } | undefined;
}

export interface SendingPort {
  /** Whether the signal travels in a bundle that is prepared and has not left yet. */
  isBound(signalId: number): boolean;
}

export interface CaptureDeps {
  taxonomy: TaxonomyPort;
  places: PlacePort;
  sending: SendingPort;
  now?: () => Date;
}

/** Tags a signal needs before it may become ready: who acted and how. */
export const requiredPredicatesForReady = ['nl-obi:state-actor', 'nl-obi:modus-operandi'] as const;
