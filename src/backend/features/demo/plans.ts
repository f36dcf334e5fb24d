import type Database from 'better-sqlite3';
import {
  addMonths,
  drillIntervalMonths,
  drillScopeOf,
  filingWorkingDays,
  listedUnitIndustries,
  planFilingMaterials,
  requiredFilingMaterials,
  reviewRequiredIndustries,
  type DrillForm,
  type DrillScope,
  type PlanFilingMaterial,
  type PlanFilingStatus,
  type PlanKind,
  type PlanOwnerFacts,
  type PlanOwnerType,
  type PlanStatus,
  type RevisionTrigger,
} from '../../../shared/domain/emergencyPlan';
import type { Industry } from '../../../shared/domain/enterprise';
import { demoUnitGroup } from './industries';
import { isWorkingDay, type HolidayCalendar } from '../../../shared/domain/holidays';
import { localToday, nowIso, type HandlerContext } from '../../api/context';
import { holidayCalendar } from '../holidays/service';
import { getOfficeSettings } from '../settings/service';
import { personName } from './names';
import { intBetween, pick, seededRandom, weightedPick } from './random';
import type { DemoScale } from './service';

/**
 * Enterprises per scale that show each case the reminders page exists for; everything else is on time. Small
 * numbers on purpose: a real office sees a handful of these among hundreds of plans in order.
 */
export const demoPlanCases: Record<DemoScale, PlanCases> = {
  small: { unfiled: 4, awaitingCheck: 4, refused: 2, evaluationOverdue: 3, evaluationDue: 2, revising: 2 },
  town: { unfiled: 8, awaitingCheck: 6, refused: 4, evaluationOverdue: 6, evaluationDue: 4, revising: 4 },
  large: { unfiled: 40, awaitingCheck: 24, refused: 12, evaluationOverdue: 40, evaluationDue: 20, revising: 20 },
};

interface PlanCases {
  /** Listed units whose plans were (re)issued 10–45 days ago and are not filed yet: half due, half overdue. */
  unfiled: number;
  /** Listed units whose filing the office received and has not checked: half within 5 working days, half past. */
  awaitingCheck: number;
  /** Listed units whose filing was refused (不予备案): half filed again and accepted, half not yet. */
  refused: number;
  /** Plans issued over 3 years ago and never evaluated. */
  evaluationOverdue: number;
  /** Plans whose 3 years run out within the coming weeks. */
  evaluationDue: number;
  /** Evaluated lately as 需要修订, so 修订中. */
  revising: number;
}

/** Share of the enterprises not listed by 第二十六条 that keep registered plans anyway. */
const voluntaryShare: Partial<Record<Industry, number>> = {
  化工: 0.5,
  医药: 0.5,
  '工贸-轻工': 0.15,
  '工贸-机械': 0.15,
  '工贸-纺织': 0.15,
  '工贸-建材': 0.15,
};

/** Share of plans of enterprises in operation whose last drill is getting old, or too old (the rest are on time). */
const drillDueShare = 0.09;
const drillOverdueShare = 0.07;
/** Drills are kept for the last ~14 months. */
const drillWindowDays = 425;

/** The office's staff (as in the special-work filings), who check filings. */
const staff = ['陈志华', '李晓婷', '黄俊杰', '梁淑芬', '张国强', '何伟明'];
const districtBureau = '区应急管理局';

type Scene = readonly [place: string, event: string];
interface Scenario {
  name: string;
  scenes: readonly Scene[];
}

const s = (name: string, ...scenes: Scene[]): Scenario => ({ name, scenes });
const electric = s('触电事故现场处置方案', ['配电房', '检修人员误触带电设备触电'], ['生产车间', '员工使用漏电的手持电动工具触电']);

/** An industry group's plans: 专项预案 and 现场处置方案 to draw 1–3 of each from. */
interface PlanSet {
  comprehensive: string;
  special: readonly Scenario[];
  onsite: readonly Scenario[];
}

const planSets = {
  chemical: {
    comprehensive: '生产安全事故综合应急预案',
    special: [
      s('火灾爆炸专项应急预案', ['储罐区', '甲醇储罐呼吸阀处起火并有爆炸危险'], ['甲类仓库', '溶剂桶泄漏遇静电火花起火']),
      s('危险化学品泄漏专项应急预案', ['储罐区', '储罐根部阀门法兰泄漏，物料流入防火堤'], ['装卸站台', '槽车卸料软管破裂，物料泄漏']),
      s('中毒窒息专项应急预案', ['生产车间', '反应釜投料时有毒气体逸出，一名操作工中毒'], ['污水处理站', '集水池清淤时作业人员硫化氢中毒']),
    ],
    onsite: [
      s('危险化学品泄漏现场处置方案', ['装卸站台', '卸车软管接口泄漏'], ['化学品仓库', '叉车搬运时包装桶破损泄漏']),
      s('火灾事故现场处置方案', ['生产车间', '电气线路短路引燃物料'], ['成品仓库', '堆垛起火']),
      s('有限空间作业现场处置方案', ['污水处理站', '作业人员进入集水井后晕倒'], ['储罐内部', '清罐作业人员缺氧晕倒']),
      s('灼烫事故现场处置方案', ['生产车间', '酸液喷溅致操作工灼伤']),
      electric,
    ],
  },
  gasStation: {
    comprehensive: '生产安全事故综合应急预案',
    special: [
      s('火灾爆炸专项应急预案', ['加油区', '加油机油气泄漏遇明火起火'], ['卸油区', '卸油时油罐车静电起火']),
      s('油品泄漏专项应急预案', ['卸油区', '卸油软管脱落，汽油泄漏'], ['油罐区', '埋地油罐渗漏']),
    ],
    onsite: [
      s('卸油作业油品泄漏现场处置方案', ['卸油区', '卸油口密封失效，油品滴漏']),
      s('加油机着火现场处置方案', ['加油区', '车辆加油时油箱口起火']),
      s('触电事故现场处置方案', ['站房配电间', '员工检修照明线路触电']),
    ],
  },
  gas: {
    comprehensive: '生产安全事故综合应急预案',
    special: [
      s('燃气泄漏专项应急预案', ['储罐区', '液化石油气储罐液相阀门泄漏'], ['调压站', '调压器出口管道泄漏']),
      s('火灾爆炸专项应急预案', ['充装间', '钢瓶角阀泄漏遇火花起火']),
    ],
    onsite: [
      s('液化石油气泄漏现场处置方案', ['储罐区', '储罐排污阀泄漏']),
      s('槽车卸车泄漏现场处置方案', ['卸车区', '槽车卸车金属软管破裂']),
      s('钢瓶泄漏着火现场处置方案', ['瓶库', '残液钢瓶角阀泄漏着火']),
      electric,
    ],
  },
  fireworks: {
    comprehensive: '生产安全事故综合应急预案',
    special: [s('火灾爆炸专项应急预案', ['仓库', '库房内烟花爆竹受潮自燃起火'], ['门店', '店外燃放引燃门店货架'])],
    onsite: [
      s('库房火灾现场处置方案', ['仓库', '库房电气线路老化起火']),
      s('烟花爆竹装卸事故现场处置方案', ['装卸区', '装卸时包装箱跌落起火']),
      s('人员疏散现场处置方案', ['门店', '顾客聚集时店内起火']),
    ],
  },
  mine: {
    comprehensive: '生产安全事故综合应急预案',
    special: [
      s('边坡坍塌专项应急预案', ['采场边坡', '连续降雨后边坡局部滑塌']),
      s('爆破事故专项应急预案', ['爆破作业区', '爆破后出现盲炮']),
      s('防汛专项应急预案', ['采场', '暴雨致采坑积水，排水不畅']),
    ],
    onsite: [
      s('边坡滑坡现场处置方案', ['采场边坡', '台阶出现裂缝并滑落']),
      s('车辆伤害现场处置方案', ['运输道路', '自卸车下坡制动失灵']),
      s('机械伤害现场处置方案', ['破碎车间', '清理皮带时衣物被卷入']),
      electric,
    ],
  },
  metallurgy: {
    comprehensive: '生产安全事故综合应急预案',
    special: [
      s('高温熔融金属喷溅专项应急预案', ['熔炼车间', '中频炉炉衬穿漏，熔融金属外溢']),
      s('粉尘爆炸专项应急预案', ['抛光车间', '除尘系统内金属粉尘积聚引发燃烧']),
      s('火灾事故专项应急预案', ['成品仓库', '叉车电瓶短路起火']),
    ],
    onsite: [
      s('熔融金属喷溅现场处置方案', ['熔炼车间', '浇注时金属液喷溅灼伤工人']),
      s('起重伤害现场处置方案', ['铸造车间', '行车吊运钢包时吊具脱钩']),
      s('有限空间作业现场处置方案', ['除尘器', '清灰人员进入除尘器后晕倒']),
      s('灼烫事故现场处置方案', ['熔炼车间', '扒渣时高温炉渣烫伤工人']),
      electric,
    ],
  },
  construction: {
    comprehensive: '生产安全事故综合应急预案',
    special: [
      s('高处坠落专项应急预案', ['脚手架作业面', '外架作业人员未系安全带坠落']),
      s('坍塌事故专项应急预案', ['基坑作业区', '基坑支护变形，局部坍塌']),
      s('起重机械事故专项应急预案', ['塔吊作业区', '塔吊吊运钢筋时吊索断裂']),
      s('防台防汛专项应急预案', ['施工现场', '台风来袭，工地临时设施及塔吊需加固']),
    ],
    onsite: [
      s('高处坠落现场处置方案', ['楼层临边', '临边防护缺失，工人坠落']),
      s('基坑坍塌现场处置方案', ['基坑作业区', '基坑边坡局部塌方，一人被埋']),
      s('触电事故现场处置方案', ['临时用电区', '工人接触漏电的手持电动工具触电']),
      s('物体打击现场处置方案', ['施工现场', '高处坠物砸伤工人']),
      s('火灾事故现场处置方案', ['工人生活区', '宿舍违规用电起火']),
    ],
  },
  trade: {
    comprehensive: '生产安全事故综合应急预案',
    special: [
      s('火灾事故专项应急预案', ['成品仓库', '仓库堆垛起火，浓烟蔓延'], ['生产车间', '设备电气线路短路起火']),
      s('粉尘爆炸专项应急预案', ['打磨车间', '除尘管道内粉尘燃烧']),
      s('有限空间作业专项应急预案', ['污水处理池', '清理污水池时作业人员中毒晕倒']),
    ],
    onsite: [
      s('机械伤害现场处置方案', ['冲压车间', '冲床作业时手部被压伤'], ['生产车间', '设备未停机清理时手部被卷入']),
      electric,
      s('火灾事故现场处置方案', ['生产车间', '烘干设备过热起火']),
      s('有限空间作业现场处置方案', ['化粪池', '清掏作业人员中毒晕倒']),
      s('叉车伤害现场处置方案', ['成品仓库', '叉车倒车撞伤行人']),
      s('起重伤害现场处置方案', ['装配车间', '行车吊物坠落']),
    ],
  },
  crowded: {
    comprehensive: '突发事件综合应急预案',
    special: [
      s('火灾事故专项应急预案', ['营业区', '顾客密集时段营业区起火']),
      s('人员踩踏事件专项应急预案', ['出入口', '促销活动时出入口人员拥挤']),
    ],
    onsite: [
      s('火灾疏散现场处置方案', ['营业区', '营业区起火，需疏散顾客']),
      s('电梯困人现场处置方案', ['电梯厅', '电梯故障困人']),
      s('燃气泄漏现场处置方案', ['后厨', '后厨燃气管道泄漏']),
    ],
  },
} satisfies Record<string, PlanSet>;

function planSetOf(industry: Industry, name: string): PlanSet {
  const group = demoUnitGroup(industry, name);
  // Dusty workshops and transport firms keep the general 工贸 plans.
  return group === 'dusty' || group === 'transport' ? planSets.trade : planSets[group];
}

/** Why a revision was made (第三十六条), with the note an enterprise would write. */
const enterpriseRevisions: readonly [RevisionTrigger, string, number][] = [
  ['安全生产面临的风险发生重大变化', '新增生产线及工艺调整，重新开展风险评估后修订', 4],
  ['法律法规、标准及上位预案有关规定发生重大变化', '按 GB/T 29639—2020 及新修订的管理办法调整预案结构和内容', 3],
  ['应急指挥机构及其职责发生调整', '主要负责人及管理人员变动，调整应急指挥机构及职责', 3],
  ['重要应急资源发生重大变化', '新增消防水池及应急物资，更新应急资源调查清单', 2],
  ['演练或应急救援中发现需要修订的重大问题', '演练发现信息报告程序不清、疏散路线不合理，据此修订', 2],
  ['编制单位认为应当修订的其他情况', '厂区搬迁扩建后全面修订', 1],
];

const evaluationNotes = [
  '经评估，预案与现行法律法规和实际情况相符，应急资源满足要求，无需修订',
  '组织评估，风险及应急资源无重大变化，预案继续有效',
  '评估认为预案内容总体适用，个别通讯录已随时更新',
];
const revisionNeededNotes = [
  '评估发现风险评估已不能反映新增生产线的情况，需要修订',
  '应急指挥机构人员变动较大，联络方式及职责需要修订',
  '评估发现应急资源调查清单与实际不符，需要修订',
];

const drillEvaluations = [
  '演练达到预期目的，人员熟悉应急职责和处置程序，应急物资到位；信息报告不够及时，已组织专项培训。',
  '应急响应迅速，警戒疏散有序，初期处置得当；发现部分应急器材过期，已更换。',
  '演练程序完整，指挥协调顺畅；个别人员防护用品佩戴不规范，已纳入班前教育。',
  '预案可操作性较强；应急通讯录未及时更新，已修订。',
  '演练基本达到预期效果；集合点清点人数耗时较长，需优化分工。',
  '现场处置措施有效，救援人员配合默契；建议增加夜间情景演练。',
  '演练中发现应急照明和疏散指示标志部分损坏，已整改完毕。',
  '各岗位人员能按方案要求处置，用时符合要求；需加强新入职人员应急培训。',
];
const governmentEvaluations = [
  '演练组织有序，各成员单位响应迅速、协同配合到位，达到检验预案、锻炼队伍的目的；预警信息发布渠道需进一步拓展。',
  '指挥体系运转顺畅，群众转移安置有序；应急物资调运用时偏长，已调整储备点布局。',
  '各环节衔接紧密，参演人员熟悉职责；部分群众自救互救技能不足，需加强宣传培训。',
  '演练达到预期效果；通讯联络在山区信号较弱，已配备卫星电话。',
];

const actionsByScope: Record<DrillScope, string> = {
  现场处置演练: '报警、初期处置、警戒隔离和伤员救护',
  专项演练: '应急响应、信息报告、警戒疏散、抢险处置和现场恢复',
  综合演练: '应急指挥、信息报告、疏散撤离、医疗救护、应急联动和善后处置',
};

/** A plan of the town itself: its versions (days before today, oldest first), revisions and yearly drill. */
interface TownPlanSpec {
  name: string;
  kind: PlanKind;
  /** 府 (总体, issued by the 镇政府) or 府办. */
  docWord: string;
  versions: readonly (readonly [number, number])[];
  revisions: readonly (readonly [RevisionTrigger, string])[];
  /** Evaluated this many days ago (older plans). */
  evaluated?: readonly [number, number];
  /** Issued this many days short of 3 years ago, so the evaluation falls due soon. */
  evaluationDueInDays?: number;
  drill: {
    month: number;
    day: number;
    title: string;
    participants: readonly [number, number];
    fireBrigade: boolean;
    form: DrillForm;
    place: 'park' | 'reservoir' | 'hill' | 'chemical' | 'village' | 'street' | 'trade';
    summary: string;
  };
}

const townPlans: readonly TownPlanSpec[] = [
  {
    name: '突发事件总体应急预案',
    kind: '总体预案',
    docWord: '府',
    versions: [
      [2150, 2300],
      [1150, 1300],
      [420, 560],
    ],
    revisions: [
      ['应急指挥机构及其职责发生调整', '机构改革后组建镇应急管理办公室，调整镇应急指挥部成员单位及职责'],
      ['法律法规、标准及上位预案有关规定发生重大变化', '上位法律法规及区总体应急预案修订，相应调整预警分级和响应程序'],
    ],
    drill: {
      month: 6,
      day: 18,
      title: '应急演练月消防安全综合演练',
      participants: [300, 800],
      fireBrigade: true,
      form: '实战演练',
      place: 'park',
      summary:
        '模拟工业园区一厂房发生火灾并有人员被困，镇应急指挥部启动应急响应，镇消防救援中队、专职消防队、派出所、卫生院及周边企业联动处置，组织疏散群众、搜救被困人员、转运伤员',
    },
  },
  {
    name: '防汛抗旱应急预案',
    kind: '专项预案',
    docWord: '府办',
    versions: [
      [1000, 1100],
      [330, 400],
    ],
    revisions: [['重要应急资源发生重大变化', '新增应急物资储备点和抢险队伍，更新山塘水库责任人名单']],
    drill: {
      month: 4,
      day: 12,
      title: '防汛防台风应急演练',
      participants: [150, 400],
      fireBrigade: false,
      form: '实战演练',
      place: 'reservoir',
      summary: '模拟强降雨导致山塘水位暴涨、低洼地带内涝，开展预警发布、群众转移安置、抢险堵漏和应急物资调运',
    },
  },
  {
    name: '森林防火应急预案',
    kind: '专项预案',
    docWord: '府办',
    versions: [
      [1500, 1650],
      [600, 700],
    ],
    revisions: [['法律法规、标准及上位预案有关规定发生重大变化', '上级森林火灾应急预案修订，调整响应分级和扑救力量编成']],
    drill: {
      month: 12,
      day: 6,
      title: '森林火灾扑救应急演练',
      participants: [100, 300],
      fireBrigade: true,
      form: '实战演练',
      place: 'hill',
      summary: '模拟山林地带发生火情，镇森林防火指挥部启动响应，专职消防队和民兵应急分队开设隔离带扑救，转移周边群众',
    },
  },
  {
    name: '危险化学品事故应急预案',
    kind: '专项预案',
    docWord: '府办',
    versions: [[1250, 1400]],
    revisions: [],
    evaluated: [200, 400],
    drill: {
      month: 11,
      day: 9,
      title: '危险化学品泄漏事故应急演练',
      participants: [150, 350],
      fireBrigade: true,
      form: '实战演练',
      place: 'chemical',
      summary: '模拟一危险化学品企业储罐泄漏并引发火灾，开展企业先期处置、镇级应急响应、周边企业人员疏散和环境监测',
    },
  },
  {
    name: '地质灾害应急预案',
    kind: '专项预案',
    docWord: '府办',
    versions: [
      [900, 1000],
      [250, 320],
    ],
    revisions: [['安全生产面临的风险发生重大变化', '新增地质灾害隐患点，更新监测责任人和避险转移路线']],
    drill: {
      month: 5,
      day: 12,
      title: '地质灾害避险转移应急演练',
      participants: [100, 300],
      fireBrigade: false,
      form: '实战演练',
      place: 'village',
      summary: '模拟强降雨诱发山体滑坡，隐患点监测员发出预警，开展群众避险转移、道路封控和临时安置',
    },
  },
  {
    name: '安全生产事故应急预案',
    kind: '专项预案',
    docWord: '府办',
    versions: [
      [1400, 1500],
      [700, 800],
    ],
    revisions: [['应急指挥机构及其职责发生调整', '镇安全生产委员会成员单位调整，相应调整应急指挥部组成']],
    drill: {
      month: 6,
      day: 25,
      title: '工贸企业有限空间中毒事故应急演练',
      participants: [200, 500],
      fireBrigade: true,
      form: '实战演练',
      place: 'trade',
      summary: '模拟企业有限空间作业中毒窒息事故，开展企业先期处置、信息报告、镇级响应、救援和医疗救护',
    },
  },
  {
    name: '燃气事故应急预案',
    kind: '专项预案',
    docWord: '府办',
    versions: [],
    revisions: [],
    evaluationDueInDays: 20,
    drill: {
      month: 9,
      day: 20,
      title: '燃气泄漏事故应急演练',
      participants: [100, 300],
      fireBrigade: true,
      form: '实战演练',
      place: 'street',
      summary: '模拟沿街餐饮店液化石油气钢瓶泄漏起火，开展关阀断气、警戒疏散、灭火救援和燃气安全排查',
    },
  },
  {
    name: '防御台风应急预案',
    kind: '专项预案',
    docWord: '府办',
    versions: [[700, 800]],
    revisions: [],
    drill: {
      month: 7,
      day: 8,
      title: '防御台风应急演练',
      participants: [150, 400],
      fireBrigade: false,
      form: '桌面推演',
      place: 'village',
      summary: '模拟强台风正面登陆，推演预警信息发布、危险区域人员转移、临时建筑加固和抢险救灾',
    },
  },
];

/** A department's plans: [kind, name, participants, place, what the drill simulates]. */
interface DepartmentSpec {
  name: string;
  /** The word in its document numbers (示例镇城建〔2024〕8号). */
  docWord: string;
  plans: readonly (readonly [PlanKind, string, readonly [number, number], string, string])[];
}

const departmentSpecs = (town: string): DepartmentSpec[] => [
  {
    name: '镇城建办',
    docWord: '城建',
    plans: [
      ['部门预案', '建设工程施工安全事故应急预案', [60, 150], '在建工程施工现场', '在建工地脚手架局部坍塌，两名工人被困'],
      ['专项预案', '城镇燃气安全事故应急预案', [40, 120], '瓶装液化气供应站', '供应站钢瓶泄漏起火'],
    ],
  },
  { name: '镇经发办', docWord: '经发', plans: [['部门预案', '工贸行业生产安全事故应急预案', [50, 150], '工业园区企业', '粉尘涉爆车间除尘系统起火']] },
  {
    name: '镇农业农村办',
    docWord: '农',
    plans: [
      ['部门预案', '农业生产安全事故应急预案', [30, 80], '农机专业合作社', '农机作业时侧翻伤人'],
      ['专项预案', '重大动物疫情应急预案', [30, 80], '生猪养殖场', '养殖场发现疑似非洲猪瘟疫情'],
    ],
  },
  { name: `${town}派出所`, docWord: '公', plans: [['部门预案', '处置突发治安事件应急预案', [20, 60], '镇文化广场', '广场聚集人群发生冲突']] },
  { name: `${town}卫生院`, docWord: '卫', plans: [['部门预案', '突发公共卫生事件应急预案', [30, 80], '镇卫生院', '辖区企业发生集体食物中毒，多名伤员送院']] },
  {
    name: `${town}中心小学`,
    docWord: '教',
    plans: [
      ['部门预案', '校园突发事件应急预案', [100, 300], '校园', '校外人员持械闯入校园'],
      ['专项预案', '校园火灾应急疏散预案', [600, 1200], '教学楼', '教学楼二楼实验室起火'],
    ],
  },
  { name: '镇交通运输管理所', docWord: '交管', plans: [['部门预案', '道路交通事故应急预案', [30, 80], '镇主干道', '危险货物运输车辆与货车相撞并发生泄漏']] },
  {
    name: '镇市场监督管理所',
    docWord: '市监',
    plans: [
      ['专项预案', '特种设备事故应急预案', [20, 60], '商场', '商场自动扶梯故障导致乘客摔倒'],
      ['专项预案', '食品安全事故应急预案', [20, 50], '企业食堂', '企业食堂发生疑似食物中毒'],
    ],
  },
  { name: '镇水务所', docWord: '水务', plans: [['专项预案', '水库山塘安全度汛应急预案', [40, 120], '水库', '水库坝体出现渗漏险情']] },
  { name: '镇供电所', docWord: '供电', plans: [['部门预案', '大面积停电事件应急预案', [30, 80], '110千伏变电站', '台风导致主干线路跳闸，大面积停电']] },
  { name: '镇综合行政执法办', docWord: '执法', plans: [['专项预案', '户外广告设施及临时建筑防风应急预案', [30, 80], '主要街道', '台风期间户外广告牌松动有倒塌危险']] },
  { name: '镇文化服务中心', docWord: '文化', plans: [['专项预案', '大型群众性活动安全事故应急预案', [50, 150], '镇文体中心', '文艺晚会散场时出入口人员拥挤']] },
];

/** Days counted from today (negative = past): dates, working days and timestamps without a Date per call. */
interface DayBook {
  date(offset: number): string;
  offsetOf(date: string): number;
  /** The `count`-th working day after `offset` (the day itself not counted), as `addWorkingDays` counts. */
  afterWorkingDays(offset: number, count: number): number;
  /** The working day on or before `offset`, looking back at most `maxBack` days (else `offset` itself). */
  workingOnOrBefore(offset: number, maxBack?: number): number;
  /** An ISO timestamp during office hours of that day; today's and later are "now". */
  stamp(offset: number): string;
}

const dayMs = 86_400_000;

function dayBook(today: string, calendar: HolidayCalendar, now: string): DayBook {
  const base = Date.parse(`${today}T00:00:00Z`);
  const first = -3300;
  const last = 400;
  const dates: string[] = [];
  const working: boolean[] = [];
  for (let offset = first; offset <= last; offset += 1) {
    const date = new Date(base + offset * dayMs).toISOString().slice(0, 10);
    dates.push(date);
    working.push(isWorkingDay(date, calendar));
  }
  const inRange = (offset: number) => offset >= first && offset <= last;
  const date = (offset: number) => (inRange(offset) ? dates[offset - first] : new Date(base + offset * dayMs).toISOString().slice(0, 10));
  const isWorking = (offset: number) => (inRange(offset) ? working[offset - first] : isWorkingDay(date(offset), calendar));
  let tick = 0;
  return {
    date,
    offsetOf: (value) => Math.round((Date.parse(`${value}T00:00:00Z`) - base) / dayMs),
    afterWorkingDays(offset, count) {
      let day = offset;
      for (let left = count; left > 0; ) {
        day += 1;
        if (isWorking(day)) left -= 1;
      }
      return day;
    },
    workingOnOrBefore(offset, maxBack = 3) {
      for (let day = offset; day >= offset - maxBack; day -= 1) if (isWorking(day)) return day;
      return offset;
    },
    stamp(offset) {
      if (offset >= 0) return now;
      // 01:00–08:59 UTC is 09:00–16:59 in the office (UTC+8); before "now" in any zone since the day is past.
      tick = (tick + 37) % 480;
      const hour = 1 + Math.floor(tick / 60);
      const minute = tick % 60;
      return `${date(offset)}T0${hour}:${String(minute).padStart(2, '0')}:00.000Z`;
    },
  };
}

interface Owner {
  type: PlanOwnerType;
  enterpriseId: number | null;
  villageId: number | null;
  department: string | null;
}

interface Review {
  kind: '评审' | '论证';
  on: number;
  experts: number;
  result: '通过' | '修改后通过';
}

interface Submission {
  received: number;
  status: PlanFilingStatus;
  checked: number | null;
  materials: readonly PlanFilingMaterial[];
  note: string | null;
  submitter: string | null;
  phone: string | null;
}

/** One version as every plan of an owner's set carries it (an enterprise revises its whole set at once). */
interface VersionSpec {
  version: string;
  docNo: string | null;
  issued: number;
  review: Review | null;
  signatory: string | null;
  revision: readonly [RevisionTrigger, string] | null;
  /** Filed elsewhere (the district), as the version records it. */
  filing: { dept: string; on: number; number: string | null } | null;
  /** Accepted by this office on this day: the version records the office, the day and the number issued. */
  officeAccepted: number | null;
  /** Filings received by this office, as its 备案登记 holds them (only the last two years are in the app). */
  submissions: readonly Submission[];
  /** The 备案编号 this office gave each plan of the set (in the set's order), once numbered. */
  officeNumbers?: string[];
}

interface Evaluation {
  on: number;
  conclusion: '无需修订' | '需要修订';
  note: string;
}

interface DrillSpec {
  held: number;
  name: string;
  scope: DrillScope;
  form: DrillForm;
  organiser: string;
  place: string | null;
  participants: number;
  fireBrigade: boolean;
  summary: string;
  evaluation: string | null;
}

interface DemoPlanEnterprise {
  id: number;
  name: string;
  industry: Industry;
  status: string;
  employees: number | null;
  principal: string | null;
  safetyName: string | null;
  safetyPhone: string | null;
}

type EnterpriseCase = keyof PlanCases | 'normal' | 'evaluated';

export interface DemoPlanSummary {
  plans: number;
  drills: number;
}

type DrillFate = 'ok' | 'due' | 'overdue' | 'stopped';

interface DemoVillageRow {
  id: number;
  name: string;
  kind: string;
  contact: string | null;
}

/** What the owners' generators share. */
interface Generator {
  sqlite: Database.Database;
  random: () => number;
  days: DayBook;
  writer: PlanWriter;
  town: string;
  office: string;
  year(offset: number): number;
  /** A document number unique per issuing word and year (示例镇府〔2024〕12号). */
  docNo(prefix: string, offset: number): string;
  review(issued: number, kind: Review['kind']): Review;
  drillDays(kind: PlanKind, owner: PlanOwnerFacts, firstIssued: number, issued: number, fate: DrillFate): number[];
  drillFate(): Exclude<DrillFate, 'stopped'>;
  /** 2025年上半年 for half-yearly drills, 2025年 for yearly ones. */
  periodOf(held: number, months: number): string;
}

/**
 * The town's 应急预案 and their 演练 as of the clock's today: the town's 总体 and 专项 plans (some in their third
 * version), the departments', each village's, and the enterprises' — every listed unit of 第二十六条 (and a share of
 * the others) with a 综合预案, 1–3 专项预案 and 1–3 现场处置方案, filed with this office or the district, revised now
 * and then; 14 months of drills, mostly on time. A few of each reminder are due or overdue (`demoPlanCases`).
 * Accepted filings are numbered per year in the order they were checked and the `planFiling` sequence continues
 * after them. Its own random stream, so everything generated before stays as it was.
 */
export function insertPlansAndDrills(ctx: HandlerContext, scale: DemoScale): DemoPlanSummary {
  const { sqlite } = ctx.appDb;
  const settings = getOfficeSettings(ctx);
  const town = settings.townName || '示例镇';
  const office = settings.orgName || `${town}应急管理办公室`;
  const random = seededRandom(31);
  const days = dayBook(localToday(ctx), holidayCalendar(ctx), nowIso(ctx));
  const gen = generator(sqlite, random, days, town, office);
  const villages = sqlite.prepare('SELECT id, name, kind, contact_name AS contact FROM villages WHERE deleted_at IS NULL ORDER BY id').all() as DemoVillageRow[];
  insertTownPlans(gen, villages);
  insertDepartmentPlans(gen);
  insertVillagePlans(gen, villages);
  const drafts = draftEnterprisePlans(gen, scale);
  numberOfficeFilings(gen, drafts);
  for (const draft of drafts) insertEnterprisePlans(gen, draft);
  return gen.writer.finish();
}

function generator(sqlite: Database.Database, random: () => number, days: DayBook, town: string, office: string): Generator {
  const year = (offset: number) => Number(days.date(offset).slice(0, 4));
  const usedDocNos = new Set<string>();
  return {
    sqlite,
    random,
    days,
    writer: planWriter(sqlite, days, office, random),
    town,
    office,
    year,
    docNo(prefix, offset) {
      for (;;) {
        const text = `${prefix}〔${year(offset)}〕${intBetween(random, 1, 96)}号`;
        if (!usedDocNos.has(text)) {
          usedDocNos.add(text);
          return text;
        }
      }
    },
    review: (issued, kind) => ({
      kind,
      on: issued - intBetween(random, 7, 30),
      experts: pick(random, [3, 3, 3, 5, 5, 7]),
      result: random() < 0.7 ? '通过' : '修改后通过',
    }),
    /**
     * Drill days of a plan (ascending) over the last 14 months: on time (the next one not due within 30 days), due
     * soon, overdue, or stopped (an enterprise 停产). A case that cannot be placed after the current issue is on time.
     */
    drillDays(kind, owner, firstIssued, issued, fate) {
      const months = drillIntervalMonths(kind, owner);
      const minDays = months === 6 ? 181 : 365;
      const lastBefore = (dueOffset: number) => days.offsetOf(addMonths(days.date(dueOffset), -months));
      let last: number | null = null;
      let onTime = fate === 'ok';
      if (fate === 'due') {
        last = lastBefore(intBetween(random, 7, 26));
        onTime = last <= issued + 2;
      } else if (fate === 'overdue') {
        last = lastBefore(-intBetween(random, 3, 120));
        // Not drilled at all since an issue long enough ago is overdue too.
        if (last <= issued + 2) {
          onTime = issued + minDays >= -3;
          last = null;
        }
      } else if (fate === 'stopped') {
        last = -intBetween(random, minDays + 20, minDays + 200);
      }
      if (onTime) {
        const earliest = -(minDays - 35);
        if (issued <= earliest - 5) last = intBetween(random, Math.max(issued + 3, earliest), -2);
        else if (issued < -20 && random() < 0.5) last = intBetween(random, issued + 3, -2);
        else last = issued - intBetween(random, 20, minDays - 40);
      }
      const found: number[] = [];
      if (last === null) return found;
      const bound = Math.max(firstIssued + 3, -drillWindowDays);
      for (let day = last; day >= bound; day -= minDays - intBetween(random, 0, 30)) found.push(days.workingOnOrBefore(day));
      return found.reverse();
    },
    drillFate() {
      const draw = random();
      return draw < drillDueShare ? 'due' : draw < drillDueShare + drillOverdueShare ? 'overdue' : 'ok';
    },
    periodOf(held, months) {
      const date = days.date(held);
      return months === 6 ? `${date.slice(0, 4)}年${Number(date.slice(5, 7)) <= 6 ? '上' : '下'}半年` : `${date.slice(0, 4)}年`;
    },
  };
}

function drillTitle(planName: string): string {
  return planName.replace(/应急预案$/, '应急演练').replace(/现场处置方案$/, '现场处置演练').replace(/预案$/, '演练');
}

function stemOf(villageName: string): string {
  return villageName.replace(/(村|社区)$/, '');
}

/** The town's own plans, each drilled once a year around its season (汛前, 应急演练月, 119 消防日 …). */
function insertTownPlans(gen: Generator, villages: DemoVillageRow[]): void {
  const { sqlite, random, days, writer, town, office } = gen;
  const namedEnterprise = (industries: Industry[]) =>
    (
      sqlite
        .prepare(`SELECT name FROM enterprises WHERE deleted_at IS NULL AND status = '在产' AND industry IN (${industries.map(() => '?').join(', ')}) ORDER BY id LIMIT 1`)
        .get(...industries) as { name: string } | undefined
    )?.name;
  const chemicalName = namedEnterprise(['危化生产', '化工']) ?? `${town}工业园区`;
  const tradeName = namedEnterprise(['工贸-机械', '工贸-轻工']) ?? `${town}工业园区`;
  /** The 镇长 who signed: the previous one for versions over ~2 years old. */
  const mayors = [personName(random), personName(random)];
  const owner: Owner = { type: 'town', enterpriseId: null, villageId: null, department: null };
  for (const spec of townPlans) {
    const issuedDaysAgo = spec.evaluationDueInDays
      ? [-days.offsetOf(addMonths(days.date(spec.evaluationDueInDays), -36))]
      : spec.versions.map(([from, to]) => intBetween(random, from, to));
    const versions = issuedDaysAgo.map((ago, index): VersionSpec => {
      const issued = days.workingOnOrBefore(-ago);
      return {
        version: `${gen.year(issued)}年版`,
        docNo: gen.docNo(`${town}${spec.docWord}`, issued),
        issued,
        review: gen.review(issued, '论证'),
        signatory: ago > 800 ? mayors[0] : mayors[1],
        revision: index > 0 ? spec.revisions[index - 1] : null,
        filing: { dept: districtBureau, on: days.afterWorkingDays(issued, intBetween(random, 5, 15)), number: null },
        officeAccepted: null,
        submissions: [],
      };
    });
    const evaluation: Evaluation | null = spec.evaluated
      ? { on: -intBetween(random, spec.evaluated[0], spec.evaluated[1]), conclusion: '无需修订', note: pick(random, evaluationNotes) }
      : null;
    const planId = writer.plan(owner, spec.kind, `${town}${spec.name}`, '现行', false, versions, evaluation, null);
    const village = pick(random, villages);
    const place = {
      park: `${town}工业园区`,
      reservoir: `${stemOf(village.name)}水库`,
      hill: `${stemOf(village.name)}山林`,
      chemical: chemicalName,
      village: village.name,
      street: `${village.name}商业街`,
      trade: tradeName,
    }[spec.drill.place];
    const { drill } = spec;
    const thisYear = gen.year(0);
    for (let y = thisYear - 2; y <= thisYear; y += 1) {
      const anniversary = days.offsetOf(`${y}-${String(drill.month).padStart(2, '0')}-${String(drill.day).padStart(2, '0')}`);
      const held = days.workingOnOrBefore(anniversary + intBetween(random, -3, 3));
      if (held < -drillWindowDays || held > -1 || held <= versions[0].issued) continue;
      writer.drill(planId, owner, {
        held,
        name: `${y}年${drill.title}`,
        scope: drillScopeOf(spec.kind),
        form: drill.form,
        organiser: spec.kind === '总体预案' ? office : `${town}人民政府`,
        place,
        participants: intBetween(random, drill.participants[0], drill.participants[1]),
        fireBrigade: drill.fireBrigade,
        summary: `${drill.summary}${drill.fireBrigade ? '；镇消防救援中队参与协同处置' : ''}。`,
        evaluation: held > -10 && random() < 0.5 ? null : pick(random, governmentEvaluations),
      });
    }
  }
}

/** The departments' 部门预案 and 专项预案; one department keeps a plan it has not evaluated in over 3 years. */
function insertDepartmentPlans(gen: Generator): void {
  const { random, days, writer, town } = gen;
  const departments = departmentSpecs(town);
  const stale = departments[intBetween(random, 0, departments.length - 1)].plans[0];
  const facts: PlanOwnerFacts = { ownerType: 'department' };
  for (const department of departments) {
    const owner: Owner = { type: 'department', enterpriseId: null, villageId: null, department: department.name };
    const head = personName(random);
    for (const plan of department.plans) {
      const [kind, name, [fewest, most], place, event] = plan;
      const current = days.workingOnOrBefore(plan === stale ? -intBetween(random, 1150, 1250) : -intBetween(random, 60, 1000));
      const issues = random() < 0.4 && plan !== stale ? [days.workingOnOrBefore(current - intBetween(random, 700, 1100)), current] : [current];
      const versions = issues.map(
        (issued, index): VersionSpec => ({
          version: `${gen.year(issued)}年版`,
          docNo: gen.docNo(`${town}${department.docWord}`, issued),
          issued,
          review: random() < 0.6 ? gen.review(issued, '论证') : null,
          signatory: head,
          revision:
            index === 0
              ? null
              : random() < 0.5
                ? ['应急指挥机构及其职责发生调整', '部门职能及人员调整，相应修订应急组织机构和职责']
                : ['法律法规、标准及上位预案有关规定发生重大变化', '镇总体应急预案修订，相应衔接调整'],
          filing: null,
          officeAccepted: null,
          submissions: [],
        }),
      );
      const planId = writer.plan(owner, kind, name, '现行', false, versions, null, null);
      const months = drillIntervalMonths(kind, facts);
      const scope = drillScopeOf(kind);
      for (const held of gen.drillDays(kind, facts, issues[0], current, plan === stale ? 'overdue' : gen.drillFate())) {
        writer.drill(planId, owner, {
          held,
          name: `${gen.periodOf(held, months)}${drillTitle(name)}`,
          scope,
          form: random() < 0.8 ? '实战演练' : '桌面推演',
          organiser: department.name,
          place,
          participants: intBetween(random, fewest, most),
          fireBrigade: false,
          summary: `模拟${event}，${department.name}牵头组织开展${actionsByScope[scope]}。`,
          evaluation: held > -10 && random() < 0.5 ? null : pick(random, governmentEvaluations),
        });
      }
    }
  }
}

/**
 * Each village's 总体预案 (drilled in the last 12 months everywhere, as the seeds report) and, in most, a 防汛 or
 * 防火 专项预案; two villages have not evaluated their 总体预案 in over 3 years.
 */
function insertVillagePlans(gen: Generator, villages: DemoVillageRow[]): void {
  const { random, days, writer } = gen;
  const stale = new Set([intBetween(random, 0, villages.length - 1), intBetween(random, 0, villages.length - 1)]);
  const facts: PlanOwnerFacts = { ownerType: 'village' };
  villages.forEach((village, index) => {
    const owner: Owner = { type: 'village', enterpriseId: null, villageId: village.id, department: null };
    const stem = stemOf(village.name);
    const committee = village.kind === '社区' ? '居民委员会' : '村民委员会';
    const docWord = `${stem}${village.kind === '社区' ? '社区居委' : '村委'}`;
    const plans: [PlanKind, string, readonly Scene[], Exclude<DrillFate, 'stopped'>][] = [
      [
        '总体预案',
        `${village.name}突发事件总体应急预案`,
        [
          [`${village.name}文化广场`, '台风暴雨引发低洼地带内涝，需转移群众'],
          [`${village.name}出租屋聚集区`, '出租屋发生火灾，有人员被困'],
          [`${village.name}党群服务中心`, '村内一厂房起火，浓烟影响周边居民'],
        ],
        random() < 0.1 ? 'due' : 'ok',
      ],
    ];
    const flood = random() < 0.85;
    if (flood) plans.push(['专项预案', `${village.name}防汛防台风应急预案`, [[`${stem}山塘`, '强降雨致山塘水位上涨，下游群众需紧急转移']], gen.drillFate()]);
    if (!flood || random() < 0.35) plans.push(['专项预案', `${village.name}森林防火应急预案`, [[`${stem}山林`, '清明祭扫期间山林起火']], gen.drillFate()]);
    for (const [kind, name, scenes, fate] of plans) {
      // A village's 总体预案 dates from before the last year's drills; its 专项 ones may be new.
      const general = kind === '总体预案';
      const current = days.workingOnOrBefore(general && stale.has(index) ? -intBetween(random, 1120, 1300) : -intBetween(random, general ? 340 : 90, 1000));
      const issues = random() < 0.4 ? [days.workingOnOrBefore(current - intBetween(random, 600, 1100)), current] : [current];
      const versions = issues.map(
        (issued, versionIndex): VersionSpec => ({
          version: `${gen.year(issued)}年版`,
          docNo: gen.docNo(docWord, issued),
          issued,
          review: random() < 0.3 ? gen.review(issued, '论证') : null,
          signatory: village.contact,
          revision: versionIndex > 0 ? ['应急指挥机构及其职责发生调整', '村（居）委换届，调整应急工作领导小组成员及职责'] : null,
          filing: null,
          officeAccepted: null,
          submissions: [],
        }),
      );
      const planId = writer.plan(owner, kind, name, '现行', false, versions, null, null);
      const months = drillIntervalMonths(kind, facts);
      const scope = drillScopeOf(kind);
      for (const held of gen.drillDays(kind, facts, issues[0], current, fate)) {
        const [place, event] = pick(random, scenes);
        const fire = name.includes('防火') && random() < 0.3;
        writer.drill(planId, owner, {
          held,
          name: `${gen.periodOf(held, months)}${drillTitle(name)}`,
          scope,
          form: '实战演练',
          organiser: `${village.name}${committee}`,
          place,
          // 30–300, most drills a few dozen villagers.
          participants: 30 + Math.round(270 * random() ** 3),
          fireBrigade: fire,
          summary: `模拟${event}，村（居）“两委”干部、网格员、应急分队及群众参加，开展${actionsByScope[scope]}${fire ? '，镇专职消防队到场协同扑救' : ''}。`,
          evaluation: held > -10 && random() < 0.5 ? null : pick(random, governmentEvaluations),
        });
      }
    }
  });
}

/** An enterprise's plan set before it is written: its versions (shared by all its plans), plans and drill habits. */
interface EnterpriseDraft {
  enterprise: DemoPlanEnterprise;
  facts: PlanOwnerFacts;
  crowded: boolean;
  closed: boolean;
  status: PlanStatus;
  evaluation: Evaluation | null;
  versions: VersionSpec[];
  plans: [PlanKind, string, readonly Scene[]][];
  /** Trains with the 镇消防救援中队 (seed 000: 6 of 150 enterprises) in its 综合 and 专项 drills. */
  withBrigade: boolean;
  /** 停产 and no longer drilling. */
  stopped: boolean;
}

/**
 * Which enterprises keep plans, and each one's set and versions. Drafted before anything is written so accepted
 * filings can be numbered in the order they were checked without updating rows afterwards.
 */
function draftEnterprisePlans(gen: Generator, scale: DemoScale): EnterpriseDraft[] {
  const { sqlite, random, days } = gen;
  const enterprises = sqlite
    .prepare(
      `SELECT id, name, industry, status, employees, principal_name AS principal, safety_manager_name AS safetyName, safety_manager_phone AS safetyPhone
         FROM enterprises WHERE deleted_at IS NULL ORDER BY id`,
    )
    .all() as DemoPlanEnterprise[];
  /** 人员密集场所经营单位 among the 其他: hotels, and the larger supermarkets. */
  const crowdedOf = (enterprise: DemoPlanEnterprise) =>
    enterprise.industry === '其他' && (enterprise.name.includes('酒店') || (enterprise.name.endsWith('超市') && (enterprise.employees ?? 0) >= 8));
  const chosen: { enterprise: DemoPlanEnterprise; crowded: boolean; listed: boolean }[] = [];
  for (const enterprise of enterprises) {
    const crowded = crowdedOf(enterprise) && random() < 0.7;
    const listed = crowded || listedUnitIndustries.includes(enterprise.industry);
    if (!listed && random() >= (voluntaryShare[enterprise.industry] ?? 0)) continue;
    // A closed enterprise's plans stay on record as 已废止 about half the time; the rest were never entered.
    if ((enterprise.status === '关闭' || enterprise.status === '注销') && random() < 0.5) continue;
    chosen.push({ enterprise, crowded, listed });
  }

  const cases = demoPlanCases[scale];
  const caseOf = new Map<number, EnterpriseCase>();
  const shuffled = chosen
    .filter(({ enterprise }) => enterprise.status === '在产')
    .map((item) => ({ item, key: random() }))
    .sort((a, b) => a.key - b.key);
  const assign = (name: keyof PlanCases, listedOnly: boolean) => {
    let left = cases[name];
    for (const { item } of shuffled) {
      if (left === 0) break;
      if (caseOf.has(item.enterprise.id) || (listedOnly && !item.listed)) continue;
      caseOf.set(item.enterprise.id, name);
      left -= 1;
    }
  };
  assign('unfiled', true);
  assign('awaitingCheck', true);
  assign('refused', true);
  assign('evaluationOverdue', false);
  assign('evaluationDue', false);
  assign('revising', false);

  /** Counts each case so its two halves alternate (due / overdue, filed again / not). */
  const caseSerial = new Map<EnterpriseCase, number>();
  const districtSerial = new Map<number, number>();
  const districtNumber = (on: number) => {
    const y = gen.year(on);
    const serial = (districtSerial.get(y) ?? intBetween(random, 80, 200)) + intBetween(random, 1, 6);
    districtSerial.set(y, serial);
    return `441900-${y}-${String(serial).padStart(4, '0')}`;
  };
  /** The few distinct material lists, shared so the writer serialises each once. */
  const materialLists = new Map<string, PlanFilingMaterial[]>();

  return chosen.map(({ enterprise, crowded, listed }): EnterpriseDraft => {
    const closed = enterprise.status === '关闭' || enterprise.status === '注销';
    const fate: EnterpriseCase = closed ? 'normal' : (caseOf.get(enterprise.id) ?? (random() < 0.22 ? 'evaluated' : 'normal'));
    const serial = caseSerial.get(fate) ?? 0;
    caseSerial.set(fate, serial + 1);
    const firstHalf = serial % 2 === 0;
    const facts: PlanOwnerFacts = { ownerType: 'enterprise', industry: enterprise.industry, crowdedPlace: crowded };
    const reviewRequired = reviewRequiredIndustries.includes(enterprise.industry);
    const files = listed || random() < 0.3;
    const viaDistrict = enterprise.industry === '危化生产' || enterprise.industry === '矿山' || random() < 0.15;
    const required = requiredFilingMaterials(facts);
    const materialsOf = (withReview: boolean, missing: PlanFilingMaterial | null = null) => {
      const key = `${required.length}|${withReview}|${missing}`;
      let list = materialLists.get(key);
      if (!list) {
        list = planFilingMaterials.filter((material) => material !== missing && (required.includes(material) || (withReview && material === '应急预案评审意见')));
        materialLists.set(key, list);
      }
      return list;
    };
    const submitter = enterprise.safetyName;
    const phone = enterprise.safetyPhone;

    // The current version's issue day and the evaluation, by case.
    let current: number;
    let evaluation: Evaluation | null = null;
    let status: PlanStatus = closed ? '已废止' : '现行';
    switch (fate) {
      case 'unfiled':
        if (firstHalf) {
          current = -intBetween(random, 10, 20);
        } else {
          // The first day whose 20 working days have run out, and a few more.
          current = -28;
          while (days.afterWorkingDays(current, filingWorkingDays) >= 0) current -= 1;
          current -= intBetween(random, 0, 8);
        }
        break;
      case 'awaitingCheck':
        current = -intBetween(random, 25, 45);
        break;
      case 'refused':
        current = -intBetween(random, 75, 110);
        break;
      case 'evaluationOverdue':
        current = -intBetween(random, 1110, 1400);
        break;
      case 'evaluationDue':
        current = days.offsetOf(addMonths(days.date(intBetween(random, 3, 25)), -36));
        break;
      case 'revising':
        current = -intBetween(random, 1000, 1090);
        evaluation = { on: -intBetween(random, 10, 60), conclusion: '需要修订', note: pick(random, revisionNeededNotes) };
        status = '修订中';
        break;
      case 'evaluated':
        current = -intBetween(random, 1100, 1700);
        evaluation = { on: -intBetween(random, 30, 900), conclusion: '无需修订', note: pick(random, evaluationNotes) };
        break;
      default:
        current = -intBetween(random, 60, 1040);
    }
    // Issued on a working day; the evaluation case keeps its day so the 3 years end within the window.
    current = days.workingOnOrBefore(current, fate === 'evaluationDue' ? 0 : 3);
    const revised = fate === 'unfiled' || fate === 'awaitingCheck' || fate === 'refused';
    const older = revised ? 1 + (random() < 0.3 ? 1 : 0) : fate === 'normal' ? weightedPick(random, [0, 1, 2], (n) => [0.6, 0.3, 0.1][n]) : random() < 0.3 ? 1 : 0;
    const issues = [current];
    for (let i = 0; i < older; i += 1) {
      const earlier = days.workingOnOrBefore(issues[0] - intBetween(random, 400, 1000));
      if (earlier < -2600) break;
      issues.unshift(earlier);
    }

    const versions = issues.map((issued, index): VersionSpec => {
      const isCurrent = index === issues.length - 1;
      const withReview = reviewRequired || random() < 0.6;
      const review: Review | null = withReview ? { ...gen.review(issued, reviewRequired || random() < 0.5 ? '评审' : '论证') } : null;
      const revision = index > 0 ? weightedPick(random, enterpriseRevisions, ([, , weight]) => weight) : null;
      const version: VersionSpec = {
        version: `V${index + 1}.0`,
        docNo: null,
        issued,
        review,
        signatory: isCurrent || random() < 0.8 ? enterprise.principal : personName(random),
        revision: revision && [revision[0], revision[1]],
        filing: null,
        officeAccepted: null,
        submissions: [],
      };
      const materials = materialsOf(withReview);
      const accepted = (received: number, checked: number): Submission => ({ received, status: '已备案', checked, materials, note: null, submitter, phone });
      if (isCurrent && fate === 'unfiled') return version;
      if (isCurrent && fate === 'awaitingCheck') {
        // Received in the last working day or two (still within the 5 working days), or 8–12 working days ago.
        let received = days.workingOnOrBefore(-1, 5);
        for (let back = firstHalf ? intBetween(random, 0, 1) : intBetween(random, 7, 11); back > 0; back -= 1) received = days.workingOnOrBefore(received - 1, 5);
        return { ...version, submissions: [{ received, status: '待核对', checked: null, materials, note: null, submitter, phone }] };
      }
      if (isCurrent && fate === 'refused') {
        const received = days.afterWorkingDays(issued, intBetween(random, 8, 15));
        const checked = days.afterWorkingDays(received, intBetween(random, 2, 4));
        const missing: PlanFilingMaterial = reviewRequired ? '应急预案评审意见' : '应急资源调查清单';
        const refused: Submission = {
          received,
          status: '不予备案',
          checked,
          materials: materialsOf(withReview, missing),
          // As 不予备案 words it (第二十八条: what is missing, told once), with the officer's remark.
          note: `需补齐：${missing}${random() < 0.5 ? '；预案未经主要负责人签署公布' : ''}`,
          submitter,
          phone,
        };
        if (!firstHalf) return { ...version, submissions: [refused] };
        const again = days.afterWorkingDays(checked, intBetween(random, 5, 12));
        const decided = Math.min(days.afterWorkingDays(again, intBetween(random, 1, 3)), -1);
        return { ...version, officeAccepted: decided, submissions: [refused, accepted(again, decided)] };
      }
      if (!files) return version;
      // Filed 5–20 working days after issue; now and then a few days late.
      const late = random() < 0.05;
      if (viaDistrict) {
        const on = days.afterWorkingDays(issued, late ? intBetween(random, 21, 25) : intBetween(random, 5, 20));
        return { ...version, filing: { dept: districtBureau, on, number: districtNumber(on) } };
      }
      const received = days.afterWorkingDays(issued, late ? intBetween(random, 21, 24) : intBetween(random, 3, 16));
      const checked = days.afterWorkingDays(received, intBetween(random, 0, 4));
      return { ...version, officeAccepted: checked, submissions: received >= -730 ? [accepted(received, checked)] : [] };
    });

    const set = planSetOf(enterprise.industry, enterprise.name);
    const employees = enterprise.employees ?? 5;
    // A small shop (烟花爆竹零售点, 液化气站) keeps one of each; larger firms more.
    const count = () => (employees < 20 ? 1 : intBetween(random, 1, employees < 100 ? 2 : 3));
    const specials = pickSome(random, set.special, count());
    const onsites = pickSome(random, set.onsite, count());
    return {
      enterprise,
      facts,
      crowded,
      closed,
      status,
      evaluation,
      versions,
      plans: [
        ['综合预案', set.comprehensive, set.special.flatMap((scenario) => scenario.scenes)],
        ...specials.map((scenario): [PlanKind, string, readonly Scene[]] => ['专项预案', scenario.name, scenario.scenes]),
        ...onsites.map((scenario): [PlanKind, string, readonly Scene[]] => ['现场处置方案', scenario.name, scenario.scenes]),
      ],
      withBrigade: random() < (listed ? 0.045 : 0.02),
      stopped: enterprise.status === '停产' && random() < 0.5,
    };
  });
}

/**
 * Gives the filings this office accepted their 备案编号 (2026-001 …) per year in the order they were checked —
 * an enterprise's set gets consecutive numbers — and sets the `planFiling` sequence after them.
 */
function numberOfficeFilings(gen: Generator, drafts: EnterpriseDraft[]): void {
  const accepted: { checked: number; draft: EnterpriseDraft; version: VersionSpec; order: number }[] = [];
  drafts.forEach((draft, order) => {
    for (const version of draft.versions) if (version.officeAccepted !== null) accepted.push({ checked: version.officeAccepted, draft, version, order });
  });
  accepted.sort((a, b) => a.checked - b.checked || a.order - b.order);
  const lastOfYear = new Map<number, number>();
  for (const { checked, draft, version } of accepted) {
    const year = gen.year(checked);
    let last = lastOfYear.get(year) ?? 0;
    version.officeNumbers = draft.plans.map(() => `${year}-${String(++last).padStart(3, '0')}`);
    lastOfYear.set(year, last);
  }
  const setSequence = gen.sqlite.prepare(
    `INSERT INTO sequences (series, year, last) VALUES ('planFiling', ?, ?) ON CONFLICT (series, year) DO UPDATE SET last = max(last, excluded.last)`,
  );
  for (const [year, last] of lastOfYear) setSequence.run(year, last);
}

/** An enterprise's plans and their drills: 综合/专项 yearly, 现场处置 and every plan of a listed unit half-yearly. */
function insertEnterprisePlans(gen: Generator, draft: EnterpriseDraft): void {
  const { random, writer } = gen;
  const { enterprise, facts, closed, withBrigade } = draft;
  const owner: Owner = { type: 'enterprise', enterpriseId: enterprise.id, villageId: null, department: null };
  const employees = enterprise.employees ?? 5;
  const firstIssued = draft.versions[0].issued;
  const current = draft.versions[draft.versions.length - 1].issued;
  draft.plans.forEach(([kind, name, scenes], setIndex) => {
    const notes = closed ? `企业已${enterprise.status}，预案随之废止` : null;
    const planId = writer.plan(owner, kind, name, draft.status, draft.crowded, draft.versions, draft.evaluation, notes, setIndex);
    if (closed) return;
    const months = drillIntervalMonths(kind, facts);
    const scope = drillScopeOf(kind);
    const title = drillTitle(name);
    // A 现场处置 drill is the shift on the spot; a 综合 one most of the staff.
    const [least, most, cap] = kind === '现场处置方案' ? [0.05, 0.15, 15] : kind === '专项预案' ? [0.1, 0.25, 30] : [0.2, 0.5, 150];
    const realWorld = kind === '综合预案' ? 0.75 : kind === '专项预案' ? 0.85 : 0.95;
    for (const held of gen.drillDays(kind, facts, firstIssued, current, draft.stopped ? 'stopped' : gen.drillFate())) {
      const fire = withBrigade ? kind !== '现场处置方案' : kind === '综合预案' && random() < 0.005;
      const [place, event] = pick(random, scenes);
      const staffCount = Math.max(2, Math.min(cap, Math.round(employees * (least + random() * (most - least)))));
      writer.drill(planId, owner, {
        held,
        name: `${gen.periodOf(held, months)}${title}`,
        scope,
        form: fire || random() < realWorld ? '实战演练' : '桌面推演',
        organiser: enterprise.name,
        place,
        participants: staffCount + (fire ? intBetween(random, 8, 15) : 0),
        fireBrigade: fire,
        summary: `模拟${place}${event}${kind === '综合预案' ? '，事态扩大，启动综合应急预案' : ''}，开展${actionsByScope[scope]}${fire ? '，镇消防救援中队到场协同处置' : ''}。`,
        // 第三十四条: most drills have their evaluation written; the last few days' may still be pending.
        evaluation: (held > -10 ? random() < 0.5 : random() < 0.93) ? pick(random, drillEvaluations) : null,
      });
    }
  });
}

/** `count` different items in their catalogue order (at most all of them). */
function pickSome<T>(random: () => number, items: readonly T[], count: number): T[] {
  const keyed = items.map((item, index) => ({ item, index, key: random() }));
  return keyed
    .sort((a, b) => a.key - b.key)
    .slice(0, Math.min(count, items.length))
    .sort((a, b) => a.index - b.index)
    .map(({ item }) => item);
}

type PlanWriter = ReturnType<typeof planWriter>;

/**
 * Writes plans with their versions and filings, and drills, through prepared statements. Ids are handed out
 * here so a plan row can name its current version before the version exists (no UPDATE per plan).
 */
function planWriter(sqlite: Database.Database, days: DayBook, office: string, random: () => number) {
  let nextPlanId = (sqlite.prepare('SELECT coalesce(max(id), 0) FROM emergency_plans').pluck().get() as number) + 1;
  let nextVersionId = (sqlite.prepare('SELECT coalesce(max(id), 0) FROM plan_versions').pluck().get() as number) + 1;
  const insertPlan = sqlite.prepare(
    `INSERT INTO emergency_plans (id, owner_type, enterprise_id, village_id, department, kind, name, status, crowded_place, current_version_id,
       last_evaluated_on, evaluation_conclusion, evaluation_note, notes, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertVersion = sqlite.prepare(
    `INSERT INTO plan_versions (id, plan_id, version, doc_no, issued_on, review_kind, review_on, review_experts, review_result, signatory,
       filing_dept, filing_on, filing_number, revision_trigger, revision_note, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFiling = sqlite.prepare(
    `INSERT INTO plan_filings (plan_id, version_id, received_on, submitter, submitter_phone, materials, status, checked_on, checked_by, number,
       result_note, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDrill = sqlite.prepare(
    `INSERT INTO drills (plan_id, owner_type, enterprise_id, village_id, department, name, held_on, scope, form, organiser, place, participants,
       fire_brigade, summary, evaluation, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const materialsText = new Map<readonly PlanFilingMaterial[], string>();
  /** Entered into the app a couple of days after the fact. */
  const entered = (offset: number) => Math.min(offset + 2, -1);
  let plans = 0;
  let drills = 0;

  return {
    /** One plan with all its versions (the last is current) and the filings of each; `setIndex` picks its 备案编号. */
    plan(
      owner: Owner,
      kind: PlanKind,
      name: string,
      status: PlanStatus,
      crowded: boolean,
      versions: readonly VersionSpec[],
      evaluation: Evaluation | null,
      notes: string | null,
      setIndex = 0,
    ): number {
      const planId = nextPlanId++;
      const firstVersionId = nextVersionId;
      nextVersionId += versions.length;
      const current = versions[versions.length - 1];
      let touched = entered(current.issued);
      if (current.officeAccepted !== null) touched = Math.max(touched, current.officeAccepted);
      if (evaluation) touched = Math.max(touched, evaluation.on);
      insertPlan.run(
        planId,
        owner.type,
        owner.enterpriseId,
        owner.villageId,
        owner.department,
        kind,
        name,
        status,
        crowded ? 1 : 0,
        nextVersionId - 1,
        evaluation ? days.date(evaluation.on) : null,
        evaluation?.conclusion ?? null,
        evaluation?.note ?? null,
        notes,
        pick(random, staff),
        days.stamp(entered(versions[0].issued)),
        days.stamp(touched),
      );
      versions.forEach((version, index) => {
        const versionId = firstVersionId + index;
        const viaOffice = version.officeAccepted !== null;
        const filedOn = viaOffice ? version.officeAccepted : (version.filing?.on ?? null);
        const number = viaOffice ? version.officeNumbers![setIndex] : (version.filing?.number ?? null);
        insertVersion.run(
          versionId,
          planId,
          version.version,
          version.docNo,
          days.date(version.issued),
          version.review?.kind ?? null,
          version.review ? days.date(version.review.on) : null,
          version.review?.experts ?? null,
          version.review?.result ?? null,
          version.signatory,
          viaOffice ? office : (version.filing?.dept ?? null),
          filedOn === null ? null : days.date(filedOn),
          number,
          version.revision?.[0] ?? null,
          version.revision?.[1] ?? null,
          pick(random, staff),
          days.stamp(entered(version.issued)),
          days.stamp(Math.max(entered(version.issued), filedOn ?? -Infinity)),
        );
        for (const submission of version.submissions) {
          let materials = materialsText.get(submission.materials);
          if (materials === undefined) {
            materials = JSON.stringify(submission.materials);
            materialsText.set(submission.materials, materials);
          }
          insertFiling.run(
            planId,
            versionId,
            days.date(submission.received),
            submission.submitter,
            submission.phone,
            materials,
            submission.status,
            submission.checked === null ? null : days.date(submission.checked),
            submission.checked === null ? null : pick(random, staff),
            submission.status === '已备案' ? number : null,
            submission.note,
            pick(random, staff),
            days.stamp(submission.received),
            days.stamp(submission.checked ?? submission.received),
          );
        }
      });
      plans += 1;
      return planId;
    },

    drill(planId: number, owner: Owner, drill: DrillSpec): void {
      const stamp = days.stamp(entered(drill.held));
      insertDrill.run(
        planId,
        owner.type,
        owner.enterpriseId,
        owner.villageId,
        owner.department,
        drill.name,
        days.date(drill.held),
        drill.scope,
        drill.form,
        drill.organiser,
        drill.place,
        drill.participants,
        drill.fireBrigade ? 1 : 0,
        drill.summary,
        drill.evaluation,
        pick(random, staff),
        stamp,
        stamp,
      );
      drills += 1;
    },

    finish: (): DemoPlanSummary => ({ plans, drills }),
  };
}
