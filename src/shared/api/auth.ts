import { z } from 'zod';
import { isAcceptablePassword, passwordRule, roles } from '../domain/roles';
import { method } from './contract';
import { idInput, okOutput, requiredText, timestampSchema } from './common';

export const sessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** A logged-in session: the token every later call carries, and who it belongs to. */
export const sessionSchema = z.object({ token: z.string(), user: sessionUserSchema });
export type Session = z.infer<typeof sessionSchema>;

export const newPasswordSchema = z
  .string({ error: '请填写密码' })
  .refine(isAcceptablePassword, { message: passwordRule.hint });

export const usernameSchema = z
  .string({ error: '请填写用户名' })
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,32}$/, '用户名为 2–32 位字母、数字或 _ . -');

export const userSchema = sessionUserSchema.extend({
  disabled: z.boolean(),
  /** Set while the account is locked after repeated failed logins. */
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type User = z.infer<typeof userSchema>;

export const authApi = {
  'auth.login': method(
    z.object({ username: z.string().trim().min(1, '请填写用户名'), password: z.string().min(1, '请填写密码') }),
    sessionSchema,
    'public',
  ),
  'auth.logout': method(z.object({}), okOutput, 'read'),
  'auth.changePassword': method(
    z.object({ oldPassword: z.string().min(1, '请填写原密码'), newPassword: newPasswordSchema }),
    okOutput,
    'read',
  ),
};

export const usersApi = {
  'users.list': method(z.object({}), z.array(userSchema), 'admin'),
  'users.create': method(
    z.object({
      username: usernameSchema,
      displayName: requiredText(20, '姓名'),
      role: z.enum(roles, { error: '请选择角色' }),
      password: newPasswordSchema,
    }),
    userSchema,
    'admin',
  ),
  'users.update': method(
    z.object({
      id: idInput.shape.id,
      displayName: requiredText(20, '姓名'),
      role: z.enum(roles, { error: '请选择角色' }),
      disabled: z.boolean(),
    }),
    userSchema,
    'admin',
  ),
  'users.resetPassword': method(z.object({ id: idInput.shape.id, password: newPasswordSchema }), okOutput, 'admin'),
  'users.unlock': method(idInput, userSchema, 'admin'),
};

/** The administrator created by the first run. */
export const firstAdminSchema = z.object({
  username: usernameSchema,
  displayName: requiredText(20, '姓名'),
  password: newPasswordSchema,
});

