import { defineHandlers } from '../../api/registry';
import { emptyTrash, listTrash, purgeFromTrash, restoreFromTrash } from './service';

export const trashHandlers = defineHandlers({
  'trash.list': (input, ctx) => listTrash(ctx, input),
  'trash.restore': (input, ctx) => {
    restoreFromTrash(ctx, input.entity, input.id);
    return { ok: true as const };
  },
  'trash.purge': (input, ctx) => {
    purgeFromTrash(ctx, input.entity, input.id);
    return { ok: true as const };
  },
  'trash.empty': (input, ctx) => ({ purged: emptyTrash(ctx, input.entity) }),
});
