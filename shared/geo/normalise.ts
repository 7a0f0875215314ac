import { foldForPlaces } from '../text/fold';

/**
 * A key for comparing place names as people type them: case and diacritics ignored, apostrophes
 * dropped, hyphens, dots, commas and runs of spaces made one space, and "aan de", "aan den" and
 * "a/d" one word ("'s-Gravenhage" meets "s gravenhage"; "Fryslân" meets "fryslan"; "Capelle a/d
 * IJssel" meets "Capelle aan den IJssel").
 */
export function placeKey(name: string): string {
  return foldForPlaces(name)
    .replace(/['’‘`´]/g, '')
    .replace(/\ba\s*\/\s*d\b/g, ' aan de ')
    .replace(/[\s.,\-–—/()]+/g, ' ')
    .replace(/\baan den?\b/g, 'ad')
    .trim();
}
