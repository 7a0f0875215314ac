/**
 * The vault's schema history: one numbered file per step, each with its own SQL and frozen once
 * released, so no later change of a capability can rewrite what an existing vault went through.
 * Adding a migration is one new file `NNNN-what.ts` (exporting `version` and `up`) and one line here.
 */
export * as m0001 from './0001-vault';
export * as m0002 from './0002-capture';
export * as m0003 from './0003-redaction-decisions';
export * as m0004 from './0004-exchange';
export * as m0005 from './0005-full-text-upkeep';
export * as m0006 from './0006-outgoing-preview';
export * as m0007 from './0007-inbox-memory';
export * as m0008 from './0008-conversations';
export * as m0009 from './0009-meeting-identity';
export * as m0010 from './0010-triage';
export * as m0011 from './0011-vault-held-memory-and-audit-heads';
export * as m0012 from './0012-central';
export * as m0013 from './0013-central-sums';
