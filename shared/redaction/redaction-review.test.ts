import { describe, expect, it } from 'vitest';
import { Pseudonymiser } from './pseudonymiser';
import { decisionProblem, outgoingSummary, redactionReviewOf, UndecidedSpansError, type RedactionDecision } from './redaction-review';

const text = 'Karim Haddad werd gebeld op 06-12345678 door iemand van het consulaat. Haddad was bang.';

const decide = (
  surface: string,
  category: RedactionDecision['category'],
  decision: RedactionDecision['decision'] = 'redact',
  origin: RedactionDecision['origin'] = 'detected',
): RedactionDecision => ({
  surface,
  category,
  decision,
  reason: decision === 'keep' ? 'publiek' : null,
  origin,
});

describe('the officer’s review of a summary', () => {
  it('lists every proposed span as undecided until the officer decides', () => {
    const review = redactionReviewOf(text, []);
    expect(review.undecided).toBe(review.spans.length);
    expect(review.spans.map((s) => s.surface)).toEqual(expect.arrayContaining(['Karim Haddad', '06-12345678']));
    expect(review.spans.every((s) => s.status === 'undecided')).toBe(true);
  });

  it('applies a decision to every occurrence of the same form, and asks again for a new form', () => {
    const first = redactionReviewOf(text, []);
    const decisions = first.spans.map((s) => decide(s.surface, s.category));
    expect(redactionReviewOf(text, decisions).undecided).toBe(0);
    expect(redactionReviewOf(`${text} Haddad belde terug.`, decisions).undecided).toBe(0);
    expect(redactionReviewOf(text.replace('06-12345678', '06-87654321'), decisions).undecided).toBe(1);
  });

  it('shows the summary exactly as it leaves, and refuses while a span is undecided', () => {
    expect(() => outgoingSummary(text, [])).toThrow(UndecidedSpansError);
    const decisions = redactionReviewOf(text, []).spans.map((s) => decide(s.surface, s.category));
    const out = outgoingSummary(text, decisions);
    expect(out.text).toBe('[PERSOON-1] werd gebeld op [TELEFOON-1] door iemand van het consulaat. [PERSOON-1] was bang.');
  });

  it('keeps what the officer keeps, and replaces what the officer marked by hand', () => {
    const withManual = 'De voorzitter van Stichting Lichtpunt belde. Lichtpunt organiseert avonden.';
    const proposed = redactionReviewOf(withManual, []).spans.map((s) => decide(s.surface, s.category, 'keep'));
    const decisions = [...proposed, decide('Lichtpunt', 'organisation', 'redact', 'manual')];
    const review = redactionReviewOf(withManual, decisions);
    expect(review.undecided).toBe(0);
    const out = outgoingSummary(withManual, decisions);
    expect(out.text).not.toContain('Lichtpunt');
  });

  it('numbers across summaries with one pseudonymiser', () => {
    const p = new Pseudonymiser();
    const a = 'Gesprek met Karim Haddad.';
    const b = 'Later belde Karim Haddad weer, en ook Sara Bakker.';
    const all = [...redactionReviewOf(a, []).spans, ...redactionReviewOf(b, []).spans].map((s) => decide(s.surface, s.category));
    expect(outgoingSummary(a, all, p).text).toBe('Gesprek met [PERSOON-1].');
    expect(outgoingSummary(b, all, p).text).toBe('Later belde [PERSOON-1] weer, en ook [PERSOON-2].');
  });

  it('validates decisions from outside', () => {
    expect(decisionProblem({ surface: 'x', category: 'person', decision: 'redact' })).toBeNull();
    expect(decisionProblem({ surface: ' ', category: 'person', decision: 'redact' })).toMatch(/surface/);
    expect(decisionProblem({ surface: 'x', category: 'alien', decision: 'redact' })).toMatch(/category/);
    expect(decisionProblem({ surface: 'x', category: 'person', decision: 'keep', reason: 'two words' })).toMatch(/reason/);
    expect(decisionProblem({ surface: 'x', category: 'person', decision: 'keep', reason: 'publiek' })).toBeNull();
  });
});
