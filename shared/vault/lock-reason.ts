/**
 * Why the vault locked: the idle timer, the user's own button, or the system (the screen locked,
 * the laptop suspended, the app closed, or the core answered that the vault is locked).
 */
export const lockReasons = ['idle', 'manual', 'system'] as const;
export type LockReason = (typeof lockReasons)[number];
