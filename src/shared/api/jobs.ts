import { z } from 'zod';
import { method } from './contract';

/**
 * Background jobs: long work (Excel export now; import, backup, PDF later) runs in the backend while the
 * renderer polls its progress and may cancel it. A job is visible only to the user who started it.
 */
export const jobStates = ['running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof jobStates)[number];

const jobIdInput = z.object({ id: z.string().min(1).max(64) });

export const jobStatusSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(jobStates),
  /** Units of work finished (rows, files…) out of `total`; `total` is 0 while it is not yet known. */
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  /** What the job is doing, or why it failed, in Chinese. */
  message: z.string(),
  /** True once `jobs.result` can be called. */
  resultReady: z.boolean(),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;

/** A finished job's file, carried as base64 so both transports (IPC and HTTP JSON) pass it unchanged. */
export const jobResultSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  dataBase64: z.string(),
});
export type JobResult = z.infer<typeof jobResultSchema>;

export const jobsApi = {
  'jobs.status': method(jobIdInput, jobStatusSchema, 'read'),
  /** Stops a running job (waits until its partial output is removed) or discards a finished one's result. */
  'jobs.cancel': method(jobIdInput, jobStatusSchema, 'read'),
  /** The finished job's file; the job is forgotten afterwards. */
  'jobs.result': method(jobIdInput, jobResultSchema, 'read'),
};
