import type { Drill } from '../api/drills';
import type { Enterprise } from '../api/enterprises';
import type { FilingRow } from '../api/filings';
import type { IdleSite } from '../api/idleSites';
import type { PlanFilingRow, PlanRow } from '../api/plans';
import type { Tank } from '../api/tanks';
import type { GridWorker } from '../api/gridWorkers';
import type { Hazard, Inspection, RectificationOrder } from '../api/hazards';
import type { Village } from '../api/villages';
import { dueStateLabels, planOwnerTypeLabels } from '../domain/emergencyPlan';
import { riskLevelLabels } from '../domain/enterprise';
import { governancePlanParts, type GovernancePlanKey } from '../domain/hazard';

/** A cell as printed or exported: text, a number, or empty. Dates are ISO strings formatted by the column. */
export type LedgerCell = string | number | null;

export interface LedgerColumn<Row> {
  key: string;
  /** Chinese header, as on the office's paper ledgers. */
  header: string;
  /** Relative width in characters: Excel column width, and the share of the printed page. */
  width: number;
  /**
   * The share of the printed page where it differs from `width`: Excel shows a date-time cell too narrow for
   * it as ####, while on paper the same text fits a narrower column in the smaller print font.
   */
  printWidth?: number;
  align?: 'left' | 'center' | 'right';
  /**
   * How Excel stores the cell. 'date' columns give a local `YYYY-MM-DD` text that the export turns into a real
   * Excel date (so staff can sort and filter by it); 'datetime' columns give a local `YYYY-MM-DD HH:mm` that
   * becomes an Excel date-time the same way; anything else is written as the value's own type.
   */
  type?: 'text' | 'number' | 'date' | 'datetime';
  /** Shown unless the user picks columns. */
  defaultVisible?: boolean;
  value: (row: Row) => LedgerCell;
}

/**
 * One ledger (台账), declared once and shared by the print view, PDF and Excel export: its name (the title is
 * `${townName}${name}`), page orientation and columns.
 */
export interface LedgerDefinition<Row> {
  name: string;
  orientation: 'landscape' | 'portrait';
  columns: LedgerColumn<Row>[];
}

const yesNo = (value: boolean) => (value ? '是' : '否');
/** A stored ISO timestamp as the office's local calendar date, `YYYY-MM-DD` (what a paper ledger shows). */
function localDate(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
const joined = (...parts: (string | null)[]) => parts.filter(Boolean).join(' ') || null;

export const enterpriseLedger: LedgerDefinition<Enterprise> = {
  name: '企业基本信息台账',
  orientation: 'landscape',
  columns: [
    { key: 'name', header: '企业名称', width: 24, value: (e) => e.name, defaultVisible: true },
    { key: 'uscc', header: '统一社会信用代码', width: 20, value: (e) => e.uscc, defaultVisible: true },
    { key: 'villageName', header: '所属村/社区', width: 10, value: (e) => e.villageName, defaultVisible: true },
    { key: 'address', header: '地址', width: 22, value: (e) => e.address, defaultVisible: true },
    { key: 'industry', header: '行业领域', width: 12, value: (e) => e.industry, defaultVisible: true },
    { key: 'riskLevel', header: '风险等级', width: 10, align: 'center', value: (e) => riskLevelLabels[e.riskLevel], defaultVisible: true },
    { key: 'keySupervised', header: '重点监管', width: 6, align: 'center', value: (e) => yesNo(e.keySupervised) },
    { key: 'standardization', header: '标准化等级', width: 8, align: 'center', value: (e) => e.standardization },
    { key: 'majorHazard', header: '重大危险源', width: 6, align: 'center', value: (e) => yesNo(e.majorHazard) },
    { key: 'principal', header: '主要负责人及电话', width: 18, value: (e) => joined(e.principalName, e.principalPhone), defaultVisible: true },
    { key: 'safetyManager', header: '安全管理人员及电话', width: 18, value: (e) => joined(e.safetyManagerName, e.safetyManagerPhone) },
    { key: 'employees', header: '从业人员', width: 6, align: 'right', value: (e) => e.employees },
    { key: 'status', header: '经营状态', width: 6, align: 'center', value: (e) => e.status, defaultVisible: true },
    { key: 'gridWorkerName', header: '网格员', width: 8, value: (e) => e.gridWorkerName },
    { key: 'supervisingDept', header: '行业主管部门', width: 14, value: (e) => e.supervisingDept },
    { key: 'longitude', header: '经度', width: 10, align: 'right', value: (e) => e.longitude },
    { key: 'latitude', header: '纬度', width: 9, align: 'right', value: (e) => e.latitude },
    { key: 'notes', header: '备注', width: 16, value: (e) => e.notes },
    { key: 'updatedAt', header: '最后修改', width: 11, align: 'center', type: 'date', value: (e) => localDate(e.updatedAt) },
  ],
};

export const villageLedger: LedgerDefinition<Village> = {
  name: '村（社区）一览表',
  orientation: 'portrait',
  columns: [
    { key: 'name', header: '名称', width: 12, value: (v) => v.name, defaultVisible: true },
    { key: 'kind', header: '类型', width: 6, align: 'center', value: (v) => v.kind, defaultVisible: true },
    { key: 'code', header: '区划代码', width: 14, value: (v) => v.code, defaultVisible: true },
    { key: 'population', header: '人口', width: 8, align: 'right', value: (v) => v.population, defaultVisible: true },
    { key: 'households', header: '户数', width: 8, align: 'right', value: (v) => v.households, defaultVisible: true },
    { key: 'areaKm2', header: '面积(km²)', width: 8, align: 'right', value: (v) => v.areaKm2, defaultVisible: true },
    { key: 'contact', header: '负责人及电话', width: 18, value: (v) => joined(v.contactName, v.contactPhone), defaultVisible: true },
    { key: 'notes', header: '备注', width: 14, value: (v) => v.notes },
  ],
};

/**
 * 网格员名册. Excel counts a Chinese character as two width units (and the export adds 2 to each width); the
 * widths let 村（社区）网格员 and the 负责企业数 header each stay on one line, in Excel's fixed-height header row
 * and on paper.
 */
export const gridWorkerLedger: LedgerDefinition<GridWorker> = {
  name: '网格员名册',
  orientation: 'portrait',
  columns: [
    { key: 'name', header: '姓名', width: 7, value: (w) => w.name, defaultVisible: true },
    { key: 'kind', header: '类别', width: 14, align: 'center', value: (w) => w.kind, defaultVisible: true },
    { key: 'phone', header: '联系电话', width: 11, value: (w) => w.phone, defaultVisible: true },
    { key: 'villageNames', header: '负责村/社区', width: 22, value: (w) => w.villageNames.join('、') || null, defaultVisible: true },
    { key: 'enterpriseCount', header: '负责企业数', width: 8, align: 'right', type: 'number', value: (w) => w.enterpriseCount, defaultVisible: true },
    { key: 'notes', header: '备注', width: 16, value: (w) => w.notes },
  ],
};

/**
 * 储罐台账 (seed 000: 对每一个储罐企业建立了台帐): by category, then grouped by owner, tank farm and code, as
 * the tank list orders it by default.
 */
export const tankLedger: LedgerDefinition<Tank> = {
  name: '储罐台账',
  orientation: 'landscape',
  columns: [
    { key: 'category', header: '类别', width: 12, value: (t) => t.category, defaultVisible: true },
    { key: 'ownerName', header: '所属单位/场所', width: 22, value: (t) => t.ownerName, defaultVisible: true },
    { key: 'villageName', header: '所属村/社区', width: 10, value: (t) => t.villageName, defaultVisible: true },
    { key: 'tankFarm', header: '罐区', width: 8, value: (t) => t.tankFarm, defaultVisible: true },
    { key: 'code', header: '罐号', width: 7, align: 'center', value: (t) => t.code, defaultVisible: true },
    { key: 'medium', header: '介质', width: 10, value: (t) => t.medium, defaultVisible: true },
    { key: 'cas', header: 'CAS号', width: 11, value: (t) => t.cas },
    { key: 'designCapacityM3', header: '设计容积(m³)', width: 9, align: 'right', type: 'number', value: (t) => t.designCapacityM3, defaultVisible: true },
    { key: 'maxStoredT', header: '最大储存量(t)', width: 9, align: 'right', type: 'number', value: (t) => t.maxStoredT, defaultVisible: true },
    { key: 'type', header: '类型', width: 8, align: 'center', value: (t) => t.type },
    { key: 'pressureClass', header: '压力等级', width: 6, align: 'center', value: (t) => t.pressureClass },
    { key: 'status', header: '状态', width: 6, align: 'center', value: (t) => t.status, defaultVisible: true },
    { key: 'publicLabel', header: '公开标识', width: 6, align: 'center', value: (t) => yesNo(t.publicLabel), defaultVisible: true },
    { key: 'responsible', header: '盯靠责任人及电话', width: 18, value: (t) => joined(t.responsibleName, t.responsiblePhone), defaultVisible: true },
    { key: 'lastCheckOn', header: '最近检查', width: 10, align: 'center', type: 'date', value: (t) => t.lastCheckOn },
    { key: 'registeredOn', header: '登记日期', width: 10, align: 'center', type: 'date', value: (t) => t.registeredOn },
    { key: 'notes', header: '备注', width: 14, value: (t) => t.notes },
  ],
};

/** 四闲场所排查整治台账: what each sweep found at each site and how it was disposed of. */
export const idleSiteLedger: LedgerDefinition<IdleSite> = {
  name: '“四闲”场所排查整治台账',
  orientation: 'landscape',
  columns: [
    { key: 'name', header: '场所名称', width: 20, value: (s) => s.name, defaultVisible: true },
    { key: 'kind', header: '类型', width: 5, align: 'center', value: (s) => s.kind, defaultVisible: true },
    { key: 'villageName', header: '所属村/社区', width: 9, value: (s) => s.villageName, defaultVisible: true },
    { key: 'address', header: '地址', width: 18, value: (s) => s.address },
    { key: 'owner', header: '户主/产权人及电话', width: 16, value: (s) => joined(s.ownerName, s.ownerPhone), defaultVisible: true },
    { key: 'currentUse', header: '现用途', width: 8, value: (s) => s.currentUse },
    { key: 'foundOn', header: '排查日期', width: 10, align: 'center', type: 'date', value: (s) => s.foundOn, defaultVisible: true },
    { key: 'finding', header: '排查发现', width: 8, align: 'center', value: (s) => s.finding, defaultVisible: true },
    { key: 'disposal', header: '处置措施', width: 8, align: 'center', value: (s) => s.disposal, defaultVisible: true },
    { key: 'disposedOn', header: '处置日期', width: 10, align: 'center', type: 'date', value: (s) => s.disposedOn, defaultVisible: true },
    { key: 'sealed', header: '贴封条', width: 5, align: 'center', value: (s) => yesNo(s.sealed), defaultVisible: true },
    { key: 'sampled', header: '抽样化验', width: 5, align: 'center', value: (s) => yesNo(s.sampled) },
    { key: 'tankCount', header: '储罐数', width: 5, align: 'right', type: 'number', value: (s) => s.tankCount, defaultVisible: true },
    { key: 'gridWorkerName', header: '网格员', width: 7, value: (s) => s.gridWorkerName },
    { key: 'notes', header: '备注', width: 14, value: (s) => s.notes },
  ],
};

/** 级别 as the register writes it: the grade, or a dash for kinds that have none. */
const gradeText = (f: FilingRow) => f.grade ?? '—';

/**
 * 特殊作业报备登记台账: one line per filing, in the order the works were planned (a register is read by date).
 * Times are local `YYYY-MM-DD HH:mm`, as filed: 14 wide so Excel (which adds 2) shows a date-time cell whole
 * rather than ####, 12 on paper where that is enough for one line.
 */
export const filingLedger: LedgerDefinition<FilingRow> = {
  name: '特殊作业报备登记台账',
  orientation: 'landscape',
  columns: [
    { key: 'number', header: '报备编号', width: 9, align: 'center', value: (f) => f.number, defaultVisible: true },
    { key: 'enterpriseName', header: '企业名称', width: 18, value: (f) => f.enterpriseName, defaultVisible: true },
    { key: 'villageName', header: '所在村/社区', width: 9, value: (f) => f.villageName, defaultVisible: true },
    { key: 'kind', header: '作业类别', width: 7, align: 'center', value: (f) => f.kind, defaultVisible: true },
    { key: 'grade', header: '级别', width: 5, align: 'center', value: gradeText, defaultVisible: true },
    { key: 'place', header: '作业地点', width: 14, value: (f) => f.place, defaultVisible: true },
    { key: 'content', header: '作业内容', width: 20, value: (f) => f.content },
    { key: 'plannedStart', header: '计划开始', width: 14, printWidth: 12, align: 'center', type: 'datetime', value: (f) => f.plannedStart, defaultVisible: true },
    { key: 'plannedEnd', header: '计划结束', width: 14, printWidth: 12, align: 'center', type: 'datetime', value: (f) => f.plannedEnd, defaultVisible: true },
    { key: 'contractor', header: '施工单位', width: 14, value: (f) => f.contractor },
    { key: 'leaderName', header: '作业负责人', width: 8, align: 'center', value: (f) => f.leaderName, defaultVisible: true },
    { key: 'guardianName', header: '监护人', width: 6, align: 'center', value: (f) => f.guardianName, defaultVisible: true },
    { key: 'siteCheckOn', header: '现场核查日期', width: 11, printWidth: 9, align: 'center', type: 'date', value: (f) => f.siteCheckOn, defaultVisible: true },
    { key: 'status', header: '状态', width: 8, align: 'center', value: (f) => f.status, defaultVisible: true },
    { key: 'actualEnd', header: '实际完工', width: 14, printWidth: 12, align: 'center', type: 'datetime', value: (f) => f.actualEnd },
  ],
};

/** What is overdue or coming due on a plan in force, e.g. 备案已逾期、演练即将到期; null when nothing is. */
function planDueText(p: PlanRow): string | null {
  if (p.status === '已废止') return null;
  const dues: [string, PlanRow['due']['evaluation'] | null][] = [
    ['备案', p.due.filing],
    ['评估', p.due.evaluation],
    ['演练', p.due.drill],
  ];
  const parts = dues.filter(([, due]) => due && (due.state === 'overdue' || due.state === 'due')).map(([label, due]) => `${label}${dueStateLabels[due!.state]}`);
  return parts.join('、') || null;
}

/**
 * 应急预案管理台账: one line per plan with its current version, its 备案 and the evaluation and drill due next
 * (computed as of today from 应急管理部令第2号, as the plan list shows them).
 */
export const planLedger: LedgerDefinition<PlanRow> = {
  name: '应急预案管理台账',
  orientation: 'landscape',
  columns: [
    { key: 'ownerType', header: '所属单位类型', width: 10, printWidth: 7, align: 'center', value: (p) => planOwnerTypeLabels[p.ownerType], defaultVisible: true },
    { key: 'ownerName', header: '所属单位', width: 18, value: (p) => p.ownerName, defaultVisible: true },
    { key: 'ownerVillageName', header: '所属村/社区', width: 9, value: (p) => p.ownerVillageName, defaultVisible: true },
    { key: 'name', header: '预案名称', width: 22, value: (p) => p.name, defaultVisible: true },
    { key: 'kind', header: '类别', width: 10, printWidth: 8, align: 'center', value: (p) => p.kind, defaultVisible: true },
    { key: 'version', header: '版本', width: 6, align: 'center', value: (p) => p.version, defaultVisible: true },
    { key: 'docNo', header: '文号', width: 14, value: (p) => p.docNo },
    { key: 'issuedOn', header: '发布日期', width: 10, printWidth: 9, align: 'center', type: 'date', value: (p) => p.issuedOn, defaultVisible: true },
    { key: 'review', header: '评审（论证）', width: 14, align: 'center', value: (p) => joined(p.reviewOn, p.reviewResult) },
    { key: 'signatory', header: '签署人', width: 6, align: 'center', value: (p) => p.signatory },
    { key: 'filingDept', header: '备案部门', width: 12, value: (p) => p.filingDept },
    { key: 'filingOn', header: '备案日期', width: 10, printWidth: 9, align: 'center', type: 'date', value: (p) => p.filingOn, defaultVisible: true },
    { key: 'filingNumber', header: '备案编号', width: 10, align: 'center', value: (p) => p.filingNumber, defaultVisible: true },
    { key: 'lastEvaluatedOn', header: '最近评估', width: 10, printWidth: 9, align: 'center', type: 'date', value: (p) => p.lastEvaluatedOn },
    { key: 'nextEvaluation', header: '下次评估', width: 10, printWidth: 9, align: 'center', type: 'date', value: (p) => p.due.evaluation.date, defaultVisible: true },
    { key: 'nextDrill', header: '下次演练', width: 10, printWidth: 9, align: 'center', type: 'date', value: (p) => p.due.drill.date, defaultVisible: true },
    { key: 'dueState', header: '到期情况', width: 14, value: planDueText },
    { key: 'status', header: '状态', width: 6, align: 'center', value: (p) => p.status, defaultVisible: true },
    { key: 'drillCount', header: '演练次数', width: 6, align: 'right', type: 'number', value: (p) => p.drillCount },
  ],
};

/**
 * 应急预案备案登记表: the office's desk register of the 备案 it received (第二十六条 to 第二十八条), in the order they
 * came in; 核对期限 is 5 working days from receipt.
 */
export const planFilingLedger: LedgerDefinition<PlanFilingRow> = {
  name: '应急预案备案登记表',
  orientation: 'landscape',
  columns: [
    { key: 'receivedOn', header: '收到日期', width: 10, printWidth: 9, align: 'center', type: 'date', value: (f) => f.receivedOn, defaultVisible: true },
    { key: 'ownerName', header: '备案单位', width: 18, value: (f) => f.ownerName, defaultVisible: true },
    { key: 'planName', header: '预案名称', width: 20, value: (f) => f.planName, defaultVisible: true },
    { key: 'planKind', header: '类别', width: 10, printWidth: 8, align: 'center', value: (f) => f.planKind, defaultVisible: true },
    { key: 'version', header: '版本', width: 6, align: 'center', value: (f) => f.version, defaultVisible: true },
    { key: 'issuedOn', header: '发布日期', width: 10, printWidth: 9, align: 'center', type: 'date', value: (f) => f.issuedOn },
    { key: 'submitter', header: '报送人及电话', width: 16, value: (f) => joined(f.submitter, f.submitterPhone), defaultVisible: true },
    { key: 'materials', header: '提交材料', width: 30, value: (f) => f.materials.join('、') || null },
    // 齐全 rather than an empty cell: on paper an empty cell reads as “not checked”.
    { key: 'missingMaterials', header: '缺少材料', width: 20, value: (f) => f.missingMaterials.join('、') || '齐全', defaultVisible: true },
    { key: 'checkDeadline', header: '核对期限', width: 10, printWidth: 9, align: 'center', type: 'date', value: (f) => f.checkDeadline.date, defaultVisible: true },
    { key: 'checkedOn', header: '核对日期', width: 10, printWidth: 9, align: 'center', type: 'date', value: (f) => f.checkedOn, defaultVisible: true },
    { key: 'status', header: '结果', width: 8, printWidth: 7, align: 'center', value: (f) => f.status, defaultVisible: true },
    { key: 'number', header: '备案编号', width: 10, align: 'center', value: (f) => f.number, defaultVisible: true },
    { key: 'resultNote', header: '说明', width: 20, value: (f) => f.resultNote },
  ],
};

/** 应急演练记录台账: one line per drill, earliest first, as the year-end report (第三十三条, 第三十四条) reads them. */
export const drillLedger: LedgerDefinition<Drill> = {
  name: '应急演练记录台账',
  orientation: 'landscape',
  columns: [
    { key: 'heldOn', header: '演练日期', width: 10, printWidth: 9, align: 'center', type: 'date', value: (d) => d.heldOn, defaultVisible: true },
    // Says which kind of unit the name is, so an exported register imports back without guessing (a department's name is free text).
    { key: 'ownerType', header: '所属单位类型', width: 10, printWidth: 7, align: 'center', value: (d) => planOwnerTypeLabels[d.ownerType] },
    { key: 'ownerName', header: '所属单位', width: 18, value: (d) => d.ownerName, defaultVisible: true },
    { key: 'ownerVillageName', header: '所属村/社区', width: 9, value: (d) => d.ownerVillageName, defaultVisible: true },
    { key: 'name', header: '演练名称', width: 20, value: (d) => d.name, defaultVisible: true },
    { key: 'planName', header: '演练预案', width: 20, value: (d) => d.planName, defaultVisible: true },
    { key: 'scope', header: '类型', width: 12, printWidth: 10, align: 'center', value: (d) => d.scope, defaultVisible: true },
    { key: 'form', header: '形式', width: 8, align: 'center', value: (d) => d.form, defaultVisible: true },
    { key: 'organiser', header: '组织单位', width: 14, value: (d) => d.organiser },
    { key: 'place', header: '地点', width: 14, value: (d) => d.place },
    { key: 'participants', header: '参与人数', width: 6, align: 'right', type: 'number', value: (d) => d.participants, defaultVisible: true },
    { key: 'fireBrigade', header: '消防参与', width: 6, align: 'center', value: (d) => yesNo(d.fireBrigade), defaultVisible: true },
    { key: 'summary', header: '演练情况', width: 24, value: (d) => d.summary },
    { key: 'evaluation', header: '评估结论', width: 18, value: (d) => d.evaluation, defaultVisible: true },
  ],
};

/** 状态 as the registers print it: 整改中（逾期） for an open hazard past its deadline. */
export function hazardStatusText(h: Pick<Hazard, 'status' | 'overdue'>): string {
  return h.overdue ? `${h.status}（逾期）` : h.status;
}

/** The six parts of a 治理方案 in the register's few characters each. */
const governancePartShortLabels: Record<GovernancePlanKey, string> = {
  planTargets: '目标任务',
  planMethods: '方法措施',
  planFunds: '经费物资',
  planOrganisation: '机构人员',
  planTimeline: '时限要求',
  planSafety: '安全措施和预案',
};

/**
 * 治理方案 in one cell: which of its six parts (《安全生产事故隐患排查治理暂行规定》第十五条) are written —
 * 六项齐全, 缺：经费物资、机构人员 (each part in four characters or so, to fit a narrow column), or 未制定
 * when none is.
 */
export function governancePlanSummary(h: Pick<Hazard, GovernancePlanKey>): string {
  const missing = governancePlanParts.filter((part) => !h[part.key]?.trim());
  if (missing.length === 0) return '六项齐全';
  if (missing.length === governancePlanParts.length) return '未制定';
  return `缺：${missing.map((part) => governancePartShortLabels[part.key]).join('、')}`;
}

/**
 * 隐患排查治理台账: one line per hazard, earliest found first, with its rectification and closure. Its column
 * names are those the hazard import reads, so an exported register imports back into another office's program.
 */
export const hazardLedger: LedgerDefinition<Hazard> = {
  name: '隐患排查治理台账',
  orientation: 'landscape',
  columns: [
    { key: 'number', header: '编号', width: 10, printWidth: 9, align: 'center', value: (h) => h.number, defaultVisible: true },
    { key: 'foundOn', header: '发现日期', width: 10, printWidth: 9, align: 'center', type: 'date', value: (h) => h.foundOn, defaultVisible: true },
    { key: 'targetName', header: '单位', width: 18, value: (h) => h.targetName, defaultVisible: true },
    { key: 'villageName', header: '村/社区', width: 9, printWidth: 7, value: (h) => h.villageName, defaultVisible: true },
    { key: 'place', header: '部位', width: 10, value: (h) => h.place, defaultVisible: true },
    { key: 'description', header: '隐患描述', width: 26, printWidth: 23, value: (h) => h.description, defaultVisible: true },
    { key: 'level', header: '等级', width: 6, printWidth: 4, align: 'center', value: (h) => h.level, defaultVisible: true },
    { key: 'basis', header: '依据', width: 18, value: (h) => h.basis },
    { key: 'measures', header: '整改措施', width: 20, value: (h) => h.measures },
    { key: 'responsibleName', header: '责任人', width: 8, printWidth: 6, align: 'center', value: (h) => h.responsibleName, defaultVisible: true },
    { key: 'deadline', header: '整改期限', width: 10, printWidth: 9, align: 'center', type: 'date', value: (h) => h.deadline, defaultVisible: true },
    // Wide enough on paper for 整改中（逾期） on one line.
    { key: 'status', header: '状态', width: 14, printWidth: 11, align: 'center', value: hazardStatusText, defaultVisible: true },
    { key: 'reinspectedOn', header: '复查日期', width: 10, printWidth: 9, align: 'center', type: 'date', value: (h) => h.reinspectedOn },
    { key: 'closedOn', header: '销号日期', width: 10, printWidth: 9, align: 'center', type: 'date', value: (h) => h.closedOn, defaultVisible: true },
    { key: 'orderNumber', header: '指令书编号', width: 22, printWidth: 14, value: (h) => h.orderNumber },
    { key: 'source', header: '来源', width: 6, printWidth: 4, align: 'center', value: (h) => h.source },
  ],
};

/**
 * 重大隐患挂牌督办台账: the 重大 hazards with who lists and supervises them (挂牌督办), who they were handed to
 * (交办) and how far their 治理方案 is written; the 一单四制 register of the office.
 */
export const majorHazardLedger: LedgerDefinition<Hazard> = {
  name: '重大隐患挂牌督办台账',
  orientation: 'landscape',
  // Thirteen columns by default on landscape A4: the system's 编号 is on request, so dates and 整改中（逾期）
  // still fit their cells on one line.
  columns: [
    { key: 'number', header: '编号', width: 10, printWidth: 9, align: 'center', value: (h) => h.number },
    { key: 'targetName', header: '单位', width: 18, printWidth: 12, value: (h) => h.targetName, defaultVisible: true },
    { key: 'villageName', header: '村/社区', width: 9, printWidth: 6, value: (h) => h.villageName, defaultVisible: true },
    { key: 'place', header: '部位', width: 10, printWidth: 8, value: (h) => h.place },
    { key: 'description', header: '隐患描述', width: 26, printWidth: 16, value: (h) => h.description, defaultVisible: true },
    { key: 'foundOn', header: '发现日期', width: 10, printWidth: 9, align: 'center', type: 'date', value: (h) => h.foundOn, defaultVisible: true },
    { key: 'listedAuthority', header: '挂牌督办单位', width: 14, printWidth: 8, value: (h) => h.listedAuthority, defaultVisible: true },
    { key: 'listedDocNo', header: '督办文号', width: 16, printWidth: 9, value: (h) => h.listedDocNo, defaultVisible: true },
    { key: 'listedOn', header: '挂牌日期', width: 10, printWidth: 9, align: 'center', type: 'date', value: (h) => h.listedOn, defaultVisible: true },
    { key: 'assignedUnit', header: '交办单位', width: 14, printWidth: 7, value: (h) => h.assignedUnit, defaultVisible: true },
    { key: 'assignedDeadline', header: '交办期限', width: 10, printWidth: 9, align: 'center', type: 'date', value: (h) => h.assignedDeadline, defaultVisible: true },
    { key: 'deadline', header: '整改期限', width: 10, printWidth: 9, align: 'center', type: 'date', value: (h) => h.deadline, defaultVisible: true },
    { key: 'governancePlan', header: '治理方案', width: 22, printWidth: 10, value: governancePlanSummary, defaultVisible: true },
    { key: 'responsibleName', header: '责任人', width: 8, printWidth: 6, align: 'center', value: (h) => h.responsibleName },
    { key: 'fundsWan', header: '整改资金(万元)', width: 12, printWidth: 7, align: 'right', type: 'number', value: (h) => h.fundsWan },
    { key: 'status', header: '状态', width: 14, printWidth: 12, align: 'center', value: hazardStatusText, defaultVisible: true },
    { key: 'closedOn', header: '销号日期', width: 10, printWidth: 9, align: 'center', type: 'date', value: (h) => h.closedOn, defaultVisible: true },
  ],
};

/**
 * 隐患排查检查记录台账: one line per inspection, earliest first, with what it found and how much of that is closed
 * (the office's record that it inspected, for the 督查 and the year-end figures).
 */
export const inspectionLedger: LedgerDefinition<Inspection> = {
  name: '隐患排查检查记录台账',
  orientation: 'landscape',
  columns: [
    { key: 'inspectedOn', header: '检查日期', width: 10, printWidth: 8, align: 'center', type: 'date', value: (i) => i.inspectedOn, defaultVisible: true },
    { key: 'targetName', header: '被检查单位', width: 18, value: (i) => i.targetName, defaultVisible: true },
    { key: 'villageName', header: '村/社区', width: 9, printWidth: 8, value: (i) => i.villageName, defaultVisible: true },
    { key: 'industry', header: '行业领域', width: 12, printWidth: 8, value: (i) => i.industry },
    // 执法检查, not 执法: the kinds read as a kind of inspection only with 检查 after them.
    { key: 'kind', header: '检查类型', width: 9, printWidth: 7, align: 'center', value: (i) => `${i.kind}检查`, defaultVisible: true },
    { key: 'inspectors', header: '检查人员', width: 14, printWidth: 12, value: (i) => i.inspectors, defaultVisible: true },
    { key: 'items', header: '检查项目', width: 30, printWidth: 26, value: (i) => i.items, defaultVisible: true },
    { key: 'hazardCount', header: '发现隐患', width: 8, printWidth: 6, align: 'right', type: 'number', value: (i) => i.hazardCount, defaultVisible: true },
    { key: 'majorCount', header: '其中重大', width: 8, printWidth: 6, align: 'right', type: 'number', value: (i) => i.majorCount, defaultVisible: true },
    { key: 'closedCount', header: '已销号', width: 6, printWidth: 5, align: 'right', type: 'number', value: (i) => i.closedCount, defaultVisible: true },
    { key: 'notes', header: '备注', width: 16, printWidth: 11, value: (i) => i.notes, defaultVisible: true },
    { key: 'createdBy', header: '录入人', width: 8, printWidth: 6, align: 'center', value: (i) => i.createdBy },
  ],
};

/**
 * 责令限期整改指令书台账: the 文书 register, one line per order in number order, with its hazards, deadline,
 * officers and the 整改复查意见书 once reviewed.
 */
export const orderLedger: LedgerDefinition<RectificationOrder> = {
  name: '责令限期整改指令书台账',
  orientation: 'landscape',
  columns: [
    // Wide enough for 示例镇应急责改〔2026〕第123号 on one line, on paper and in Excel.
    { key: 'number', header: '文书编号', width: 28, printWidth: 19, value: (o) => o.number, defaultVisible: true },
    { key: 'issuedOn', header: '下达日期', width: 10, printWidth: 8, align: 'center', type: 'date', value: (o) => o.issuedOn, defaultVisible: true },
    { key: 'targetName', header: '被责令单位', width: 18, value: (o) => o.targetName, defaultVisible: true },
    { key: 'villageName', header: '村/社区', width: 9, printWidth: 8, value: (o) => o.villageName, defaultVisible: true },
    { key: 'hazardCount', header: '隐患条数', width: 8, printWidth: 6, align: 'right', type: 'number', value: (o) => o.hazardCount, defaultVisible: true },
    { key: 'deadline', header: '整改期限', width: 10, printWidth: 8, align: 'center', type: 'date', value: (o) => o.deadline, defaultVisible: true },
    // Two officers with their 执法证号 take two lines on paper (the print breaks anywhere, even inside a number).
    { key: 'officers', header: '执法人员', width: 26, printWidth: 20, value: (o) => o.officers, defaultVisible: true },
    { key: 'content', header: '指令内容', width: 30, value: (o) => o.content },
    { key: 'closedCount', header: '已销号', width: 6, printWidth: 5, align: 'right', type: 'number', value: (o) => o.closedCount, defaultVisible: true },
    { key: 'reviewedOn', header: '复查日期', width: 10, printWidth: 8, align: 'center', type: 'date', value: (o) => o.reviewedOn, defaultVisible: true },
    { key: 'reviewNumber', header: '复查意见书编号', width: 28, printWidth: 19, value: (o) => o.reviewNumber },
    { key: 'reviewOpinion', header: '复查意见', width: 30, printWidth: 24, value: (o) => o.reviewOpinion },
    { key: 'createdBy', header: '录入人', width: 8, printWidth: 6, align: 'center', value: (o) => o.createdBy },
  ],
};

export const ledgerDefinitions = {
  enterprises: enterpriseLedger,
  villages: villageLedger,
  gridWorkers: gridWorkerLedger,
  tanks: tankLedger,
  idleSites: idleSiteLedger,
  filings: filingLedger,
  plans: planLedger,
  planFilings: planFilingLedger,
  drills: drillLedger,
  hazards: hazardLedger,
  majorHazards: majorHazardLedger,
  inspections: inspectionLedger,
  orders: orderLedger,
} as const;
export type LedgerId = keyof typeof ledgerDefinitions;
export const ledgerIds = Object.keys(ledgerDefinitions) as LedgerId[];

/** The columns shown when the user has not chosen: those marked defaultVisible, in declared order. */
export function defaultColumnKeys(id: LedgerId): string[] {
  return (ledgerDefinitions[id].columns as LedgerColumn<unknown>[]).filter((column) => column.defaultVisible).map((column) => column.key);
}
