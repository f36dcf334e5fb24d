import { defineHandlers } from '../../api/registry';
import { attachmentContent, deleteAttachment, listAttachments, uploadAttachment } from './service';

export const attachmentHandlers = defineHandlers({
  'attachments.list': (input, ctx) => listAttachments(ctx, input.entity, input.entityId),
  'attachments.upload': (input, ctx) => uploadAttachment(ctx, input),
  'attachments.content': (input, ctx) => attachmentContent(ctx, input.id),
  'attachments.delete': (input, ctx) => {
    deleteAttachment(ctx, input.id);
    return { ok: true as const };
  },
});
