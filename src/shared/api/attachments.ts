import { z } from 'zod';
import { method } from './contract';
import { idInput, idSchema, okOutput, requiredText, timestampSchema } from './common';

/** Records that can carry attachments; later features add theirs. */
export const attachableEntities = ['enterprise', 'idleSite', 'tank', 'filing', 'filingSiteCheck', 'plan', 'planFiling', 'drill', 'inspection', 'hazard', 'hazardReinspection', 'order'] as const;
export type AttachableEntity = (typeof attachableEntities)[number];

/** Largest file accepted (it travels base64-encoded through IPC/HTTP). */
export const maxAttachmentBytes = 15 * 1024 * 1024;

export const attachmentSchema = z.object({
  id: z.number().int(),
  entity: z.enum(attachableEntities),
  entityId: z.number().int(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: timestampSchema,
  createdBy: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentsApi = {
  'attachments.list': method(z.object({ entity: z.enum(attachableEntities), entityId: idSchema }), z.array(attachmentSchema), 'read'),
  'attachments.upload': method(
    z.object({
      entity: z.enum(attachableEntities),
      entityId: idSchema,
      fileName: requiredText(200, '文件名'),
      mimeType: z.string().max(100).default('application/octet-stream'),
      dataBase64: z.string().max(Math.ceil((maxAttachmentBytes * 4) / 3) + 8, `文件过大：单个附件不能超过 ${maxAttachmentBytes / 1024 / 1024} MB`),
    }),
    attachmentSchema,
    'write',
  ),
  'attachments.content': method(idInput, z.object({ attachment: attachmentSchema, dataBase64: z.string() }), 'read'),
  'attachments.delete': method(idInput, okOutput, 'write'),
};
