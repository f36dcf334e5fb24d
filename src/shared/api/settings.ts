import { z } from 'zod';
import { method } from './contract';
import { optionalText, requiredText } from './common';

/** The office's own settings: who fills in the ledgers and who signs them. */
export const settingsSchema = z.object({
  orgName: z.string(),
  townName: z.string(),
  preparer: z.string().nullable(),
  reviewer: z.string().nullable(),
  principal: z.string().nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsFields = z.object({
  orgName: requiredText(50, '填报单位'),
  townName: requiredText(20, '镇/街道名称'),
  preparer: optionalText(20, '填表人'),
  reviewer: optionalText(20, '审核人'),
  principal: optionalText(20, '负责人'),
});

export const settingsApi = {
  'settings.get': method(z.object({}), settingsSchema, 'read'),
  'settings.update': method(settingsFields, settingsSchema, 'admin'),
};
