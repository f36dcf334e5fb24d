import { planOwnerTypeLabels, planOwnerTypes, type PlanOwnerType } from '../../../../shared/domain/emergencyPlan';
import { normalizeUscc } from '../../../../shared/domain/uscc';
import type { HandlerContext } from '../../../api/context';
import type { StoredOwner } from '../../plans/owners';
import { getOfficeSettings } from '../../settings/service';
import { cellText, type RawCell } from '../cells';
import type { ImportFieldSpec } from '../importer';
import { loadPlaces, readVillage, type PlaceLookups } from '../places';
import { enumReader, labelList, normalizeLabel } from '../readers';

/**
 * Who a plan or drill row belongs to (所属单位类型, 所属单位, 统一社会信用代码), shared by the 应急预案 and 应急演练
 * imports: the same columns, the same spellings and the same inference when the type column is missing.
 */

const shownTypes = planOwnerTypes.map((type) => planOwnerTypeLabels[type]);

export const ownerFields: ImportFieldSpec[] = [
  {
    key: 'ownerType',
    label: '所属单位类型',
    required: false,
    hint: `${labelList(shownTypes)}；空则按所属单位判断（有统一社会信用代码或与已登记企业同名为企业，与村/社区同名为村（社区），与镇名相同为镇（街道））`,
    synonyms: ['单位类型', '所属单位类别', '单位类别', '责任主体类型', '预案主体类型'],
  },
  {
    key: 'ownerName',
    label: '所属单位',
    required: false,
    hint: '企业、村/社区须与系统中的名称一致（企业有统一社会信用代码时按代码匹配）；部门写部门名称；镇（街道）可不填',
    synonyms: ['单位名称', '所属单位名称', '编制单位', '责任单位', '所属企业', '企业名称', '演练单位'],
  },
  { key: 'ownerUscc', label: '统一社会信用代码', required: false, hint: '所属企业的代码', synonyms: ['信用代码', '社会信用代码', '企业信用代码'] },
];

const readOwnerType = enumReader<PlanOwnerType>(
  '所属单位类型',
  planOwnerTypes,
  {
    ...Object.fromEntries(planOwnerTypes.map((type) => [planOwnerTypeLabels[type], type])),
    镇: 'town',
    镇街: 'town',
    街道: 'town',
    乡镇: 'town',
    '乡镇(街道)': 'town',
    '镇(街)': 'town',
    镇政府: 'town',
    镇人民政府: 'town',
    街道办事处: 'town',
    政府: 'town',
    部门: 'department',
    镇属部门: 'department',
    职能部门: 'department',
    行业部门: 'department',
    站所: 'department',
    村: 'village',
    社区: 'village',
    村居: 'village',
    '村/社区': 'village',
    村委会: 'village',
    居委会: 'village',
    企业: 'enterprise',
    公司: 'enterprise',
    生产经营单位: 'enterprise',
  },
  shownTypes,
);

interface Named {
  id: number;
  name: string;
}

export interface OwnerLookups {
  townName: string;
  enterprisesByUscc: Map<string, Named>;
  enterprisesByName: Map<string, Named[]>;
  places: PlaceLookups;
  villageNames: Map<number, string>;
  /** Department names already used by plans and drills (normalized → as written), to recognise them without a type. */
  departments: Map<string, string>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

export function loadOwners(ctx: HandlerContext): OwnerLookups {
  const { sqlite } = ctx.appDb;
  const enterprisesByUscc = new Map<string, Named>();
  const enterprisesByName = new Map<string, Named[]>();
  for (const row of sqlite.prepare('SELECT id, name, uscc FROM enterprises WHERE deleted_at IS NULL').all() as (Named & { uscc: string })[]) {
    enterprisesByUscc.set(row.uscc, { id: row.id, name: row.name });
    push(enterprisesByName, normalizeLabel(row.name), { id: row.id, name: row.name });
  }
  const villageNames = new Map(
    (sqlite.prepare('SELECT id, name FROM villages WHERE deleted_at IS NULL').all() as Named[]).map((row) => [row.id, row.name] as const),
  );
  const departments = new Map<string, string>();
  const used = sqlite
    .prepare('SELECT department FROM emergency_plans WHERE department IS NOT NULL AND deleted_at IS NULL UNION SELECT department FROM drills WHERE department IS NOT NULL AND deleted_at IS NULL')
    .pluck()
    .all() as string[];
  for (const name of used) departments.set(normalizeLabel(name), name);
  return { townName: getOfficeSettings(ctx).townName, enterprisesByUscc, enterprisesByName, places: loadPlaces(ctx), villageNames, departments };
}

/** The owner as stored, and its name as the ledgers show it. */
export interface ResolvedOwner extends StoredOwner {
  name: string;
}

/** What the duplicate rules compare an owner by (as the services do: type, then its own id or department). */
export function ownerKey(owner: StoredOwner): string {
  return `${owner.ownerType}:${owner.enterpriseId ?? owner.villageId ?? owner.department ?? ''}`;
}

export function townOwner(lookups: OwnerLookups): ResolvedOwner {
  return { ownerType: 'town', enterpriseId: null, villageId: null, department: null, name: lookups.townName || '本镇（街道）' };
}

/**
 * The row's owner; `unknown` when no type is given and the name matches nothing registered (the caller may still
 * know: a 部门预案 is a department's, a drill's plan names its owner); `blank` when the row names no owner at all.
 */
export type OwnerReading =
  | { kind: 'owner'; owner: ResolvedOwner }
  | { kind: 'problem'; field: string; message: string }
  | { kind: 'unknown'; name: string }
  | { kind: 'blank' };

function enterpriseOwner(enterprise: Named): OwnerReading {
  return { kind: 'owner', owner: { ownerType: 'enterprise', enterpriseId: enterprise.id, villageId: null, department: null, name: enterprise.name } };
}

function villageOwner(lookups: OwnerLookups, id: number): OwnerReading {
  return { kind: 'owner', owner: { ownerType: 'village', enterpriseId: null, villageId: id, department: null, name: lookups.villageNames.get(id) ?? '' } };
}

export function departmentOwner(name: string): ResolvedOwner {
  return { ownerType: 'department', enterpriseId: null, villageId: null, department: name, name };
}

/** Whether `name` is how offices write the town itself (示例镇, 示例镇人民政府). */
function isTownName(lookups: OwnerLookups, name: string): boolean {
  if (!lookups.townName) return false;
  const town = normalizeLabel(lookups.townName);
  return [town, `${town}人民政府`, `${town}政府`, `${town}党委政府`].includes(normalizeLabel(name));
}

export function readOwner(cells: ReadonlyMap<string, RawCell>, lookups: OwnerLookups): OwnerReading {
  const typeReading = cells.has('ownerType') ? readOwnerType(cells.get('ownerType')!) : { ok: true as const, value: undefined };
  if (!typeReading.ok) return { kind: 'problem', field: 'ownerType', message: typeReading.message };
  const type = typeReading.value;
  const name = cells.has('ownerName') ? cellText(cells.get('ownerName')!) : '';
  const uscc = cells.has('ownerUscc') ? normalizeUscc(cellText(cells.get('ownerUscc')!)) : '';
  const nameField = cells.has('ownerName') ? 'ownerName' : cells.has('ownerUscc') ? 'ownerUscc' : 'ownerType';

  if (uscc !== '' && (type === undefined || type === 'enterprise')) {
    const enterprise = lookups.enterprisesByUscc.get(uscc);
    if (enterprise) return enterpriseOwner(enterprise);
    return { kind: 'problem', field: 'ownerUscc', message: `统一社会信用代码 ${uscc} 没有登记的企业，请先登记该企业` };
  }
  const byName = name === '' ? [] : (lookups.enterprisesByName.get(normalizeLabel(name)) ?? []);
  switch (type) {
    case 'town':
      return { kind: 'owner', owner: townOwner(lookups) };
    case 'department':
      if (name === '') return { kind: 'problem', field: nameField, message: '请填写所属单位（部门名称）' };
      return { kind: 'owner', owner: departmentOwner(lookups.departments.get(normalizeLabel(name)) ?? name) };
    case 'village': {
      if (name === '') return { kind: 'problem', field: nameField, message: '请填写所属单位（村/社区名称）' };
      const village = readVillage(lookups.places, name);
      return village.ok ? villageOwner(lookups, village.value!) : { kind: 'problem', field: 'ownerName', message: village.message };
    }
    case 'enterprise':
      if (name === '') return { kind: 'problem', field: nameField, message: '请填写所属单位（企业名称）或统一社会信用代码' };
      if (byName.length === 1) return enterpriseOwner(byName[0]);
      if (byName.length > 1) return { kind: 'problem', field: 'ownerName', message: `有 ${byName.length} 家企业叫「${name}」，请改用统一社会信用代码` };
      return { kind: 'problem', field: 'ownerName', message: `「${name}」不是已登记的企业，请先登记该企业或改正名称` };
    default: {
      // No type: whatever registered unit the name is; a name that is several at once is not guessed.
      if (name === '') return { kind: 'blank' };
      if (byName.length > 1) return { kind: 'problem', field: 'ownerName', message: `有 ${byName.length} 家企业叫「${name}」，请改用统一社会信用代码` };
      if (byName.length === 1) return enterpriseOwner(byName[0]);
      const village = readVillage(lookups.places, name);
      if (village.ok && village.value !== undefined) return villageOwner(lookups, village.value);
      if (isTownName(lookups, name)) return { kind: 'owner', owner: townOwner(lookups) };
      const department = lookups.departments.get(normalizeLabel(name));
      if (department) return { kind: 'owner', owner: departmentOwner(department) };
      return { kind: 'unknown', name };
    }
  }
}

/** Said when a row's owner cannot be told: the type column is what settles it. */
export function unknownOwnerMessage(name: string): string {
  return `「${name}」不是已登记的企业或村/社区，无法判断所属单位类型；请填写所属单位类型（${labelList(shownTypes)}），企业请先登记`;
}

/** Which import field reports a schema issue about the owner. */
export function ownerFieldOfSchemaKey(key: string, mapped: ReadonlySet<string>): string | null {
  if (key === 'ownerType') return mapped.has('ownerType') ? 'ownerType' : mapped.has('ownerName') ? 'ownerName' : 'ownerUscc';
  if (key === 'enterpriseId' || key === 'villageId' || key === 'department') return mapped.has('ownerName') ? 'ownerName' : mapped.has('ownerUscc') ? 'ownerUscc' : 'ownerType';
  return null;
}

/** The owner columns a mapping must have at least one of (a town plan needs only its type). */
export const ownerKeys = ['ownerType', 'ownerName', 'ownerUscc'] as const;
