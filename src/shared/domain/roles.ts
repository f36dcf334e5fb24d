/** Staff roles: 管理员 manages accounts and settings, 工作人员 creates and edits, 只读 (leaders) views and prints. */
export const roles = ['admin', 'staff', 'readonly'] as const;
export type Role = (typeof roles)[number];
export const roleLabels: Record<Role, string> = { admin: '管理员', staff: '工作人员', readonly: '只读' };

/**
 * What a method needs: `public` (no login: status, first run, login), `read` (any logged-in user), `write`
 * (工作人员 and 管理员), `admin` (管理员 only).
 */
export type Access = 'public' | 'read' | 'write' | 'admin';

export function roleAllows(role: Role, access: Access): boolean {
  if (access === 'public' || access === 'read') return true;
  if (access === 'write') return role === 'admin' || role === 'staff';
  return role === 'admin';
}

/** Password policy shown on every form that sets one. */
export const passwordRule = { minLength: 8, hint: '密码至少 8 位，且须同时包含字母和数字' } as const;
export function isAcceptablePassword(password: string): boolean {
  return password.length >= passwordRule.minLength && /[A-Za-z]/.test(password) && /\d/.test(password);
}
