import { defineHandlers } from '../../api/registry';
import { cancelJob, jobResult, jobStatus } from './service';

export const jobHandlers = defineHandlers({
  'jobs.status': (input, ctx) => jobStatus(ctx, input.id),
  'jobs.cancel': (input, ctx) => cancelJob(ctx, input.id),
  'jobs.result': (input, ctx) => jobResult(ctx, input.id),
});
