import { z } from 'zod';
import { method } from './contract';
import { requiredText } from './common';

export const systemStatusSchema = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  setupDone: z.boolean(),
  dataDir: z.string(),
  orgName: z.string().nullable(),
});
export type SystemStatus = z.infer<typeof systemStatusSchema>;

export const systemApi = {
  'system.status': method(z.object({}), systemStatusSchema),
  /** First run: names the office and optionally loads the demo town. Refused once setup is done. */
  'system.setup': method(
    z.object({
      orgName: requiredText(50, '填报单位'),
      townName: requiredText(20, '镇/街道名称'),
      loadDemo: z.boolean(),
    }),
    systemStatusSchema,
  ),
};
