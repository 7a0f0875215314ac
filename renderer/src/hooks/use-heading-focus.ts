import { useEffect, useRef, type RefObject } from 'react';
import { useNav } from '../stores/nav-store';

/**
 * Moves focus to the page's heading on every navigation: when a page opens (the unlocked views, and
 * the screens before them: setup, unlock, recovery) and whenever the view changes within one. A
 * screen reader then says where the user is, and Tab goes on from the top of the new page instead
 * of from the top of the document. A page that put focus in one of its own fields (`autoFocus`)
 * keeps it. The heading needs tabIndex={-1}.
 */
export function useHeadingFocus(): RefObject<HTMLHeadingElement | null> {
  const heading = useRef<HTMLHeadingElement>(null);
  const view = useNav((s) => s.view);
  useEffect(() => {
    const h = heading.current;
    if (!h || h.closest('main')?.contains(document.activeElement)) return;
    h.focus();
  }, [view]);
  return heading;
}
