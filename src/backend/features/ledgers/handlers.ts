import { defineHandlers } from '../../api/registry';
import { ledgerData } from './service';

export const ledgerHandlers = defineHandlers({
  'ledgers.data': (input, ctx) => ledgerData(ctx, input),
});
