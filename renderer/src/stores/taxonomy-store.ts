import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { TaxonomyView } from '../../../shared/taxonomy/taxonomy-view';
import { api } from '../api/client';
import { registerContentStore } from './content-reset';

/** One value of a taxonomy dimension, in the interface language. */
export interface ValueView {
  tag: string;
  value: string;
  label: string;
  definition: string;
}

/** One dimension (predicate) of the taxonomy, in the interface language. */
export interface PredicateView {
  /** `namespace:predicate`, the part of a tag before `=`. */
  key: string;
  name: string;
  exclusive: boolean;
  label: string;
  definition: string;
  values: ValueView[];
}

interface TaxonomyState {
  taxonomy: TaxonomyView | null;
  load: () => Promise<void>;
  reset: () => void;
}

/** The active taxonomy (built in, or a newer signed one imported into the vault). */
export const useTaxonomy = create<TaxonomyState>()((set, get) => ({
  taxonomy: null,
  load: async () => {
    if (get().taxonomy) return;
    const result = await api['taxonomy.get']({});
    if (result.ok) set({ taxonomy: result.value });
  },
  reset: () => set({ taxonomy: null }),
}));

// The active taxonomy may be one imported into this vault: read it again after the next unlock.
registerContentStore(() => useTaxonomy.getState().reset());

type Lang = 'nl' | 'en';
const langOf = (language: string): Lang => (language.startsWith('en') ? 'en' : 'nl');

/**
 * The dimensions a signal is tagged with: the project's own (except `community`, which belongs to
 * the meeting) and the admiralty grading. TLP and workflow tags are set by the app, not by hand.
 */
export function signalPredicates(taxonomy: TaxonomyView, lang: Lang): PredicateView[] {
  return taxonomy.predicates
    .filter((p) => (p.usage === 'classification' && p.predicate !== 'community') || p.usage === 'grading')
    .map((p) => ({
      key: `${p.namespace}:${p.predicate}`,
      name: p.predicate,
      exclusive: p.exclusive,
      label: p.labels[lang].label,
      definition: p.labels[lang].definition,
      values: p.values.map((v) => ({ tag: v.tag, value: v.value ?? v.tag, label: v.labels[lang].label, definition: v.labels[lang].definition })),
    }));
}

/** The same list while the taxonomy and language stand, so what renders from it can skip a render of the page. */
export function usePredicates(): PredicateView[] {
  const { i18n } = useTranslation();
  const taxonomy = useTaxonomy((s) => s.taxonomy);
  const lang = langOf(i18n.language);
  return useMemo(() => (taxonomy ? signalPredicates(taxonomy, lang) : []), [taxonomy, lang]);
}

/** The communities a meeting can be about, as values of the taxonomy's `community` dimension. */
export function useCommunityValues(): ValueView[] {
  const { i18n } = useTranslation();
  const taxonomy = useTaxonomy((s) => s.taxonomy);
  const lang = langOf(i18n.language);
  const community = taxonomy?.predicates.find((p) => p.usage === 'classification' && p.predicate === 'community');
  return (community?.values ?? []).map((v) => ({ tag: v.tag, value: v.value ?? v.tag, label: v.labels[lang].label, definition: v.labels[lang].definition }));
}

/** A function from a machine tag to its label in the interface language (the tag itself if unknown). */
export function useTagLabel(): (tag: string) => string {
  const { i18n } = useTranslation();
  const taxonomy = useTaxonomy((s) => s.taxonomy);
  const lang = langOf(i18n.language);
  return (tag) => {
    for (const p of taxonomy?.predicates ?? []) {
      const v = p.values.find((x) => x.tag === tag);
      if (v) return v.labels[lang].label;
    }
    return tag;
  };
}
