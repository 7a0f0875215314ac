export { isRedactionCategory, redactionCategories, replacementLabels, type DetectedSpan, type RedactionCategory } from './categories';
export { detect } from './detect';
export { preloadDutchWords } from './lexicon/dutch-words';
export { Pseudonymiser } from './pseudonymiser';
export { redact, type RedactedSpan, type RedactionResult, type SpanToRedact } from './redact';
export { forgetSeenText } from './seen-text';
