import { defineHandlers } from '../../api/registry';
import { auditForRecord, searchAudit } from './service';

export const auditHandlers = defineHandlers({
  'audit.forRecord': (input, ctx) => auditForRecord(ctx, input),
  'audit.list': (input, ctx) => searchAudit(ctx, input),
});
