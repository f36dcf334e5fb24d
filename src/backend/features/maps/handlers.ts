import { defineHandlers } from '../../api/registry';
import { mapLayers, misplacedRecords, villageRisk } from './layers';
import { currentBoundary, deleteBoundarySet, listBoundarySets, previewBoundary, saveBoundarySet, setCurrentBoundarySet } from './service';

export const mapHandlers = defineHandlers({
  'maps.previewBoundary': (input, ctx) => previewBoundary(ctx, input),
  'maps.saveBoundarySet': (input, ctx) => saveBoundarySet(ctx, input),
  'maps.boundarySets': (_input, ctx) => listBoundarySets(ctx),
  'maps.setCurrentBoundarySet': (input, ctx) => setCurrentBoundarySet(ctx, input.id),
  'maps.deleteBoundarySet': (input, ctx) => {
    deleteBoundarySet(ctx, input.id);
    return { ok: true as const };
  },
  'maps.currentBoundary': (_input, ctx) => currentBoundary(ctx),
  'maps.layers': (input, ctx) => mapLayers(ctx, input),
  'maps.villageRisk': (_input, ctx) => villageRisk(ctx),
  'maps.misplacedRecords': (_input, ctx) => misplacedRecords(ctx),
});
