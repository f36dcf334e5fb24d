import type Database from 'better-sqlite3';
import type { EnterpriseStatus, Industry } from '../../../shared/domain/enterprise';
import { dayKindOf, isWorkingDay } from '../../../shared/domain/holidays';
import {
  heightWorkGrade,
  isBoundByGb30871,
  isHotWork,
  liftingGrade,
  minutesOf,
  requiredDocumentsOf,
  type FilingAction,
  type FilingStatus,
  type HeightClass,
  type SpecialWorkGrade,
  type SpecialWorkKind,
} from '../../../shared/domain/specialWork';
import { checkFiling, type FilingFinding, type FilingRuleCode } from '../../../shared/domain/specialWorkRules';
import { localNow, type HandlerContext } from '../../api/context';
import { holidayCalendar } from '../holidays/service';
import { brand, mobilePhone, personName } from './names';
import { intBetween, pick, seededRandom, weightedSampler } from './random';
import type { DemoScale } from './service';

/**
 * Special-work filings per scale: the mean number of works starting on a working day (rest days and holidays
 * see far fewer), and at least how many start today and tomorrow so the board is never empty. `large` comes to
 * about 50,000 filings in the year.
 */
export const demoFilingRates: Record<DemoScale, { perWorkingDay: number; minPerBoardDay: number; pastWindow: number; unapprovedStarted: number }> = {
  small: { perWorkingDay: 4, minPerBoardDay: 5, pastWindow: 1, unapprovedStarted: 2 },
  town: { perWorkingDay: 12, minPerBoardDay: 10, pastWindow: 1, unapprovedStarted: 2 },
  large: { perWorkingDay: 185, minPerBoardDay: 0, pastWindow: 2, unapprovedStarted: 3 },
};

/** Share of a working day's works on a rest day and on a public holiday (停产检修 keeps some going). */
const restDayFactor = 0.22;
const holidayFactor = 0.12;
/** Days of filings before today, and after it (filed in advance). */
const daysBefore = 361;
const daysAfter = 3;

/** The office's staff, who enter filings and move them along. */
const staff = ['陈志华', '李晓婷', '黄俊杰', '梁淑芬', '张国强', '何伟明'];

/** Works per enterprise by industry: GB 30871 industries (危化/化工/医药) and heavy 工贸 file most. */
const industryWeights: Record<Industry, number> = {
  危化生产: 10,
  '危化经营(带储存)': 5,
  化工: 8,
  医药: 6,
  '工贸-冶金': 3,
  '工贸-有色': 2.5,
  '工贸-建材': 1.5,
  '工贸-机械': 1.2,
  '工贸-轻工': 0.5,
  '工贸-纺织': 0.5,
  烟花爆竹: 0.5,
  建筑施工: 0.15,
  交通运输: 0.15,
  矿山: 1,
  燃气: 2,
  其他: 0.15,
};
/** A 停产 enterprise files rarely (停产检修), an enterprise in production as its industry does. */
const suspendedFactor = 0.06;

/** Where and what; `chemical` marks places only a 危化/化工/医药 plant has (反应釜…). */
type Place = readonly [place: string, content: string, chemical?: 'chemical'];

interface KindProfile {
  kind: SpecialWorkKind;
  weight: number;
  /** Chance the work is at a 危化/化工/医药 enterprise whatever the overall mix. */
  chemical: number;
  places: readonly Place[];
  /** Places on a tank: `{tank}` is the tank's farm and code, `{code}` its code, `{medium}` what it holds. */
  tankPlaces: readonly Place[];
  /** Chance the work touches the enterprise's tanks when it has some. */
  tankChance: number;
  risks: string;
  measures: readonly string[];
  trades: readonly string[];
  /** Share of works done by an outside contractor (the rest by the enterprise's own maintenance team). */
  contractorShare: number;
  workers: readonly [min: number, max: number];
  /** Share of workers holding a 特种作业操作证 for the job. */
  certified: number;
  completion: readonly string[];
}

const hotMeasures = [
  '清除动火点周围 10 m 内可燃物，动火前 30 分钟内气体分析合格，配备灭火器 2 具、消防水带 1 条，设专人监护，作业完毕清理现场无遗留火种',
  '动火点与周边设备用阻燃布隔离，下方设接火盆，气瓶间距不小于 5 m、距动火点不小于 10 m，作业全程专人监护',
];
const hotCompletion = ['作业完毕，现场已清理，无遗留火种', '完工复查合格，动火点已冷却，消防器材归位', '现场复查无异常，可燃物已恢复存放'];
const plainCompletion = ['作业完毕，现场已清理，警戒已撤除', '完工复查合格，设施已恢复正常', '现场复查无异常，临时设施已拆除'];

const kindProfiles: readonly KindProfile[] = [
  {
    kind: '动火',
    weight: 26,
    chemical: 0,
    places: [
      ['锅炉房', '更换 DN80 蒸汽管道阀门及法兰，电焊作业'],
      ['机修车间', '设备支架焊接加固'],
      ['污水处理站', '曝气池钢爬梯及护栏补焊'],
      ['反应釜平台', '平台护栏及踏板焊接修复', 'chemical'],
      ['生产车间设备平台', '设备底座及踏板焊接修复'],
      ['成品仓库', '仓库钢结构雨棚焊接加固'],
      ['厂区东侧管廊', '工艺管道支架焊接更换'],
      ['冷却塔平台', '冷却水管道漏点补焊'],
      ['二车间生产线', '输送线机架电焊修复'],
      ['配电房外侧', '电缆桥架焊接安装'],
      ['原料仓库', '货架立柱焊接加固'],
    ],
    tankPlaces: [
      ['{tank}储罐顶部', '{code}{medium}储罐呼吸阀法兰更换，电焊作业'],
      ['{tank}储罐', '{code}储罐罐顶人孔加强圈焊接修复'],
      ['{tank}储罐进料管线', '{code}储罐进料管线阀门更换，焊接作业'],
    ],
    tankChance: 0.35,
    risks: '火灾、爆炸、灼烫、触电、物体打击',
    measures: hotMeasures,
    trades: ['机电设备安装工程', '钢结构工程', '管道安装工程'],
    contractorShare: 0.6,
    workers: [1, 3],
    certified: 1,
    completion: hotCompletion,
  },
  {
    kind: '切割',
    weight: 18,
    chemical: 0,
    places: [
      ['机修车间', '废旧设备气割解体'],
      ['厂区东侧管廊', '拆除废弃工艺管道，氧乙炔切割'],
      ['二车间', '角磨机切割更换锈蚀钢梁'],
      ['原料仓库', '切割拆除废旧货架'],
      ['污水处理站', '切割更换锈蚀钢格栅板'],
      ['锅炉房', '切割更换烟道腐蚀段'],
    ],
    tankPlaces: [['{tank}储罐区管廊', '切割更换{code}储罐出料管线锈蚀段']],
    tankChance: 0.25,
    risks: '火灾、爆炸、灼烫、物体打击',
    measures: hotMeasures,
    trades: ['钢结构工程', '机电设备安装工程', '拆除工程'],
    contractorShare: 0.55,
    workers: [1, 3],
    certified: 1,
    completion: hotCompletion,
  },
  {
    kind: '高处',
    weight: 12,
    chemical: 0,
    places: [
      ['成品仓库屋面', '更换破损彩钢瓦及采光板'],
      ['厂房外墙', '外墙招牌拆除更换'],
      ['车间顶棚', '照明灯具检修更换'],
      ['厂区管廊架', '管道保温层修复'],
      ['厂房屋面', '屋面防水及排水天沟清理'],
      ['办公楼外墙', '外墙瓷砖修补及清洗'],
      ['冷却塔', '冷却塔填料更换'],
    ],
    tankPlaces: [['{tank}储罐罐顶', '{code}储罐罐顶安全附件检查校验']],
    tankChance: 0.2,
    risks: '高处坠落、物体打击',
    measures: [
      '作业人员系挂双钩安全带，设置安全网及警戒区，下方禁止人员通行，遇 5 级以上大风停止作业',
      '搭设合格脚手架并验收挂牌，作业人员佩戴安全帽、系挂安全带，工具设防坠绳，专人监护',
    ],
    trades: ['建筑工程', '钢结构工程', '幕墙工程'],
    contractorShare: 0.7,
    workers: [2, 5],
    certified: 0.8,
    completion: plainCompletion,
  },
  {
    kind: '吊装',
    weight: 9,
    chemical: 0,
    places: [
      ['车间东侧空地', '新购生产设备吊装就位'],
      ['冷却塔平台', '冷却塔风机吊装更换'],
      ['厂房屋面', '屋面空调外机吊装'],
      ['仓库', '钢结构构件吊装'],
      ['锅炉房', '锅炉辅机吊装更换'],
      ['成品堆场', '大型模具吊装转运'],
    ],
    tankPlaces: [['{tank}', '{code}储罐附属设备吊装更换']],
    tankChance: 0.1,
    risks: '起重伤害、物体打击、高处坠落',
    measures: [
      '吊装前检查吊索具及起重机械，设置警戒区，专人指挥，严禁吊物下站人，风力超过 6 级停止作业',
      '起重机支腿垫实，试吊合格后正式起吊，司索、指挥持证上岗，吊装区域拉设警戒线',
    ],
    trades: ['起重吊装', '机械设备安装工程'],
    contractorShare: 0.9,
    workers: [2, 4],
    certified: 0.9,
    completion: plainCompletion,
  },
  {
    kind: '受限空间',
    weight: 7,
    chemical: 0.5,
    places: [
      ['污水处理站调节池', '调节池清淤'],
      ['化粪池', '化粪池清掏'],
      ['地下电缆沟', '电缆沟积水清理及电缆检查'],
      ['循环水池', '循环水池清理'],
      ['布袋除尘器', '除尘器内部检修更换滤袋'],
      ['反应釜', '反应釜内部清洗检查', 'chemical'],
    ],
    tankPlaces: [
      ['{tank}储罐', '{code}{medium}储罐清罐及内部检查'],
      ['{tank}储罐', '{code}储罐内壁防腐'],
    ],
    tankChance: 0.6,
    risks: '中毒和窒息、火灾爆炸、淹溺',
    measures: [
      '作业前隔离、清洗、置换，气体检测合格，持续强制通风，配备正压式空气呼吸器，外部专人监护',
      '进入前 30 分钟内检测氧含量及有毒气体，作业中每 2 小时复测，设置救援三脚架，监护人不得离开',
    ],
    trades: ['环保工程', '清洗服务', '防腐工程'],
    contractorShare: 0.75,
    workers: [2, 4],
    certified: 0.5,
    completion: plainCompletion,
  },
  {
    kind: '临时用电',
    weight: 7,
    chemical: 0,
    places: [
      ['车间改造区域', '改造施工临时配电箱接入'],
      ['检修现场', '检修照明及电焊机临时用电'],
      ['新建仓库工地', '施工临时用电'],
      ['宿舍楼', '装修施工临时用电'],
    ],
    tankPlaces: [],
    tankChance: 0,
    risks: '触电、电气火灾',
    measures: [
      '使用“一机一闸一漏”配电箱，线路架空敷设，由持证电工接线，每日检查漏电保护',
      '临时线路采用橡套电缆，穿越道路处穿管保护，配电箱上锁并挂警示牌，用电结束及时拆除',
    ],
    trades: ['电力工程', '机电安装工程'],
    contractorShare: 0.5,
    workers: [1, 2],
    certified: 1,
    completion: ['临时用电线路已拆除，现场复查合格', '用电结束，配电箱已拆除并断电'],
  },
  {
    kind: '拆解',
    weight: 5,
    chemical: 0,
    places: [
      ['闲置厂房', '废旧生产线拆除'],
      ['旧仓库', '钢结构仓库拆除'],
      ['车间', '淘汰设备拆解回收'],
    ],
    tankPlaces: [['{tank}', '{code}闲置储罐清洗后拆除']],
    tankChance: 0.15,
    risks: '物体打击、高处坠落、坍塌',
    measures: [
      '拆除前切断水电气，自上而下拆除，设置警戒区，专人监护，废料及时清运',
      '拆除前对设备清洗置换并检测合格，大件拆除使用吊车配合，严禁立体交叉作业',
    ],
    trades: ['拆除工程', '再生资源回收'],
    contractorShare: 0.95,
    workers: [3, 6],
    certified: 0.4,
    completion: ['拆除完毕，废料已清运，现场复查合格', '拆解结束，场地已清理'],
  },
  {
    kind: '外来施工',
    weight: 6,
    chemical: 0,
    places: [
      ['办公楼', '办公楼外墙翻新'],
      ['厂房屋面', '屋面防水改造工程'],
      ['车间', '车间地坪翻新施工'],
      ['消防泵房', '消防系统改造施工'],
      ['厂区道路', '厂区道路硬化施工'],
      ['仓库', '仓库货架安装工程'],
    ],
    tankPlaces: [],
    tankChance: 0,
    risks: '高处坠落、物体打击、触电、火灾',
    measures: [
      '施工前安全技术交底，划定施工区域，动火、高处等作业另行办理许可，专人现场管理',
      '施工人员入厂登记并接受安全教育，施工区域围蔽，材料堆放远离生产装置',
    ],
    trades: ['建筑工程', '装饰工程', '消防工程'],
    contractorShare: 1,
    workers: [4, 10],
    certified: 0.3,
    completion: ['施工结束，现场已清理，复查合格', '工程完工，施工人员已撤场'],
  },
  {
    kind: '动土',
    weight: 4,
    chemical: 0,
    places: [
      ['厂区东侧道路', '消防管网开挖维修'],
      ['厂区围墙内侧', '地下电缆敷设开挖'],
      ['雨水井周边', '雨污分流管道开挖'],
      ['新建仓库', '基础开挖'],
    ],
    tankPlaces: [],
    tankChance: 0,
    risks: '坍塌、触电（地下电缆）、管线破损',
    measures: ['开挖前核实地下管线图，人工探挖，设置护栏及警示灯，堆土距坑边 1 m 以上', '沟槽深度超过 1.5 m 放坡或支护，夜间设置警示灯，专人监护'],
    trades: ['市政工程', '建筑工程'],
    contractorShare: 0.85,
    workers: [3, 8],
    certified: 0,
    completion: ['回填完毕，路面已恢复，复查合格', '开挖处已回填夯实，警戒已撤除'],
  },
  {
    kind: '断路',
    weight: 2,
    chemical: 0,
    places: [
      ['厂区主干道', '道路开挖埋设管道，临时封闭半幅道路'],
      ['厂区消防通道', '路面破损修复，临时断路'],
      ['物流出入口', '地磅基础施工断路'],
    ],
    tankPlaces: [],
    tankChance: 0,
    risks: '车辆伤害、物体打击',
    measures: ['提前通知相关部门，设置绕行标志及警示灯，夜间设置照明，保留消防通道', '断路两端设置路障及专人疏导，施工完毕及时恢复通行'],
    trades: ['市政工程', '建筑工程'],
    contractorShare: 0.8,
    workers: [2, 4],
    certified: 0,
    completion: ['道路已恢复通行，复查合格', '路障已撤除，路面恢复'],
  },
  {
    kind: '盲板抽堵',
    weight: 4,
    chemical: 1,
    places: [
      ['反应釜进料管线', '停车检修加装盲板隔离（4 处）'],
      ['蒸汽主管', '蒸汽管道盲板隔离'],
      ['导热油管线', '检修前盲板抽堵（6 处）'],
    ],
    tankPlaces: [['{tank}储罐进出料管线', '{code}储罐进出料管线加装盲板隔离']],
    tankChance: 0.5,
    risks: '中毒、灼烫、物料泄漏、火灾爆炸',
    measures: ['确认系统泄压、排空，盲板编号挂牌管理，作业人员佩戴防护面具，使用防爆工具', '抽堵前关闭上下游阀门并泄压至常压，专人监护，盲板位置图与现场逐一核对'],
    trades: ['化工设备检修', '石化工程'],
    contractorShare: 0.5,
    workers: [2, 3],
    certified: 0.5,
    completion: ['盲板已按位置图抽堵完毕，复查合格', '盲板状态已确认并挂牌，复查合格'],
  },
];

/** Each kind's places outside the 危化/化工/医药 plants. */
const generalPlaces = new Map(kindProfiles.map((profile) => [profile, profile.places.filter((place) => place[2] !== 'chemical')]));
/** An empty list shared by the filings without tanks (and the overlapping hot works, which the demo avoids). */
const none: never[] = [];
const pickKind = weightedSampler(kindProfiles, (profile) => profile.weight)!;

const reviewRemarks = ['材料齐全，同意安排现场核查', '施工方案、资质及应急措施审核通过', '材料审核通过，待现场核查'];
const sitePassedRemarks = ['现场安全措施落实到位，同意作业', '警戒区设置到位，监护人在岗，同意作业', '现场核查合格，同意作业'];
const hotSitePassedRemarks = ['可燃物已清理，消防器材到位，气体分析合格，同意作业', '动火点已隔离，监护人在岗，同意作业'];
const siteFailedRemarks = ['监护人未到场', '现场未设置警戒区', '作业人员证书与报备不符', '未配备应急救援器材', '安全带等防护用品不合格'];
const hotSiteFailedRemarks = ['动火点周边可燃物未清理', '未配备灭火器材', '气体分析记录与现场不符'];
const rejectReasons = [
  '施工方案未明确安全措施，请完善后重新报备',
  '施工单位资质超出有效期，请更换施工单位或补充有效资质',
  '作业人员特种作业操作证已过期',
  '应急处置措施与作业内容不符，请修改后重新报备',
  '作业时段与企业其他检修作业交叉，请调整后重新报备',
];
const withdrawReasons = ['企业生产计划调整，作业取消', '受降雨天气影响，作业取消', '施工单位人员未到位，延期另行报备', '设备配件未到货，作业推迟', '台风预警，作业取消'];
const overdueRemarks = ['超过计划结束时间未报完工，已电话督促企业', '逾期未办理完工复查，已通知企业说明情况'];
const startRemarks = [null, null, '企业电话报告开始作业', '监护人到位，开始作业'];

/** What a filing says to proceed despite each warning (the generic 参照执行 notice needs none). */
const warningReasons: Partial<Record<FilingRuleCode, readonly string[]>> = {
  'hot-work-upgraded': ['利用停产检修窗口作业，已按升级后级别审批，企业负责人带班', '设备故障须抢修，已按升级后级别管理，增派监护人'],
  'holiday-work': ['节假日期间企业安排值班领导带班，监护人全程在岗', '利用节假日停产期间施工，节后复产前完成'],
  'enterprise-suspended': ['停产期间设备检修，为复产做准备', '停产整改项目，按整改方案施工'],
  'documents-missing': ['资质证书原件正在年审，先行报备，材料后补', '应急处置措施正在修订，先行报备'],
  'tank-in-use': ['储罐已倒空、清洗置换并加盲板隔离，气体分析合格', '作业前倒罐清空并隔离，经气体分析合格后作业'],
  'temporary-power-long': ['厂房改造工期较长，临时用电须持续至完工', '设备安装调试周期长，临时用电延至调试结束'],
  'window-too-long': ['工序连续，无法分段作业'],
  'overlapping-hot-work': ['两处动火分属不同装置区，分别设监护人'],
};

const dayStarts = [7 * 60 + 30, 8 * 60, 8 * 60, 8 * 60 + 30, 8 * 60 + 30, 9 * 60, 9 * 60 + 30, 10 * 60, 13 * 60 + 30, 14 * 60, 14 * 60 + 30];
const nightStarts = [20 * 60, 20 * 60 + 30, 21 * 60, 21 * 60 + 30, 22 * 60];
/** Day work ends by 21:30, before the night of the rules (22:00). */
const latestDayEnd = 21 * 60 + 30;
const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

interface DemoEnterprise {
  id: number;
  name: string;
  industry: Industry;
  status: EnterpriseStatus;
  bound: boolean;
}

interface DemoTank {
  id: number;
  code: string;
  farm: string | null;
  medium: string;
  status: string;
  registeredOn: string;
}

interface Step {
  action: FilingAction | 'create';
  from: FilingStatus | null;
  to: FilingStatus;
  remark: string | null;
  at: number;
  by: string;
}

/** A generated filing before it has its number: times are local wall-clock minutes (see `minutesOf`). */
interface Draft {
  enterprise: DemoEnterprise;
  profile: KindProfile;
  grade: SpecialWorkGrade | null;
  heightM: number | null;
  heightClass: HeightClass | null;
  loadT: number | null;
  place: string;
  content: string;
  start: number;
  end: number;
  contractor: string | null;
  qualification: string | null;
  leaderName: string;
  leaderPhone: string;
  guardianName: string;
  workers: string;
  measures: string;
  documents: string[];
  /** A required document the filing came without (it is turned down at review). */
  missingDocuments: string[];
  tanks: DemoTank[];
  warnings: FilingFinding[];
  warningReason: string | null;
  created: number;
  createdBy: string;
  status: FilingStatus;
  steps: Step[];
  siteCheckOn: string | null;
  siteCheckInspectors: string | null;
  siteCheckPassed: boolean | null;
  siteCheckRemark: string | null;
  closingReason: string | null;
  actualStart: number | null;
  actualEnd: number | null;
  completionRemark: string | null;
}

/** How a filing's workflow ends up (as of the demo clock). */
type Fate =
  | 'completed'
  | 'completedEarly'
  | 'rejectedAtReview'
  | 'rejectedAtSite'
  | 'withdrawn'
  | 'overdue'
  | 'running'
  | 'approved'
  | 'awaitingSiteCheck'
  | 'awaitingReview';

const clockTimes = Array.from({ length: 1440 }, (_, minute) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
const dayDates = new Map<number, string>();

/** `YYYY-MM-DD` of a day number (days since the epoch, local wall clock counted as UTC as in `minutesOf`). */
function dateOfDay(day: number): string {
  let date = dayDates.get(day);
  if (date === undefined) {
    date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dayDates.set(day, date);
  }
  return date;
}

/** `YYYY-MM-DD HH:mm` of local wall-clock minutes; formatted by hand, 50,000 filings need it several times each. */
function wallTime(minutes: number): string {
  return `${dateOfDay(Math.floor(minutes / 1440))} ${clockTimes[minutes % 1440]}`;
}

/** A fictional 居民身份证号 of the town (4419…) with a valid check digit: 特种作业操作证 are numbered T + it. */
function idNumber(random: () => number): string {
  // 441900 YYYYMMDD NNN as digits, so the check sum needs no parsing.
  const digits = [4, 4, 1, 9, 0, 0];
  const birth = intBetween(random, 1965, 2002) * 10_000 + intBetween(random, 1, 12) * 100 + intBetween(random, 1, 28);
  const body = birth * 1000 + intBetween(random, 0, 999);
  for (let power = 10; power >= 0; power -= 1) digits.push(Math.floor(body / 10 ** power) % 10);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += digits[i] * idWeights[i];
  return `441900${body}${'10X98765432'[sum % 11]}`;
}

/**
 * A year of 特殊作业报备 ending a few days after the clock's today: a few works a working day in the small town
 * (far more at larger scales), fewer on rest days and holidays, at enterprises in production, mostly of the
 * GB 30871 industries. Every filing passes the rules as the office would have saved it (warnings computed by
 * `checkFiling` on the official calendar, with a reason), carries the documents required at the grade it is
 * managed at (some rejected ones lack one), and has the status history of each step to its status as of now: past works closed
 * (mostly 已完工, some 驳回/撤销/逾期未完工), works running now 作业中 or 准予作业, future ones awaiting review or
 * site check, plus a few flagged for the board (started without approval, approved and past their window).
 * Numbers run per year in the order the filings were entered, and the `filing` sequence continues after them.
 * Its own random stream, so everything generated before stays as it was. Returns the number of filings.
 */
export function insertFilings(ctx: HandlerContext, scale: DemoScale): number {
  const { sqlite } = ctx.appDb;
  const random = seededRandom(29);
  const rates = demoFilingRates[scale];
  const calendar = holidayCalendar(ctx);
  const clockNow = ctx.clock.now();
  const nowText = localNow(ctx);
  const now = minutesOf(nowText);
  const today = Math.floor(now / 1440);
  /** Local wall-clock minutes to the ISO instant (the office's offset; China keeps no daylight saving). */
  const offset = -clockNow.getTimezoneOffset();
  const isoOf = (minutes: number) => {
    const utc = minutes - offset;
    return `${dateOfDay(Math.floor(utc / 1440))}T${clockTimes[utc % 1440]}:00.000Z`;
  };

  const enterprises = sqlite
    .prepare(`SELECT id, name, industry, status, employees, 0 AS bound FROM enterprises WHERE deleted_at IS NULL AND status IN ('在产', '停产') ORDER BY id`)
    .all() as (DemoEnterprise & { employees: number | null })[];
  for (const enterprise of enterprises) enterprise.bound = isBoundByGb30871(enterprise.industry);
  const weightOf = (enterprise: (typeof enterprises)[number]) =>
    (industryWeights[enterprise.industry] ?? 0.2) *
    (enterprise.status === '停产' ? suspendedFactor : 1) *
    Math.sqrt(Math.min(2000, Math.max(5, enterprise.employees ?? 5)));
  const anyEnterprise = weightedSampler(enterprises, weightOf);
  const chemicalEnterprise = weightedSampler(
    enterprises.filter((enterprise) => enterprise.bound),
    weightOf,
  );
  if (!anyEnterprise) return 0;

  const tanksOf = new Map<number, DemoTank[]>();
  const tankRows = sqlite
    .prepare(
      `SELECT id, enterprise_id AS enterpriseId, code, tank_farm AS farm, medium, status, registered_on AS registeredOn
         FROM tanks WHERE deleted_at IS NULL AND enterprise_id IS NOT NULL ORDER BY id`,
    )
    .all() as (DemoTank & { enterpriseId: number })[];
  for (const { enterpriseId, ...tank } of tankRows) {
    const list = tanksOf.get(enterpriseId) ?? [];
    list.push(tank);
    tanksOf.set(enterpriseId, list);
  }

  /** Every hot work's window per enterprise: the demo files none that overlap, so no overlap warning is owed. */
  const hotWindows = new Map<number, [number, number][]>();
  const overlapsHotWork = (enterpriseId: number, start: number, end: number) =>
    (hotWindows.get(enterpriseId) ?? []).some(([from, to]) => from < end && to > start);

  const dayOf = (minutes: number) => Math.floor(minutes / 1440);
  const workingDays = new Map<number, boolean>();
  const isWorking = (day: number) => {
    let working = workingDays.get(day);
    if (working === undefined) {
      working = isWorkingDay(dateOfDay(day), calendar);
      workingDays.set(day, working);
    }
    return working;
  };
  /** The nearest working day from `day` going by `step` (-1 back, 1 forward); holidays are at most 9 days long. */
  const workingDayFrom = (day: number, step: 1 | -1) => {
    let found = day;
    for (let guard = 0; guard < 14 && !isWorking(found); guard += 1) found += step;
    return found;
  };
  const staffMember = () => pick(random, staff);
  const inspectors = () => {
    const first = pick(random, staff);
    let second = pick(random, staff);
    while (second === first) second = pick(random, staff);
    return `${first}、${second}`;
  };

  /** The planned window of a work of `profile` starting on the day at `dayStart`. */
  const windowOf = (profile: KindProfile, grade: SpecialWorkGrade | null, dayStart: number, workday: boolean): [number, number] => {
    const daily = (minHours: number, maxHours: number): [number, number] => {
      const start = dayStart + pick(random, dayStarts);
      const end = Math.min(start + intBetween(random, minHours * 2, maxHours * 2) * 30, dayStart + latestDayEnd);
      return [start, end];
    };
    const multiDay = (minDays: number, maxDays: number): [number, number] => {
      const days = intBetween(random, minDays, maxDays);
      const start = dayStart + pick(random, [7 * 60 + 30, 8 * 60, 8 * 60]);
      return [start, dayStart + (days - 1) * 1440 + pick(random, [17 * 60, 17 * 60 + 30, 18 * 60])];
    };
    switch (profile.kind) {
      case '动火':
      case '切割': {
        if (random() < 0.06) {
          // Night repairs: one grade up, so within the 8 hours of 一级/特级.
          const start = dayStart + pick(random, nightStarts);
          return [start, start + intBetween(random, 6, 16) * 30];
        }
        if (grade === '二级' && workday) {
          // A 二级 permit may cover up to 72 h: some run over two or three working days, by day (not night work).
          const day = dayStart / 1440;
          const days = random() < 0.25 ? (random() < 0.3 && isWorking(day + 2) ? 3 : 2) : 1;
          if (days > 1 && isWorking(day + 1)) return multiDay(days, days);
          // Otherwise it may run longer by day than the 8 h of 一级 (off days it is managed as 一级).
          return daily(4, 10);
        }
        return daily(4, 8);
      }
      case '高处':
        return random() < 0.65 ? daily(3, 9) : multiDay(2, 4);
      case '吊装':
        return grade === '一级' && random() < 0.5 ? multiDay(2, 2) : daily(2, 8);
      case '受限空间':
        return daily(2, 8);
      case '盲板抽堵':
        return daily(2, 6);
      case '临时用电':
        return random() < 0.85 ? multiDay(3, 14) : multiDay(17, 25);
      case '动土':
        return multiDay(1, 3);
      case '断路':
        return multiDay(1, 2);
      case '拆解':
        return multiDay(1, 5);
      default:
        return multiDay(3, 20);
    }
  };

  /** A moment in office hours (08:30–17:30 of a working day) shortly before `latest`. */
  const enteredBefore = (latest: number): number => {
    const time = latest % 1440;
    if (isWorking(dayOf(latest)) && time >= 9 * 60) return latest - intBetween(random, 10, Math.min(240, time - (8 * 60 + 30)));
    return workingDayFrom(dayOf(latest) - 1, -1) * 1440 + intBetween(random, 14 * 60, 17 * 60 + 30);
  };

  /** When the filing was entered: the working day(s) before (the same morning for some afternoon works, hours before for urgent ones), never after now. */
  const createdFor = (start: number, urgent: boolean): number => {
    let created: number;
    if (urgent) created = start - intBetween(random, 90, 300);
    else if (start % 1440 >= 13 * 60 && random() < 0.3) created = start - (start % 1440) + intBetween(random, 8 * 60 + 30, 11 * 60);
    else {
      const day = workingDayFrom(dayOf(start) - pick(random, [1, 1, 1, 2, 2, 3]), -1);
      created = day * 1440 + intBetween(random, 8 * 60 + 30, 16 * 60 + 30);
    }
    const latest = Math.min(start - 30, now - 10);
    return created <= latest ? created : enteredBefore(latest);
  };

  /** `at` if it is in office hours (08:30–17:30 of a working day), else the next working morning if that is before `before`. */
  const inOfficeHours = (at: number, before: number): number => {
    const time = at % 1440;
    if (time >= 8 * 60 + 30 && time <= 17 * 60 + 30 && isWorking(dayOf(at))) return at;
    const moved = workingDayFrom(dayOf(at) + (time > 17 * 60 + 30 ? 1 : 0), 1) * 1440 + intBetween(random, 8 * 60 + 30, 10 * 60);
    return moved < before ? moved : at;
  };

  const workersFor = (profile: KindProfile) => {
    const count = intBetween(random, profile.workers[0], profile.workers[1]);
    const workers: { name: string; certificateNo: string | null }[] = [];
    for (let i = 0; i < count; i += 1) workers.push({ name: personName(random), certificateNo: random() < profile.certified ? `T${idNumber(random)}` : null });
    return JSON.stringify(workers);
  };

  const reasonFor = (warnings: FilingFinding[]): string | null => {
    const reasons: string[] = [];
    for (const warning of warnings) {
      const options = warningReasons[warning.code];
      if (options) reasons.push(pick(random, options));
    }
    if (warnings.length === 0) return null;
    return reasons.length ? [...new Set(reasons)].join('；') : '已核实，按规定落实安全措施';
  };

  /**
   * A filing of `profile` in [start, end) (drawn from the day when not given) at an enterprise that has no
   * other hot work then; null when the rules would not have let it be saved.
   */
  const draftFor = (
    profile: KindProfile,
    day: number,
    options: { window?: [number, number]; dropDocument?: boolean } = {},
  ): Draft | null => {
    const hot = isHotWork(profile.kind);
    const workday = isWorking(day);
    const date = dateOfDay(day);
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const enterprise = (random() < profile.chemical && chemicalEnterprise ? chemicalEnterprise : anyEnterprise)(random);
      const all = tanksOf.get(enterprise.id);
      const owned = all ? all.filter((tank) => tank.registeredOn <= date && (profile.kind !== '拆解' || tank.status !== '在用')) : none;
      const onTank = owned.length > 0 && profile.tankPlaces.length > 0 && random() < profile.tankChance;
      const tanks: DemoTank[] = [];
      if (onTank) {
        const first = pick(random, owned);
        tanks.push(first);
        const neighbour = owned.find((tank) => tank !== first && tank.farm === first.farm);
        if (neighbour && profile.kind !== '拆解' && random() < 0.2) tanks.push(neighbour);
        tanks.sort((a, b) => (a.code < b.code ? -1 : 1));
      }

      let grade: SpecialWorkGrade | null = null;
      let heightM: number | null = null;
      let heightClass: HeightClass | null = null;
      let loadT: number | null = null;
      if (hot) {
        const onLiveTank = tanks.length > 0 && tanks.some((tank) => tank.status === '在用');
        grade = onLiveTank && random() < 0.3 ? '特级' : random() < (enterprise.bound ? 0.4 : 0.2) ? '一级' : '二级';
      } else if (profile.kind === '高处') {
        const band = random();
        heightM = band < 0.4 ? intBetween(random, 25, 50) / 10 : band < 0.8 ? intBetween(random, 6, 15) : band < 0.95 ? intBetween(random, 16, 30) : intBetween(random, 31, 45);
        heightClass = random() < 0.15 ? 'B' : 'A';
        grade = heightWorkGrade(heightM, heightClass);
      } else if (profile.kind === '吊装') {
        const band = random();
        loadT = band < 0.8 ? intBetween(random, 5, 390) / 10 : band < 0.96 ? intBetween(random, 40, 100) : intBetween(random, 101, 160);
        grade = liftingGrade(loadT);
      }

      const [start, end] = options.window ?? windowOf(profile, grade, day * 1440, workday);
      if (hot && overlapsHotWork(enterprise.id, start, end)) continue;

      const plannedStart = wallTime(start);
      const plannedEnd = wallTime(end);
      const context = { enterprise, overlappingHotWorks: none, tanks, calendar };
      const checkWith = (documents: string[]) => checkFiling({ kind: profile.kind, grade, heightM, heightClass, loadT, plannedStart, plannedEnd, documents }, context);
      // The documents of the grade the work is managed at (one up for 动火 off hours: 特级 brings video monitoring).
      let documents: string[] = requiredDocumentsOf(profile.kind, grade);
      let check = checkWith(documents);
      if (check.managedGrade !== grade) {
        documents = requiredDocumentsOf(profile.kind, check.managedGrade);
        check = checkWith(documents);
      }
      let missing: string[] = [];
      if (options.dropDocument && !enterprise.bound) {
        // Only where GB 30871 is 参照执行 could a filing short of documents be saved at all (with a warning).
        missing = [pick(random, documents.filter((document) => document !== '施工方案'))];
        documents = documents.filter((document) => document !== missing[0]);
        check = checkWith(documents);
      }
      if (check.errors.length) return null;
      if (hot) {
        const windows = hotWindows.get(enterprise.id) ?? [];
        windows.push([start, end]);
        hotWindows.set(enterprise.id, windows);
      }

      let [place, content] = pick(random, enterprise.bound ? profile.places : generalPlaces.get(profile)!);
      if (tanks.length) {
        const tank = tanks[0];
        const codes = tanks.map((item) => item.code).join('、');
        const template = pick(random, profile.tankPlaces);
        place = template[0].replace('{tank}', `${tank.farm ?? ''}${codes}`);
        content = template[1].replace('{code}', codes).replace('{medium}', tank.medium);
      }
      const contracted = random() < profile.contractorShare;
      return {
        enterprise,
        profile,
        grade: check.grade,
        heightM,
        heightClass,
        loadT,
        place,
        content,
        start,
        end,
        contractor: contracted ? `东莞市${brand(random)}${pick(random, profile.trades)}有限公司` : null,
        qualification: contracted ? `D244${String(intBetween(random, 0, 999_999)).padStart(6, '0')}` : null,
        leaderName: personName(random),
        leaderPhone: mobilePhone(random),
        guardianName: personName(random),
        workers: workersFor(profile),
        measures: pick(random, profile.measures),
        documents,
        missingDocuments: missing,
        tanks,
        warnings: check.warnings,
        warningReason: reasonFor(check.warnings),
        siteCheckOn: null,
        siteCheckInspectors: null,
        siteCheckPassed: null,
        siteCheckRemark: null,
        closingReason: null,
        actualStart: null,
        actualEnd: null,
        completionRemark: null,
        // Set when the filing is settled.
        created: 0,
        createdBy: '',
        status: '待审核',
        steps: [],
      };
    }
    return null;
  };

  /** How a filing in [start, end) ends up as of now. */
  const fateOf = (start: number, end: number): Fate => {
    const roll = random();
    if (end <= now) {
      // With the filings short of a document (rejected at review too), about 5 % are turned down.
      if (roll < 0.025) return 'rejectedAtReview';
      if (roll < 0.04) return 'rejectedAtSite';
      if (roll < 0.07) return 'withdrawn';
      if (roll < 0.09) return 'overdue';
      return 'completed';
    }
    if (roll < 0.02) return 'rejectedAtReview';
    if (roll < 0.035) return 'rejectedAtSite';
    if (roll < 0.055) return 'withdrawn';
    if (start <= now) return random() < 0.15 ? 'completedEarly' : 'running';
    const hours = (start - now) / 60;
    const stage = random();
    if (hours < 12) return stage < 0.8 ? 'approved' : 'awaitingSiteCheck';
    if (hours < 36) return stage < 0.4 ? 'approved' : stage < 0.75 ? 'awaitingSiteCheck' : 'awaitingReview';
    return stage < 0.1 ? 'approved' : stage < 0.4 ? 'awaitingSiteCheck' : 'awaitingReview';
  };

  /** One workflow step: the filing moves to `to` at `at`, recorded by a member of staff. */
  const step = (draft: Draft, action: FilingAction, to: FilingStatus, remark: string | null, at: number) => {
    draft.steps.push({ action, from: draft.status, to, remark, at, by: staffMember() });
    draft.status = to;
  };
  const passReview = (draft: Draft, at: number) => step(draft, 'passReview', '待现场核查', pick(random, reviewRemarks), at);
  const siteCheck = (draft: Draft, passed: boolean, at: number) => {
    const hot = isHotWork(draft.profile.kind);
    const remark = passed ? pick(random, hot ? hotSitePassedRemarks : sitePassedRemarks) : pick(random, hot && random() < 0.6 ? hotSiteFailedRemarks : siteFailedRemarks);
    draft.siteCheckOn = dateOfDay(dayOf(at));
    draft.siteCheckInspectors = inspectors();
    draft.siteCheckPassed = passed;
    draft.siteCheckRemark = remark;
    if (!passed) draft.closingReason = `现场核查不合格：${remark}`;
    step(draft, 'siteCheck', passed ? '准予作业' : '驳回', remark, at);
  };
  const startWork = (draft: Draft) => {
    const actualStart = Math.min(draft.start + pick(random, [0, 0, 10, 15, 20, 30, 40]), draft.end - 30, now);
    draft.actualStart = actualStart;
    step(draft, 'start', '作业中', pick(random, startRemarks), Math.min(actualStart + intBetween(random, 2, 25), now));
  };
  const complete = (draft: Draft, latest: number) => {
    const actualStart = draft.actualStart ?? draft.start;
    const actualEnd = Math.max(actualStart + 30, Math.min(latest, draft.end - pick(random, [0, 0, 10, 20, 30, 60, 90])));
    draft.actualEnd = actualEnd;
    draft.completionRemark = pick(random, draft.profile.completion);
    step(draft, 'complete', '已完工', draft.completionRemark, Math.min(actualEnd + intBetween(random, 5, 90), now));
  };

  /** Writes the workflow steps leading to `fate`, at plausible times: approvals before the start and none after now. */
  const settle = (draft: Draft, fate: Fate, urgent: boolean): Draft => {
    const created = createdFor(draft.start, urgent);
    const createdBy = staffMember();
    draft.created = created;
    draft.createdBy = createdBy;
    const { warnings, warningReason } = draft;
    draft.steps.push({
      action: 'create',
      from: null,
      to: '待审核',
      remark: warnings.length ? `提醒 ${warnings.length} 条，理由：${warningReason}` : null,
      at: created,
      by: createdBy,
    });
    // Review and site check happen before the work starts and by now, in office hours where there is room.
    const limit = Math.min(draft.start, now);
    const reviewAt = inOfficeHours(created + Math.max(1, Math.min(intBetween(random, 20, 150), Math.floor((limit - created) * 0.35))), limit - 1);
    const siteAt = inOfficeHours(reviewAt + Math.max(1, Math.min(intBetween(random, 45, 300), Math.floor((limit - reviewAt) * 0.6))), limit + 1);

    switch (fate) {
      case 'rejectedAtReview': {
        const missing = draft.missingDocuments;
        draft.closingReason = missing.length ? `材料不全（缺少${missing.join('、')}），请补齐后重新报备` : pick(random, rejectReasons);
        step(draft, 'reject', '驳回', draft.closingReason, reviewAt);
        break;
      }
      case 'rejectedAtSite':
        passReview(draft, reviewAt);
        siteCheck(draft, false, siteAt);
        break;
      case 'withdrawn': {
        const reason = pick(random, withdrawReasons);
        draft.closingReason = reason;
        const stage = random();
        if (stage < 0.4) step(draft, 'withdraw', '撤销', reason, reviewAt);
        else if (stage < 0.7) {
          passReview(draft, reviewAt);
          step(draft, 'withdraw', '撤销', reason, siteAt);
        } else {
          passReview(draft, reviewAt);
          siteCheck(draft, true, siteAt);
          step(draft, 'withdraw', '撤销', reason, siteAt + Math.floor((limit - siteAt) / 2));
        }
        break;
      }
      case 'awaitingReview':
        break;
      case 'awaitingSiteCheck':
        passReview(draft, reviewAt);
        break;
      case 'approved':
        passReview(draft, reviewAt);
        siteCheck(draft, true, siteAt);
        break;
      case 'running':
        passReview(draft, reviewAt);
        siteCheck(draft, true, siteAt);
        // Most report the start; some have not yet (or have not started).
        if (draft.start + 40 <= now && random() < 0.9) startWork(draft);
        break;
      case 'completedEarly':
        passReview(draft, reviewAt);
        siteCheck(draft, true, siteAt);
        startWork(draft);
        if (now - (draft.actualStart ?? now) >= 90) complete(draft, now - intBetween(random, 10, 40));
        break;
      case 'overdue':
        passReview(draft, reviewAt);
        siteCheck(draft, true, siteAt);
        if (random() < 0.7) startWork(draft);
        step(draft, 'markOverdue', '逾期未完工', pick(random, overdueRemarks), Math.min(draft.end + intBetween(random, 30, 600), now));
        break;
      case 'completed':
        passReview(draft, reviewAt);
        siteCheck(draft, true, siteAt);
        startWork(draft);
        complete(draft, draft.end);
        break;
    }
    return draft;
  };

  // 50,000 filings and their 230,000 steps dirty far more pages than the default 2 MB cache holds; a larger one
  // while writing them saves spilling and re-reading index pages. Restored afterwards.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  if (scale === 'large') sqlite.pragma('cache_size = -131072');
  try {
    const writer = filingWriter(sqlite, isoOf);
    // --- the year, day by day ------------------------------------------------------------------------------
    // Filings are written in the order they were entered (numbers run in that order), as soon as no filing still to
    // be drawn can have been entered earlier: one is entered at most 17 days before its start (3 days ahead, back
    // over a holiday), so holding 50,000 drafts in memory until the end is not needed.
    const pending: Draft[] = [];
    const byEntry = (a: Draft, b: Draft) => a.created - b.created || a.start - b.start;
    const flush = (before: number) => {
      const ready: Draft[] = [];
      const rest: Draft[] = [];
      for (const draft of pending) (draft.created < before ? ready : rest).push(draft);
      writer.write(ready.sort(byEntry));
      pending.length = 0;
      for (const draft of rest) pending.push(draft);
    };
    for (let day = today - daysBefore; day <= today + daysAfter; day += 1) {
      if (day % 7 === 0) flush(Math.min(day - 18, today - 20) * 1440);
      const kind = dayKindOf(dateOfDay(day), calendar).kind;
      const mean = rates.perWorkingDay * (kind === 'workday' ? 1 : kind === 'holiday' ? holidayFactor : restDayFactor);
      const count = Math.floor(mean * (0.75 + 0.5 * random()) + random());
      // Today and tomorrow get at least a few works the board shows (not turned down or withdrawn).
      const boardDay = day === today || day === today + 1;
      const dayStart = day * 1440;
      let shown = 0;
      for (let i = 0; i < count || (boardDay && shown < rates.minPerBoardDay && i < count + 50); i += 1) {
        const profile = pickKind(random);
        const base = draftFor(profile, day, { dropDocument: random() < 0.03 });
        if (!base) continue;
        // A filing short of a document (possible only where GB 30871 is 参照执行) is turned down at review.
        const urgent = isHotWork(profile.kind) && base.start - dayStart >= nightStarts[0];
        const draft = settle(base, base.missingDocuments.length ? 'rejectedAtReview' : fateOf(base.start, base.end), urgent);
        pending.push(draft);
        if (draft.status !== '驳回' && draft.status !== '撤销') shown += 1;
      }
    }

    // --- the board's flagged works: started without approval, and approved but past the window ------------
    const roundDown = (minutes: number) => minutes - (minutes % 10);
    const flaggedKinds = kindProfiles.filter((profile) => ['动火', '切割', '高处', '吊装', '受限空间'].includes(profile.kind));
    for (let i = 0, made = 0; i < 20 && made < rates.unapprovedStarted; i += 1) {
      const start = roundDown(now - intBetween(random, 30, 150));
      const base = draftFor(pick(random, flaggedKinds), dayOf(start), { window: [start, start + intBetween(random, 8, 12) * 30] });
      if (!base) continue;
      pending.push(settle(base, 'awaitingSiteCheck', false));
      made += 1;
    }
    // Yesterday's (or this morning's) day work that nobody closed: approved, started, past its end.
    let dayWorkEnd = today * 1440 + 17 * 60 + 30;
    if (dayWorkEnd > now - 60) dayWorkEnd -= 1440;
    for (let i = 0, made = 0; i < 20 && made < rates.pastWindow; i += 1) {
      const end = dayWorkEnd - pick(random, [0, 30, 60]);
      const start = end - intBetween(random, 8, 12) * 30;
      const base = draftFor(pick(random, flaggedKinds), dayOf(start), { window: [start, end] });
      if (!base) continue;
      const draft = settle(base, 'approved', false);
      draft.actualStart = Math.min(base.start + 15, base.end - 30);
      draft.steps.push({ action: 'start', from: '准予作业', to: '作业中', remark: null, at: draft.actualStart + 5, by: staffMember() });
      draft.status = '作业中';
      pending.push(draft);
      made += 1;
    }

    flush(Number.POSITIVE_INFINITY);
    return writer.finish();
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

/**
 * Writes filings in the order given, numbered per year of entry, with their tanks and steps; `finish` sets the
 * sequence after them and tells how many were written.
 */
function filingWriter(sqlite: Database.Database, isoOf: (minutes: number) => string): { write: (drafts: Draft[]) => void; finish: () => number } {
  const insertFiling = sqlite.prepare(
    `INSERT INTO filings (number, enterprise_id, kind, grade, height_m, height_class, load_t, place, content, planned_start, planned_end,
       contractor, contractor_qualification, leader_name, leader_phone, guardian_name, workers, risk_identification, measures, documents,
       status, warnings, warning_reason, site_check_on, site_check_inspectors, site_check_passed, site_check_remark, closing_reason,
       actual_start, actual_end, completion_remark, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTank = sqlite.prepare('INSERT INTO filing_tanks (filing_id, tank_id) VALUES (?, ?)');
  // A filing's steps in one statement: 230,000 rows at the large scale, so the per-call cost counts.
  const insertSteps = [1, 2, 3, 4, 5, 6].map((count) =>
    sqlite.prepare(
      `INSERT INTO filing_status_changes (filing_id, action, from_status, to_status, remark, created_at, created_by)
       VALUES ${Array.from({ length: count }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    ),
  );
  const lastOfYear = new Map<number, number>();
  let written = 0;
  const write = (drafts: Draft[]) => {
    for (const draft of drafts) {
      const year = Number(dateOfDay(Math.floor(draft.created / 1440)).slice(0, 4));
      const serial = (lastOfYear.get(year) ?? 0) + 1;
      lastOfYear.set(year, serial);
      const { profile } = draft;
      const id = Number(
        insertFiling.run(
          `${year}-${String(serial).padStart(4, '0')}`,
          draft.enterprise.id,
          profile.kind,
          draft.grade,
          draft.heightM,
          draft.heightClass,
          draft.loadT,
          draft.place,
          draft.content,
          wallTime(draft.start),
          wallTime(draft.end),
          draft.contractor,
          draft.qualification,
          draft.leaderName,
          draft.leaderPhone,
          draft.guardianName,
          draft.workers,
          profile.risks,
          draft.measures,
          JSON.stringify(draft.documents),
          draft.status,
          JSON.stringify(draft.warnings),
          draft.warningReason,
          draft.siteCheckOn,
          draft.siteCheckInspectors,
          draft.siteCheckPassed === null ? null : draft.siteCheckPassed ? 1 : 0,
          draft.siteCheckRemark,
          draft.closingReason,
          draft.actualStart === null ? null : wallTime(draft.actualStart),
          draft.actualEnd === null ? null : wallTime(draft.actualEnd),
          draft.completionRemark,
          draft.createdBy,
          isoOf(draft.created),
          isoOf(draft.steps[draft.steps.length - 1].at),
        ).lastInsertRowid,
      );
      for (const tank of draft.tanks) insertTank.run(id, tank.id);
      const values: unknown[] = [];
      for (const step of draft.steps) values.push(id, step.action, step.from, step.to, step.remark, isoOf(step.at), step.by);
      insertSteps[draft.steps.length - 1].run(values);
    }
    written += drafts.length;
  };
  const setSequence = sqlite.prepare(
    `INSERT INTO sequences (series, year, last) VALUES ('filing', ?, ?) ON CONFLICT (series, year) DO UPDATE SET last = max(last, excluded.last)`,
  );
  const finish = () => {
    for (const [year, last] of lastOfYear) setSequence.run(year, last);
    return written;
  };
  return { write, finish };
}
