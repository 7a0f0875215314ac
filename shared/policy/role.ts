/**
 * Who works at a workstation, as its machine policy says (`role`): a liaison officer, a team lead,
 * or the central point that takes in the team bundles and reports the fenomeenbeeld.
 */
export const roles = ['officer', 'teamlead', 'central'] as const;
export type Role = (typeof roles)[number];
