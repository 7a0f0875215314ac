/**
 * TLP 2.0 markings by the fixed ids of the TLP 2.0 extension, which STIX consumers know without
 * the marking-definition object in the bundle, and the same markings as MISP machine tags.
 */

export const tlpAmberStrict = 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003';
export const tlpClear = 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487';

export const tlpAmberStrictTag = 'tlp:amber+strict';
export const tlpClearTag = 'tlp:clear';
