/** Who works at a workstation, as its machine policy says (`role`): a liaison officer or a team lead. */
export const roles = ['officer', 'teamlead'] as const;
export type Role = (typeof roles)[number];
