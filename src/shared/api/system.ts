import { z } from 'zod';
import { firstAdminSchema, sessionSchema, sessionUserSchema } from './auth';
import { method } from './contract';
import { requiredText } from './common';

export const systemStatusSchema = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  setupDone: z.boolean(),
  dataDir: z.string(),
  orgName: z.string().nullable(),
  /** Who the calling session belongs to; null when not logged in. */
  user: sessionUserSchema.nullable(),
});
export type SystemStatus = z.infer<typeof systemStatusSchema>;

export const systemApi = {
  'system.status': method(z.object({}), systemStatusSchema, 'public'),
  /**
   * First run: names the office, creates the administrator, optionally loads the demo town, and logs the
   * administrator in. Refused once setup is done.
   */
  'system.setup': method(
    z.object({
      orgName: requiredText(50, '填报单位'),
      townName: requiredText(20, '镇/街道名称'),
      loadDemo: z.boolean(),
      admin: firstAdminSchema,
    }),
    z.object({ status: systemStatusSchema, session: sessionSchema }),
    'public',
  ),
};
