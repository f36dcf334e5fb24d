import { defineHandlers } from '../../api/registry';
import { closeImport, importAnalysis, openImport, previewImport, startImport } from './service';

export const importHandlers = defineHandlers({
  'imports.open': (input, ctx) => openImport(ctx, input),
  'imports.analysis': (input, ctx) => importAnalysis(ctx, input.importId),
  'imports.preview': (input, ctx) => previewImport(ctx, input),
  'imports.start': (input, ctx) => startImport(ctx, input),
  'imports.close': (input, ctx) => closeImport(ctx, input.importId),
});
