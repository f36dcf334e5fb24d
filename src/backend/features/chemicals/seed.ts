import { and, eq, isNull } from 'drizzle-orm';
import { chemicalFields, type ChemicalFields } from '../../../shared/api/chemicals';
import { nowIso, type HandlerContext } from '../../api/context';
import { chemicals } from '../../db/schema';

const table1 = 'GB 18218-2018 表1';
const table3 = 'GB 18218-2018 表3';

/**
 * The entries every new database starts with: only substances whose critical quantity Q the office has
 * checked against GB 18218-2018 表1, with β only where 表3 names the substance itself. The 序号 in 表1 is not
 * written because it was not verified; the office adds the rest of the catalogue itself.
 */
export const chemicalCatalogueSeed: readonly ChemicalFields[] = [
  {
    name: '氨',
    aliases: '液氨、氨气',
    cas: '7664-41-7',
    criticalQuantity: 10,
    criticalQuantityRef: table1,
    beta: 2,
    betaRef: table3,
  },
  {
    name: '氯',
    aliases: '液氯、氯气',
    cas: '7782-50-5',
    criticalQuantity: 5,
    criticalQuantityRef: table1,
    beta: 4,
    betaRef: table3,
  },
  {
    name: '液化石油气',
    cas: '68476-85-7',
    criticalQuantity: 50,
    criticalQuantityRef: table1,
    // 表3 does not list it; its β follows its hazard category in 表4, which depends on what is stored.
    notes: '校正系数β按 GB 18218-2018 表4 的危险性类别取值，请核实后填写',
  },
  {
    name: '汽油',
    aliases: '乙醇汽油、甲醇汽油',
    cas: '86290-81-5',
    criticalQuantity: 200,
    criticalQuantityRef: table1,
  },
  {
    name: '甲醇',
    cas: '67-56-1',
    criticalQuantity: 500,
    criticalQuantityRef: table1,
  },
];

/**
 * Adds the seed entries whose names are not in the catalogue yet (so calling it twice adds nothing) and
 * returns how many it added. Runs in the first-run setup for empty and demo databases alike. No audit rows:
 * like the schema, the seed is the database's starting state, not a change someone made.
 */
export function seedChemicalCatalogue(ctx: HandlerContext): number {
  const { db } = ctx.appDb;
  const now = nowIso(ctx);
  let added = 0;
  for (const entry of chemicalCatalogueSeed) {
    // Parsed like user input, so the seed obeys the same rules (CAS check digit, references given).
    const fields = chemicalFields.parse(entry);
    const existing = db
      .select({ id: chemicals.id })
      .from(chemicals)
      .where(and(eq(chemicals.name, fields.name), isNull(chemicals.deletedAt)))
      .get();
    if (existing) continue;
    db.insert(chemicals).values({ ...fields, createdAt: now, updatedAt: now }).run();
    added += 1;
  }
  return added;
}
