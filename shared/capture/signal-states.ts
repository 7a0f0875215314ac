/**
 * The life of a signal. The officer edits a draft (or a returned signal), marks it ready after the
 * redaction review, the export sends it, the team lead approves or returns it, and the team bundle
 * delivers it. Only draft and returned signals are editable.
 */
export const signalStates = ['draft', 'ready', 'sent', 'approved', 'returned', 'delivered'] as const;
export type SignalState = (typeof signalStates)[number];

const transitions: Readonly<Record<SignalState, readonly SignalState[]>> = {
  draft: ['ready'],
  ready: ['draft', 'sent'],
  sent: ['approved', 'returned'],
  returned: ['ready', 'draft'],
  approved: ['delivered'],
  delivered: [],
};

export const canTransition = (from: SignalState, to: SignalState): boolean => transitions[from].includes(to);

declare const allowed: unique symbol;

/** A step between two states that `transitionOf` allowed; a store writes a signal's state from nothing else. */
export interface Transition {
  readonly from: SignalState;
  readonly to: SignalState;
  readonly [allowed]: true;
}

/** The step from `from` to `to`, or null when the life of a signal has no such step. */
export const transitionOf = (from: SignalState, to: SignalState): Transition | null => (canTransition(from, to) ? ({ from, to } as Transition) : null);

export const isEditable = (state: SignalState): boolean => state === 'draft' || state === 'returned';

/** States the officer may move a signal to by hand; the rest happen through export and review. */
export const officerTargets: Readonly<Partial<Record<SignalState, readonly SignalState[]>>> = {
  draft: ['ready'],
  ready: ['draft'],
  returned: ['ready', 'draft'],
};
