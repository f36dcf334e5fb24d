import { defineHandlers } from '../../api/registry';
import { changeOwnPassword, createUser, listUsers, login, logout, resetPassword, unlockUser, updateUser } from './service';

export const authHandlers = defineHandlers({
  'auth.login': (input, ctx) => login(ctx, input.username, input.password),
  'auth.logout': (_input, ctx) => {
    if (ctx.sessionToken) logout(ctx, ctx.sessionToken);
    return { ok: true as const };
  },
  'auth.changePassword': (input, ctx) => {
    changeOwnPassword(ctx, input.oldPassword, input.newPassword);
    return { ok: true as const };
  },
  'users.list': (_input, ctx) => listUsers(ctx),
  'users.create': (input, ctx) => createUser(ctx, input),
  'users.update': (input, ctx) => updateUser(ctx, input),
  'users.resetPassword': (input, ctx) => {
    resetPassword(ctx, input.id, input.password);
    return { ok: true as const };
  },
  'users.unlock': (input, ctx) => unlockUser(ctx, input.id),
});
