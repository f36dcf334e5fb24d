import type Database from 'better-sqlite3';
import type { Industry, RiskLevel } from '../../../shared/domain/enterprise';
import { demoUnitGroup, type DemoUnitGroup } from './industries';
import type { HazardSource, HazardStatus, InspectionKind } from '../../../shared/domain/hazard';
import { isWorkingDay, type HolidayCalendar } from '../../../shared/domain/holidays';
import { localToday, nowIso, type HandlerContext } from '../../api/context';
import { orderNumberOf, orderPrefixKey } from '../hazards/orders';
import { holidayCalendar } from '../holidays/service';
import { getOfficeSettings, readSetting } from '../settings/service';
import { intBetween, pick, seededRandom, weightedPick, weightedSampler } from './random';
import type { DemoScale } from './service';

/**
 * 隐患排查治理 of the demo town: a year of inspections ending today, the hazards they found (and some the
 * enterprises reported themselves, or that were reported by a tip-off), each hazard's lifecycle up to today with
 * its history rows, and the 责令限期整改指令书 of about half of the 执法 inspections that found something.
 *
 * Nothing is hard-coded to the seeds' figures; the rates below give, for the small town, figures in the spirit of
 * seed 000 (“共检查企业521家次…查出问题隐患2982条,已整改2695条”): about 1.1 visits per enterprise in operation a
 * year, 4–5 hazards per visit, and a rectification rate near 90%.
 */

export interface DemoHazardSummary {
  /** Inspections (of enterprises and idle sites) over the year ending today. */
  inspections: number;
  hazards: number;
  orders: number;
}

/** Days of data: found from 364 days ago up to today (a year ending today). */
const windowDays = 364;
/**
 * Per scale: enterprise visits a year per enterprise in operation (停产 ones count at a third) and the share of the
 * idle sites inspected in the year (some twice). A 虎门-scale town has its own 执法 squads besides the office and the
 * district's checks, so its firms see a few more visits (about 300,000 hazards a year, issue 8 part 8).
 */
export const demoInspectionRates: Record<DemoScale, { visitsPerEnterprise: number; idleSiteVisitShare: number }> = {
  small: { visitsPerEnterprise: 1.1, idleSiteVisitShare: 0.3 },
  town: { visitsPerEnterprise: 1.1, idleSiteVisitShare: 0.3 },
  large: { visitsPerEnterprise: 1.25, idleSiteVisitShare: 0.3 },
};
/** Hazards reported by the enterprises (自查) and by tip-offs (举报), relative to those found at inspections. */
const selfReportedShare = 0.1;
const tipOffShare = 0.012;
/** Share of 执法 inspections with hazards that end with a 责令限期整改指令书. */
const orderShare = 0.55;

/** The office's staff (as in filings and plans), with their 执法证 numbers as printed on an order. */
const staff: readonly (readonly [name: string, certificate: string])[] = [
  ['陈志华', '44190021001'],
  ['李晓婷', '44190021002'],
  ['黄俊杰', '44190021003'],
  ['梁淑芬', '44190021004'],
  ['张国强', '44190021005'],
  ['何伟明', '44190021006'],
];
const experts = ['刘建新', '周振宇', '吴国平', '罗志坚', '邓海涛', '郑文辉'];
const supervisors = ['区应急管理局 冯启明', '区应急管理局 袁丽华', '区安委办 许俊峰'];

const riskWeight: Record<RiskLevel, number> = { red: 3.2, orange: 2.4, yellow: 1.2, blue: 0.8 };
const industryWeight: Partial<Record<Industry, number>> = {
  危化生产: 2,
  '危化经营(带储存)': 1.6,
  化工: 1.6,
  医药: 1.3,
  燃气: 1.8,
  烟花爆竹: 1.8,
  矿山: 1.8,
  '工贸-冶金': 1.4,
  '工贸-有色': 1.3,
  建筑施工: 1.3,
};

/** Kinds of visit, by weight; risky and key-supervised enterprises see more 执法 and 专家 visits. */
const kindWeights: readonly (readonly [InspectionKind, number])[] = [
  ['日常', 36],
  ['执法', 30],
  ['专项', 20],
  ['专家', 8],
  ['督导', 6],
];

/**
 * One kind of hazard: where it is found (one of the places), what the inspector writes, the basis (standard or
 * article) and the measure the enterprise takes.
 */
interface HazardKind {
  places: readonly string[];
  description: string;
  basis: string | null;
  measure: string;
}

const k = (places: string, description: string, basis: string | null, measure: string): HazardKind => ({
  places: places.split('、'),
  description,
  basis,
  measure,
});

const fireLaw28 = '《中华人民共和国消防法》第二十八条';
const safetyLaw = (article: string) => `《中华人民共和国安全生产法》第${article}条`;
const chemicalMajorStandard = (item: string) => `《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第${item}项`;
const tradeMajorStandard = (article: string, item: string) => `《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第${article}条第（${item}）项`;

const catalog = {
  common: [
    k('配电房、生产车间、仓库', '配电箱未张贴警示标识', 'GB 50054-2011《低压配电设计规范》', '配电箱张贴“当心触电”警示标识'),
    k('生产车间、仓库、办公楼', '电线私拉乱接，插线板串接使用', 'GB/T 13869-2017《用电安全导则》', '拆除私拉电线，按规范重新敷设线路'),
    k('配电房、生产车间', '配电箱前堆放杂物，未留出操作通道', 'GB 50054-2011《低压配电设计规范》', '清理杂物，划定配电箱前禁放区'),
    k('生产车间、维修车间', '部分插座回路未安装剩余电流动作保护装置', 'GB/T 13955-2017《剩余电流动作保护装置安装和运行》', '加装剩余电流动作保护装置并定期试跳'),
    k('生产车间、成品仓库、原料仓库', '安全出口被货物堵塞', fireLaw28, '清理安全出口处货物，保持畅通'),
    k('生产车间、仓库、办公楼', '疏散通道堆放杂物，有效宽度不足', fireLaw28, '清理疏散通道，施划通道标线'),
    k('生产车间、仓库、办公楼', '灭火器压力不足，未按月检查', 'GB 50444-2008《建筑灭火器配置验收及检查规范》', '更换失效灭火器，建立月度检查记录'),
    k('生产车间、仓库、宿舍楼', '部分灭火器超过维修期限', 'GB 50444-2008《建筑灭火器配置验收及检查规范》', '送专业机构维修，更换超期灭火器'),
    k('生产车间、楼梯间、仓库', '应急照明灯损坏，断电后不能正常点亮', 'GB 51309-2018《消防应急照明和疏散指示系统技术标准》', '更换损坏的应急照明灯具'),
    k('生产车间、仓库、宿舍楼', '疏散指示标志缺失', 'GB 51309-2018《消防应急照明和疏散指示系统技术标准》', '补装疏散指示标志'),
    k('仓库、生产车间', '室内消火栓箱被货物遮挡', fireLaw28, '移开遮挡物，消火栓前设置禁放区'),
    k('楼梯间、生产车间', '常闭式防火门处于常开状态', 'GB 25201-2010《建筑消防设施的维护管理》', '恢复防火门常闭状态，加装闭门器'),
    k('安全管理台账', '未建立安全生产教育和培训档案', safetyLaw('二十八'), '补建培训档案，如实记录培训内容和考核结果'),
    k('生产车间', '新入职员工未经岗前安全培训即上岗', '《生产经营单位安全培训规定》', '组织新员工岗前安全培训，考核合格后上岗'),
    k('安全管理台账', '未按规定开展事故隐患排查并建立台账', safetyLaw('四十一'), '建立隐患排查治理制度和台账，定期组织排查'),
    k('安全管理台账', '应急预案未按规定组织演练', '《生产安全事故应急预案管理办法》第三十三条', '制定演练计划并组织演练，做好演练评估'),
    k('生产车间', '员工作业时未按规定佩戴劳动防护用品', safetyLaw('五十七'), '配齐劳动防护用品，加强班组检查'),
    k('配电房', '电工作业人员未取得特种作业操作证', safetyLaw('三十'), '安排电工参加培训取证，取证前停止其作业'),
    k('维修车间', '焊工未持特种作业操作证从事焊接作业', safetyLaw('三十'), '停止无证人员焊接作业，安排培训取证'),
    k('仓库', '员工宿舍设置在仓库内', 'GB 50016-2014《建筑设计防火规范》（2018年版）第3.3.9条', '搬离仓库内宿舍，另行安排住宿'),
    k('生产车间', '员工宿舍设置在厂房内', 'GB 50016-2014《建筑设计防火规范》（2018年版）第3.3.5条', '拆除厂房内宿舍'),
    k('维修车间', '气瓶未采取防倾倒措施', 'GB/T 34525-2017《气瓶搬运、装卸、储存和使用安全规定》', '设置气瓶固定架，气瓶直立固定'),
    k('维修车间', '氧气瓶与乙炔瓶混放，间距不足5米', 'GB/T 34525-2017《气瓶搬运、装卸、储存和使用安全规定》', '分开存放，保持安全间距'),
    k('生产车间、仓库', '危险部位未设置安全警示标志', safetyLaw('三十五'), '按 GB 2894 设置安全警示标志'),
    k('成品仓库、原料仓库', '叉车司机未持证驾驶', '《中华人民共和国特种设备安全法》第十四条', '停止无证驾驶，安排司机培训取证'),
    k('成品仓库', '叉车未按期进行定期检验', '《中华人民共和国特种设备安全法》第四十条', '报检叉车，检验合格后使用'),
    k('空压机房', '储气罐安全阀超期未校验', 'TSG 21-2016《固定式压力容器安全技术监察规程》', '送检安全阀，校验合格后重新安装'),
    k('安全管理台账', '未与承包单位签订安全生产管理协议', safetyLaw('四十九'), '与承包单位签订安全生产管理协议，明确各自职责'),
    k('车间办公室', '未公示安全风险四色分布图和岗位风险告知卡', '《广东省安全生产条例》', '绘制并公示风险四色分布图，张贴岗位风险告知卡'),
  ],
  workshop: [
    k('冲压车间', '冲床未安装光电保护装置', 'GB 27607-2011《机械压力机 安全技术要求》', '加装光电保护装置并定期检查'),
    k('生产车间、机加工车间', '设备传动部位防护罩缺失', 'GB/T 8196-2018《机械安全 防护装置 固定式和活动式防护装置的设计与制造一般要求》', '加装传动部位防护罩'),
    k('维修车间、机加工车间', '砂轮机未安装防护罩，托架间隙过大', 'GB 4674-2009《磨削机械安全规程》', '加装防护罩，调整托架间隙不大于3毫米'),
    k('装配车间、原料仓库', '行车钢丝绳断丝超标未及时更换', 'GB/T 5972-2016《起重机 钢丝绳 保养、维护、检查和报废》', '更换钢丝绳并做好检查记录'),
    k('装配车间', '行车起升高度限位器失效', 'GB 6067.1-2010《起重机械安全规程 第1部分：总则》', '修复限位器，检验合格后使用'),
    k('注塑车间', '注塑机安全门联锁装置失效', 'GB 22530-2008《橡胶塑料注射成型机安全要求》', '修复安全门联锁装置'),
    k('喷涂车间', '车间内油漆、稀释剂超量存放', 'GB 6514-2008《涂装作业安全规程 涂漆工艺安全及其通风净化》', '清理超量物料，设置专用中间存放间'),
    k('喷涂车间、调漆间', '调漆间电气设备不防爆', 'GB 6514-2008《涂装作业安全规程 涂漆工艺安全及其通风净化》', '更换防爆电气设备'),
    k('锅炉房', '燃气锅炉房未安装可燃气体报警装置', 'GB 50041-2020《锅炉房设计标准》', '安装可燃气体报警装置并与排风联动'),
    k('生产车间', '车间地面油污未及时清理，存在滑倒风险', null, '清理油污，设置接油盘'),
    k('烘干房', '烘箱超温报警装置失效', null, '修复超温报警装置，定期测试'),
  ],
  dust: [
    k('除尘器', '干式除尘器未设置泄爆装置', 'GB 15577-2018《粉尘防爆安全规程》', '加装泄爆片，泄爆口朝向安全区域'),
    k('抛光车间、打磨车间、木工车间', '作业现场积尘未及时清理', '《工贸企业粉尘防爆安全规定》（应急管理部令第6号）', '落实每班清扫制度，使用防爆吸尘器'),
    k('安全管理台账', '粉尘清扫记录不全', '《工贸企业粉尘防爆安全规定》（应急管理部令第6号）', '建立粉尘清扫记录，专人负责'),
    k('打磨车间', '除尘系统风管积尘，未定期清理', 'GB 15577-2018《粉尘防爆安全规程》', '清理风管积尘，制定清理周期'),
    k('打磨车间、抛光车间', '粉尘作业区电气线路未穿管保护', 'GB 50058-2014《爆炸危险环境电力装置设计规范》', '线路穿金属管保护'),
  ],
  confined: [
    k('污水处理池、化粪池、地下水池', '有限空间未设置安全警示标志', '《工贸企业有限空间作业安全规定》（应急管理部令第13号）', '在有限空间出入口设置警示标志'),
    k('安全管理台账', '未建立有限空间管理台账', '《工贸企业有限空间作业安全规定》（应急管理部令第13号）', '辨识有限空间，建立管理台账'),
    k('污水处理站', '有限空间作业未配备气体检测仪', '《工贸企业有限空间作业安全规定》（应急管理部令第13号）', '配备四合一气体检测仪及通风设备'),
  ],
  chemical: [
    k('储罐区、甲类仓库、生产车间', '可燃气体报警器未定期检定', 'GB/T 50493-2019《石油化工可燃气体和有毒气体检测报警设计标准》', '送检报警器，建立检定台账'),
    k('储罐区', '防火堤有孔洞未封堵', 'GB 50351-2014《储罐区防火堤设计规范》', '用不燃材料封堵孔洞'),
    k('装卸站台', '装卸站台静电接地装置损坏', 'GB 12158-2006《防止静电事故通用导则》', '修复静电接地装置，定期检测接地电阻'),
    k('生产车间、储罐区', '动火作业未进行动火分析即作业', 'GB 30871-2022《危险化学品企业特殊作业安全规范》', '规范动火审批，严格执行动火分析'),
    k('储罐区', '受限空间作业未安排专人监护', 'GB 30871-2022《危险化学品企业特殊作业安全规范》', '落实专人监护，加强作业票审核'),
    k('化学品仓库', '化学品安全技术说明书和安全标签不全', '《危险化学品安全管理条例》第十五条', '补齐安全技术说明书，张贴安全标签'),
    k('甲类仓库', '甲类仓库内使用非防爆灯具', 'GB 50058-2014《爆炸危险环境电力装置设计规范》', '更换防爆灯具'),
    k('生产车间', '反应釜安全阀超期未校验', 'TSG 21-2016《固定式压力容器安全技术监察规程》', '送检安全阀，校验合格后投用'),
    k('储罐区、装卸站台', '洗眼器无法正常使用', 'GB/T 38144.1-2019《眼面部防护 应急喷淋和洗眼设备 第1部分：技术要求》', '修复洗眼器，每周试用'),
    k('中控室', '储罐液位高高报警未投用', 'GB 50160-2008《石油化工企业设计防火标准》（2018年版）', '恢复液位高高报警并与进料切断联锁'),
    k('安全管理台账', '操作规程未根据工艺变更及时修订', '《危险化学品企业安全风险隐患排查治理导则》', '修订操作规程并组织培训'),
  ],
  gasStation: [
    k('卸油区', '卸油区静电接地报警仪故障', 'GB 50156-2021《汽车加油加气加氢站技术标准》', '维修静电接地报警仪'),
    k('加油区', '加油机底槽渗漏油未及时清理', 'GB 50156-2021《汽车加油加气加氢站技术标准》', '清理底槽油污，检查渗漏点'),
    k('加油区', '油气回收系统未定期检测', 'GB 20952-2020《加油站大气污染物排放标准》', '委托检测油气回收系统'),
    k('卸油区', '卸油作业时无专人现场监护', 'AQ 3010-2007《加油站作业安全规范》', '卸油作业全程专人监护'),
    k('站房便利店', '便利店内堆放纸箱占用疏散通道', fireLaw28, '清理纸箱，保持通道畅通'),
    k('加油区', '灭火毯、沙箱配置不足', 'GB 50156-2021《汽车加油加气加氢站技术标准》', '按规定补足灭火毯和灭火沙'),
  ],
  gas: [
    k('瓶库', '过期钢瓶未及时送检报废', 'TSG 23-2021《气瓶安全技术规程》', '清理过期钢瓶，送检或报废'),
    k('瓶库、充装间', '可燃气体报警器故障', 'GB 50028-2006《城镇燃气设计规范》', '维修报警器，定期检定'),
    k('储罐区', '储罐喷淋系统未定期试验', 'GB 50028-2006《城镇燃气设计规范》', '每月试验喷淋系统并记录'),
    k('供应站', '送气工未经安全培训上岗', '《城镇燃气管理条例》', '组织送气工安全培训'),
  ],
  fireworks: [
    k('门店', '零售点超量存放烟花爆竹', '《烟花爆竹经营许可实施办法》', '清理超量产品，限量存放'),
    k('仓库', '仓库防雷装置未定期检测', 'GB 50161-2022《烟花爆竹工程设计安全标准》', '委托检测防雷装置'),
    k('仓库', '库房内堆垛间距不足', 'GB 11652-2012《烟花爆竹作业安全技术规程》', '调整堆垛，留足间距和通道'),
    k('门店', '零售点未配置灭火器', 'GB 50140-2005《建筑灭火器配置设计规范》', '配置灭火器和消防沙'),
  ],
  mine: [
    k('采场', '采场边坡台阶高度超过设计要求', 'GB 16423-2020《金属非金属矿山安全规程》', '按设计削坡整形，分台阶开采'),
    k('运输道路', '运输道路临空侧未设置挡车墙', 'GB 16423-2020《金属非金属矿山安全规程》', '修筑挡车墙'),
    k('爆破器材库', '爆破器材领退记录不全', 'GB 6722-2014《爆破安全规程》', '完善领退登记，专人管理'),
    k('排土场', '排土场未按规定定期检查', 'GB 16423-2020《金属非金属矿山安全规程》', '建立排土场巡查制度'),
  ],
  metallurgy: [
    k('熔炼车间', '熔炼炉周边地面有积水', '《冶金企业和有色金属企业安全生产规定》', '排除积水，修补防水设施'),
    k('煤气站', '煤气区域未设置一氧化碳检测报警装置', 'GB 6222-2005《工业企业煤气安全规程》', '安装一氧化碳检测报警装置'),
    k('铸造车间', '浇注区域未设置安全通道', '《冶金企业和有色金属企业安全生产规定》', '划定安全通道，清理占道物品'),
    k('熔炼车间', '作业人员未穿戴隔热防护服', safetyLaw('五十七'), '配发隔热防护服，加强现场监督'),
  ],
  construction: [
    k('外脚手架', '脚手架连墙件设置不足', 'JGJ 130-2011《建筑施工扣件式钢管脚手架安全技术规范》', '按方案补设连墙件'),
    k('楼层临边、楼梯口', '临边防护栏杆缺失', 'JGJ 80-2016《建筑施工高处作业安全技术规范》', '设置防护栏杆和挡脚板'),
    k('临时用电区', '临时用电未实行“一机一闸一漏一箱”', 'JGJ 46-2005《施工现场临时用电安全技术规范》', '整改配电箱，一机一闸一漏一箱'),
    k('塔吊', '塔吊起重量限制器失效', 'JGJ 196-2010《建筑施工塔式起重机安装、使用、拆卸安全技术规程》', '修复限制器，检验合格后使用'),
    k('基坑周边', '基坑周边堆载超过设计要求', 'JGJ 311-2013《建筑深基坑工程施工安全技术规范》', '清运堆载，设置堆放限界'),
    k('脚手架作业面', '高处作业人员未系安全带', 'JGJ 80-2016《建筑施工高处作业安全技术规范》', '配发安全带，设置安全绳'),
    k('工人生活区', '宿舍内私拉电线、违规使用大功率电器', 'JGJ 46-2005《施工现场临时用电安全技术规范》', '拆除私拉电线，安装限流装置'),
  ],
  transport: [
    k('停车场', '危险货物运输车辆罐体超期未检验', 'JT/T 617-2018《危险货物道路运输规则》', '车辆停运，罐体检验合格后恢复营运'),
    k('停车场', '车辆轮胎磨损超限', 'GB 7258-2017《机动车运行安全技术条件》', '更换轮胎，加强出车前检查'),
    k('停车场', '停车场未设置限速和行车方向标志', 'GB 5768.2-2022《道路交通标志和标线 第2部分：道路交通标志》', '设置限速及导向标志'),
    k('安全管理台账', '驾驶员安全教育培训记录不全', '《道路运输车辆动态监督管理办法》', '补齐驾驶员培训记录'),
  ],
  crowded: [
    k('后厨', '燃气管道未安装燃气泄漏报警装置', 'GB 50028-2006《城镇燃气设计规范》', '安装燃气泄漏报警及切断装置'),
    k('后厨', '使用不合格燃气软管，长度超过2米', 'GB 50028-2006《城镇燃气设计规范》', '更换金属波纹软管'),
    k('营业区、商场', '营业区疏散通道堆放货物', fireLaw28, '清理货物，保持疏散通道畅通'),
    k('电梯厅', '电梯超期未检验', '《中华人民共和国特种设备安全法》第四十条', '报检电梯，检验合格前停用'),
    k('包间、营业区', '室内装修使用易燃材料', 'GB 50222-2017《建筑内部装修设计防火规范》', '拆除易燃装修材料'),
    k('后厨', '排油烟罩油污未定期清洗', null, '清洗排油烟罩及管道，定期清洗'),
  ],
  idle: [
    k('厂房内、院落', '闲置厂房内私拉乱接电线', 'GB/T 13869-2017《用电安全导则》', '拆除私拉电线，无用电需求的切断电源'),
    k('院落、场地', '院内堆放大量废旧塑料、纸箱等可燃物', '《中华人民共和国消防法》第十六条', '清运可燃杂物'),
    k('仓库、厂房内', '闲置仓库内违规住人', 'GB 50016-2014《建筑设计防火规范》（2018年版）第3.3.9条', '清退住人，落实巡查'),
    k('场地、院落', '场地内存放来历不明的桶装液体', '《危险化学品安全管理条例》第二十四条', '查明来源，交有资质单位处置'),
    k('厂房', '厂房屋面破损、墙体开裂，存在坍塌风险', null, '设置警戒，禁止人员进入，委托鉴定后修缮或拆除'),
    k('院落、仓库', '未配置消防器材', '《中华人民共和国消防法》第十六条', '配置灭火器'),
    k('场地', '出租场地未与承租方签订安全管理协议', safetyLaw('四十九'), '签订安全管理协议，明确双方安全责任'),
  ],
} satisfies Record<string, readonly HazardKind[]>;

type CatalogGroup = keyof typeof catalog;

/** 重大事故隐患 by group, each with the article of its 判定标准. */
const majorCatalog: Record<'chemical' | 'trade' | 'dust' | 'confined' | 'metallurgy' | 'construction' | 'gas' | 'crowded' | 'fireworks' | 'mine', readonly HazardKind[]> = {
  chemical: [
    k('储罐区、生产车间', '未按照国家标准制定动火、进入受限空间等特殊作业管理制度，或者制度未有效执行', chemicalMajorStandard('十八'), '修订特殊作业管理制度，严格作业审批和现场监护'),
    k('甲类仓库、储罐区', '涉及可燃气体泄漏的场所未按国家标准设置检测报警装置', chemicalMajorStandard('十二'), '按标准设置可燃气体检测报警装置并接入中控室'),
    k('储罐区', '储罐安全阀等安全附件未正常投用', chemicalMajorStandard('十五'), '恢复安全附件投用，建立定期校验制度'),
    k('化学品仓库', '未按国家标准分区分类储存危险化学品，相互禁配物质混放混存', chemicalMajorStandard('二十'), '分区分类重新布置仓库，清理禁配物质'),
    k('安全管理台账', '主要负责人和安全生产管理人员未依法经考核合格', chemicalMajorStandard('一'), '组织主要负责人、安全管理人员参加考核'),
    k('储罐区', '构成二级重大危险源的危险化学品罐区未实现紧急切断功能', chemicalMajorStandard('五'), '增设紧急切断阀并与液位、报警联锁'),
  ],
  trade: [
    k('安全管理台账、生产车间', '未对承租单位的安全生产工作统一协调、管理，未定期进行安全检查', tradeMajorStandard('三', '一'), '签订安全管理协议，建立对承租单位的定期检查制度'),
    k('维修车间、配电房', '特种作业人员未取得相应资格上岗作业', tradeMajorStandard('三', '二'), '停止无证人员作业，安排培训取证'),
  ],
  dust: [
    k('打磨车间、抛光车间', '粉尘爆炸危险场所内设有员工休息室', tradeMajorStandard('十一', '一'), '搬离休息室，人员聚集场所与粉尘作业区分隔'),
    k('除尘器', '干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施', tradeMajorStandard('十一', '三'), '加装泄爆装置，停用不合格除尘系统'),
    k('打磨车间', '未落实粉尘清理制度，作业现场积尘严重', tradeMajorStandard('十一', '十'), '停产清理积尘，落实每班清扫'),
  ],
  confined: [
    k('污水处理池、化粪池', '未对有限空间进行辨识、建立安全管理台账，且未设置明显的安全警示标志', tradeMajorStandard('十三', '一'), '辨识有限空间，建立台账并设置警示标志'),
    k('污水处理站', '有限空间作业未执行“先通风、再检测、后作业”要求，作业现场未设置监护人员', tradeMajorStandard('十三', '二'), '严格作业审批，配备检测和通风设备，落实监护'),
  ],
  metallurgy: [
    k('熔炼车间', '熔融金属泄漏和喷溅影响范围内的炉前平台存在积水', tradeMajorStandard('四', '二'), '排除积水，完善防水措施'),
    k('熔炼车间', '熔炼炉水冷元件未设置出水温度、进出水流量差监测报警装置', tradeMajorStandard('五', '二'), '增设监测报警装置并与炉体联锁'),
  ],
  construction: [
    k('塔吊', '塔吊基础不符合设计要求，附着装置设置不规范', '《房屋市政工程生产安全重大事故隐患判定标准（2022版）》', '停用塔吊，按方案整改并经检验合格'),
    k('基坑', '深基坑未按规定开展监测，周边出现裂缝', '《房屋市政工程生产安全重大事故隐患判定标准（2022版）》', '停止基坑作业，委托第三方监测并加固'),
  ],
  gas: [
    k('储罐区、充装间', '液化石油气充装未使用万向管道充装系统', chemicalMajorStandard('七'), '改用万向管道充装系统'),
    k('瓶库', '瓶装液化石油气供应站瓶库与周边建筑防火间距不足', '《城镇燃气经营安全重大隐患判定标准》', '调整瓶库位置，减少存瓶量'),
  ],
  crowded: [
    k('营业区、商场', '营业厅内疏散通道被占用，疏散距离超过规定距离', 'GB 35181-2017《重大火灾隐患判定方法》', '清理占用物，恢复疏散通道'),
    k('后厨', '燃气用户场所未安装燃气泄漏安全保护装置', '《城镇燃气经营安全重大隐患判定标准》', '安装燃气泄漏报警和切断装置'),
  ],
  fireworks: [
    k('门店、仓库', '零售点与居民居住场所设置在同一建筑物内', '《烟花爆竹经营单位重大生产安全事故隐患判定标准（试行）》', '停止经营，迁离居住场所'),
  ],
  mine: [
    k('采场', '边坡存在滑移现象，未采取治理措施', '《金属非金属矿山重大事故隐患判定标准》', '停止采场作业，委托边坡稳定性评价并治理'),
  ],
};

type MajorGroup = keyof typeof majorCatalog;

/** Where an enterprise's hazards come from: catalog groups by weight, and its major-hazard groups. */
interface Profile {
  groups: readonly (readonly [CatalogGroup, number])[];
  major: readonly MajorGroup[];
  items: readonly string[];
}

const tradeItems = ['安全生产责任制落实', '安全教育培训', '隐患排查治理', '消防设施器材', '电气线路', '机械设备防护', '特种作业人员持证', '劳动防护用品'];
const profiles: Record<DemoUnitGroup, Profile> = {
  chemical: {
    groups: [['chemical', 5], ['common', 4], ['confined', 1]],
    major: ['chemical'],
    items: ['重大危险源管控', '特殊作业管理', '可燃有毒气体检测报警', '危险化学品储存', '安全仪表和联锁', '消防设施器材', '安全生产责任制落实', '应急预案及演练'],
  },
  gasStation: { groups: [['gasStation', 5], ['common', 3]], major: ['chemical'], items: ['卸油作业', '静电接地', '油气回收', '消防器材', '安全管理制度', '从业人员培训'] },
  gas: { groups: [['gas', 5], ['common', 3]], major: ['gas'], items: ['储罐及钢瓶管理', '充装作业', '可燃气体检测报警', '消防设施器材', '从业人员培训'] },
  fireworks: { groups: [['fireworks', 5], ['common', 2]], major: ['fireworks'], items: ['经营许可', '存放量', '防火防雷', '消防器材'] },
  mine: { groups: [['mine', 5], ['common', 3]], major: ['mine'], items: ['边坡管理', '爆破作业', '运输道路', '排土场', '特种作业人员持证'] },
  metallurgy: { groups: [['metallurgy', 4], ['workshop', 3], ['dust', 2], ['common', 4]], major: ['metallurgy', 'trade', 'dust'], items: ['熔融金属作业', '煤气安全', ...tradeItems] },
  dusty: { groups: [['workshop', 4], ['dust', 3], ['common', 5], ['confined', 1]], major: ['dust', 'trade', 'confined'], items: ['粉尘防爆', '有限空间', ...tradeItems] },
  trade: { groups: [['workshop', 4], ['common', 6], ['confined', 1]], major: ['trade', 'confined'], items: ['有限空间', ...tradeItems] },
  construction: { groups: [['construction', 6], ['common', 2]], major: ['construction'], items: ['脚手架', '临边洞口防护', '施工用电', '起重机械', '基坑工程', '生活区消防'] },
  transport: { groups: [['transport', 5], ['common', 4]], major: ['trade'], items: ['车辆技术状况', '驾驶员管理', '动态监控', '停车场消防'] },
  crowded: { groups: [['crowded', 5], ['common', 5]], major: ['crowded'], items: ['消防安全', '疏散通道', '燃气使用', '电梯等特种设备', '电气线路'] },
};

const idleProfile: Profile = { groups: [['idle', 1]], major: [], items: ['场所用途', '用电安全', '可燃物堆放', '危险化学品非法储存', '违规住人', '建筑结构安全'] };

/** 专项 campaigns by month (1–12): what a 专项检查 was about. */
function campaignOf(month: number, profile: Profile): string {
  if (month === 6) return '“安全生产月”专项检查';
  if (month === 1 || month === 2 || month === 9) return month === 9 ? '国庆节前安全专项检查' : '春节前后安全专项检查';
  if (profile === profiles.dusty || profile === profiles.metallurgy) return '粉尘涉爆企业专项治理';
  if (profile === profiles.chemical || profile === profiles.gasStation) return '危险化学品安全专项整治';
  if (profile === profiles.gas || profile === profiles.crowded) return '城镇燃气安全专项整治';
  if (profile === idleProfile) return '“四闲”场所安全专项排查';
  if (month >= 4 && month <= 9) return '防汛防台风安全专项检查';
  return '消防安全专项检查';
}

const extensionReasons = ['整改涉及设备采购，供货周期较长', '需停产检修方可实施，申请结合检修计划整改', '整改工程量较大，需委托设计单位出具方案', '春节假期停工，施工队伍未能按期进场', '连续降雨影响室外施工'];
const rectificationNotes = ['已按要求整改完毕，附整改前后照片', '已整改，相关记录已补齐', '已完成整改并组织员工培训', '已整改完毕，申请复查'];
const failedNotes = ['整改不彻底，仍有部分未完成', '现场复查发现同类问题仍然存在', '整改措施未落实到位，需继续整改'];
const passedNotes = ['现场核查已整改到位', '整改到位，同意销号', '经复查符合要求'];

/** Days relative to today: dates, working days and timestamps. */
interface DayBook {
  date(offset: number): string;
  /** The first working day on or after `offset`. */
  workingFrom(offset: number): number;
  /** A created_at of that day during office hours (now for today). */
  stamp(offset: number): string;
}

const dayMs = 24 * 60 * 60 * 1000;

function dayBook(today: string, calendar: HolidayCalendar, now: string): DayBook {
  const base = Date.parse(`${today}T00:00:00Z`);
  const first = -windowDays - 30;
  const last = 400;
  const dates: string[] = [];
  const working: boolean[] = [];
  for (let offset = first; offset <= last; offset += 1) {
    const date = new Date(base + offset * dayMs).toISOString().slice(0, 10);
    dates.push(date);
    working.push(isWorkingDay(date, calendar));
  }
  const date = (offset: number) => (offset >= first && offset <= last ? dates[offset - first] : new Date(base + offset * dayMs).toISOString().slice(0, 10));
  let tick = 0;
  return {
    date,
    workingFrom(offset) {
      let day = offset;
      while (day < last && day >= first && !working[day - first]) day += 1;
      return day;
    },
    stamp(offset) {
      if (offset >= 0) return now;
      // 01:00–08:59 UTC is 09:00–16:59 in the office (UTC+8).
      tick = (tick + 37) % 480;
      return `${date(offset)}T0${1 + Math.floor(tick / 60)}:${String(tick % 60).padStart(2, '0')}:00.000Z`;
    },
  };
}

interface Target {
  enterpriseId: number | null;
  idleSiteId: number | null;
  profile: Profile;
  weight: number;
  /** 1 for an enterprise in operation, a third for a 停产 one (it is visited to check it stays stopped). */
  presence: number;
  /** 标准化 grade effect and the like on how much is found. */
  findFactor: number;
  risky: boolean;
  responsibleName: string | null;
  responsiblePhone: string | null;
  principalName: string | null;
  supervisingDept: string | null;
  /** Idle sites: the day (offset) the site was found; nothing is inspected before it. */
  since: number;
}

interface Visit {
  target: Target;
  day: number;
  kind: InspectionKind | null;
  source: HazardSource;
}

interface HazardEvent {
  day: number;
  action: string;
  from: HazardStatus | null;
  to: HazardStatus;
  remark: string | null;
}

interface HazardDraft {
  kind: HazardKind;
  place: string;
  major: boolean;
  found: number;
  deadline: number;
  originalDeadline: number;
  status: HazardStatus;
  measures: string | null;
  fundsWan: number | null;
  rectified: number | null;
  rectificationNote: string | null;
  reinspected: number | null;
  reinspector: string | null;
  passed: boolean | null;
  reinspectionNote: string | null;
  closed: number | null;
  extensions: number;
  events: HazardEvent[];
}

/** A Poisson draw (Knuth), for small means. */
function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = random(); product > limit; product *= random()) count += 1;
  return count;
}

function binomial(random: () => number, n: number, p: number): number {
  let count = 0;
  for (let i = 0; i < n; i += 1) if (random() < p) count += 1;
  return count;
}

/**
 * Writes the year's inspections, hazards (with their history) and orders, in the order they happened, so ids,
 * hazard numbers (`YYYY-NNNNN`, series 'hazard') and order numbers (series 'order') follow the dates; the
 * `sequences` rows are advanced past what was written. Its own random stream, so everything generated before stays
 * as it was.
 */
export function insertHazardsAndInspections(ctx: HandlerContext, scale: DemoScale): DemoHazardSummary {
  const { sqlite } = ctx.appDb;
  const random = seededRandom(37);
  const settings = getOfficeSettings(ctx);
  const town = settings.townName || '示例镇';
  const orderPrefix = readSetting<string | null>(ctx, orderPrefixKey, null) || `${town}应急责改`;
  const now = nowIso(ctx);
  const days = dayBook(localToday(ctx), holidayCalendar(ctx), now);
  const targets = loadTargets(sqlite, days);

  // Every visit and self-report of the year, then in date order.
  const visits = planVisits(random, days, targets.enterprises, targets.idleSites, demoInspectionRates[scale]);
  // 300,000 hazards with their indexes and 1.2 million history rows dirty far more pages than the default 2 MB cache
  // holds; a larger one while writing them saves spilling and re-reading index pages (as for the filings). Restored after.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  if (scale === 'large') sqlite.pragma('cache_size = -262144');
  try {
    const writer = hazardWriter(sqlite, days);
    const numbers = { hazard: new Map<number, number>(), order: new Map<number, number>() };
    const next = (series: Map<number, number>, year: number) => {
      const value = (series.get(year) ?? 0) + 1;
      series.set(year, value);
      return value;
    };
    let inspections = 0;
    let hazards = 0;
    let orders = 0;

    for (const visit of visits) {
      const { target } = visit;
      const inspector = pick(random, staff);
      let partner = pick(random, staff);
      while (partner === inspector) partner = pick(random, staff);
      const enteredBy = inspector[0];
      let inspectionId: number | null = null;
      let count: number;
      if (visit.kind) {
        const kind = visit.kind;
        const inspectors =
          kind === '专家' ? `${inspector[0]}、${pick(random, experts)}（专家）` : kind === '督导' ? `${pick(random, supervisors)}、${inspector[0]}` : `${inspector[0]}、${partner[0]}`;
        const items = pickSome(random, target.profile.items, 3, 5).join('、');
        const month = Number(days.date(visit.day).slice(5, 7));
        const notes = kind === '专项' ? campaignOf(month, target.profile) : kind === '督导' ? '上级督导检查' : null;
        inspectionId = writer.inspection(target, visit.day, kind, inspectors, items, notes, enteredBy);
        inspections += 1;
        count = hazardCount(random, kind, target);
      } else {
        count = 1;
      }
      if (count === 0) continue;

      const drafts: HazardDraft[] = [];
      for (let i = 0; i < count; i += 1) drafts.push(draftHazard(random, days, target, visit, drafts));
      let orderId: number | null = null;
      if (visit.kind === '执法' && random() < orderShare) {
        const year = Number(days.date(visit.day).slice(0, 4));
        const seq = next(numbers.order, year);
        const orderNumber = orderNumberOf(orderPrefix, year, seq);
        const deadline = Math.max(...drafts.map((draft) => draft.originalDeadline));
        const review = orderReview(random, days, drafts, visit.day, deadline);
        orderId = writer.order({
          number: orderNumber,
          year,
          seq,
          target,
          inspectionId,
          issued: visit.day,
          deadline,
          officers: `${inspector[0]}（执法证号 ${inspector[1]}）、${partner[0]}（执法证号 ${partner[1]}）`,
          content: `经检查，你单位存在下列问题隐患（见隐患清单）。根据《中华人民共和国安全生产法》第六十五条第一款第（三）项的规定，现责令你单位于${chineseDate(days.date(deadline))}前整改完毕，达到有关法律法规规章和标准规定的要求，并将整改情况书面报告本机关。`,
          review: review && { ...review, number: orderNumber.replace(/号$/, '号（复查）') },
          enteredBy,
        });
        orders += 1;
        for (const draft of drafts) {
          draft.events.splice(1, 0, { day: visit.day, action: 'order', from: '待整改', to: '待整改', remark: `列入指令书 ${orderNumber}，整改期限 ${days.date(deadline)}` });
        }
      }
      for (const draft of drafts) {
        const year = Number(days.date(draft.found).slice(0, 4));
        const number = `${year}-${String(next(numbers.hazard, year)).padStart(5, '0')}`;
        writer.hazard(number, draft, target, visit.source, inspectionId, orderId, town, enteredBy, random);
        hazards += 1;
      }
    }

    const setSequence = sqlite.prepare(
      `INSERT INTO sequences (series, year, last) VALUES (?, ?, ?) ON CONFLICT (series, year) DO UPDATE SET last = max(last, excluded.last)`,
    );
    for (const [year, last] of numbers.hazard) setSequence.run('hazard', year, last);
    for (const [year, last] of numbers.order) setSequence.run('order', year, last);
    return { inspections, hazards, orders };
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

function pickSome<T>(random: () => number, items: readonly T[], min: number, max: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  const count = Math.min(pool.length, intBetween(random, min, max));
  for (let i = 0; i < count; i += 1) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return chosen;
}

function chineseDate(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

function loadTargets(sqlite: Database.Database, days: DayBook): { enterprises: Target[]; idleSites: Target[] } {
  const enterpriseRows = sqlite
    .prepare(
      `SELECT id, name, industry, risk_level AS risk, key_supervised AS keySupervised, standardization, status, supervising_dept AS dept,
         principal_name AS principal, safety_manager_name AS manager, safety_manager_phone AS managerPhone
       FROM enterprises WHERE deleted_at IS NULL AND status IN ('在产', '停产') ORDER BY id`,
    )
    .all() as {
    id: number;
    name: string;
    industry: Industry;
    risk: RiskLevel | null;
    keySupervised: number;
    standardization: string | null;
    status: string;
    dept: string | null;
    principal: string | null;
    manager: string | null;
    managerPhone: string | null;
  }[];
  const enterprises = enterpriseRows.map((row): Target => {
    const findFactor = row.standardization === '一级' ? 0.6 : row.standardization === '二级' ? 0.8 : row.standardization === '三级' ? 0.95 : 1.05;
    return {
      enterpriseId: row.id,
      idleSiteId: null,
      profile: profiles[demoUnitGroup(row.industry, row.name)],
      weight: riskWeight[row.risk ?? 'blue'] * (row.keySupervised ? 1.8 : 1) * (industryWeight[row.industry] ?? 1) * (row.status === '停产' ? 0.33 : 1),
      presence: row.status === '停产' ? 0.33 : 1,
      findFactor,
      risky: row.keySupervised === 1 || row.risk === 'red' || row.risk === 'orange',
      responsibleName: row.manager ?? row.principal,
      responsiblePhone: row.managerPhone,
      principalName: row.principal,
      supervisingDept: row.dept,
      since: -Infinity,
    };
  });
  const today = days.date(0);
  const base = Date.parse(`${today}T00:00:00Z`);
  const idleSites = (
    sqlite.prepare('SELECT id, found_on AS foundOn, owner_name AS owner, owner_phone AS phone FROM idle_sites WHERE deleted_at IS NULL ORDER BY id').all() as {
      id: number;
      foundOn: string;
      owner: string | null;
      phone: string | null;
    }[]
  ).map(
    (row): Target => ({
      enterpriseId: null,
      idleSiteId: row.id,
      profile: idleProfile,
      weight: 1,
      presence: 1,
      findFactor: 1,
      risky: false,
      responsibleName: row.owner,
      responsiblePhone: row.phone,
      principalName: row.owner,
      supervisingDept: null,
      since: Math.round((Date.parse(`${row.foundOn}T00:00:00Z`) - base) / dayMs),
    }),
  );
  return { enterprises, idleSites };
}

/**
 * The year's visits: each enterprise in operation a Poisson number of times in proportion to its weight (risk,
 * key supervision, industry), on working days with more in June (安全生产月) and before the holidays; some idle
 * sites once or twice after they were found; and the hazards reported without a visit (自查, 举报). Sorted by day.
 */
function planVisits(
  random: () => number,
  days: DayBook,
  enterprises: Target[],
  idleSites: Target[],
  rates: (typeof demoInspectionRates)[DemoScale],
): Visit[] {
  const dayWeights: number[] = [];
  const offsets: number[] = [];
  for (let offset = -windowDays; offset <= 0; offset += 1) {
    const date = days.date(offset);
    if (days.workingFrom(offset) !== offset) continue;
    const month = Number(date.slice(5, 7));
    offsets.push(offset);
    dayWeights.push(month === 6 ? 1.5 : month === 1 || month === 9 || month === 12 ? 1.2 : month === 2 ? 0.8 : 1);
  }
  // Working days of a year are drawn many times: a cumulative sampler, not a linear weighted pick.
  const daySampler = weightedSampler(
    offsets.map((offset, index) => ({ offset, weight: dayWeights[index] })),
    (day) => day.weight,
  )!;
  const drawDay = () => daySampler(random).offset;

  const visits: Visit[] = [];
  const equivalent = enterprises.reduce((sum, target) => sum + target.presence, 0);
  const totalWeight = enterprises.reduce((sum, target) => sum + target.weight, 0);
  const expected = rates.visitsPerEnterprise * equivalent;
  for (const target of enterprises) {
    const count = poisson(random, (expected * target.weight) / totalWeight);
    for (let i = 0; i < count; i += 1) {
      const kind = weightedPick(random, kindWeights, ([name, weight]) => weight * (target.risky && (name === '执法' || name === '专家') ? 1.4 : 1))[0];
      visits.push({ target, day: drawDay(), kind, source: '检查' });
    }
  }
  const idleVisits = Math.round(idleSites.length * rates.idleSiteVisitShare);
  for (let i = 0; i < idleVisits && idleSites.length > 0; i += 1) {
    const target = pick(random, idleSites);
    const day = drawDay();
    if (day < target.since) continue;
    const kind = weightedPick(random, [['日常', 5], ['专项', 3], ['执法', 2]] as const, ([, weight]) => weight)[0];
    visits.push({ target, day, kind, source: '检查' });
  }
  // Hazards the enterprises report themselves (each a visit-less row of one hazard), and tip-offs.
  const enterpriseSampler = weightedSampler(enterprises, (target) => target.weight);
  const foundAtVisits = visits.length * 4.4;
  for (const [source, share] of [['自查', selfReportedShare], ['举报', tipOffShare]] as const) {
    const count = Math.round(foundAtVisits * share);
    for (let i = 0; i < count && enterpriseSampler; i += 1) visits.push({ target: enterpriseSampler(random), day: drawDay(), kind: null, source });
  }
  // Stable: same-day visits keep the order they were drawn in.
  return visits.map((visit, index) => ({ visit, index })).sort((a, b) => a.visit.day - b.visit.day || a.index - b.index).map(({ visit }) => visit);
}

/** 0–8 at an enterprise (experts find more, a 督导 less, a well-graded enterprise less); 0–4 at an idle site. */
function hazardCount(random: () => number, kind: InspectionKind, target: Target): number {
  if (target.idleSiteId !== null) return random() < 0.3 ? 0 : 1 + binomial(random, 3, 0.35);
  if (random() < 0.08 / target.findFactor) return 0;
  const base = kind === '专家' ? 0.74 : kind === '督导' ? 0.5 : kind === '执法' ? 0.66 : 0.6;
  return 1 + binomial(random, 7, Math.min(0.9, base * target.findFactor));
}

/** A hazard as found at a visit and its life up to today: the dates of each step, and the history rows of those passed. */
function draftHazard(random: () => number, days: DayBook, target: Target, visit: Visit, siblings: readonly HazardDraft[]): HazardDraft {
  const majorChance = target.profile.major.length === 0 ? 0 : (target.risky ? 0.04 : 0.022) * (visit.source === '自查' ? 0.5 : 1);
  const major = siblings.every((sibling) => !sibling.major) && random() < majorChance;
  let kind: HazardKind;
  for (;;) {
    kind = major
      ? pick(random, majorCatalog[pick(random, target.profile.major)])
      : pick(random, catalog[weightedPick(random, target.profile.groups, ([, weight]) => weight)[0]]);
    if (!siblings.some((sibling) => sibling.kind === kind)) break;
  }
  const found = visit.day;
  const period = major ? intBetween(random, 60, 120) : weightedPick(random, [[3, 1], [7, 2.5], [10, 1], [15, 3], [30, 2], [45, 0.5]] as const, ([, weight]) => weight)[0];
  const deadline = found + period;
  const start = Math.min(deadline, found + intBetween(random, 0, 3));
  const extended = random() < (major ? 0.25 : 0.02);
  const extensionDay = extended ? Math.max(start, deadline - intBetween(random, 0, 4)) : Infinity;
  const newDeadline = extended ? deadline + (major ? intBetween(random, 30, 90) : intBetween(random, 10, 30)) : deadline;
  const fate = random();
  const stuck = fate < (major ? 0.06 : 0.045);
  const late = !stuck && fate < 0.16;
  const startsAtAll = !(stuck && random() < 0.45);
  let rectified = stuck
    ? Infinity
    : late
      ? newDeadline + intBetween(random, 1, 20)
      : start + Math.round((newDeadline - start) * (0.25 + 0.75 * random()));
  if (extended) rectified = Math.max(rectified, extensionDay);
  const reinspected = days.workingFrom(rectified + intBetween(random, 1, 6));
  const failed = random() < 0.04;
  const rectifiedAgain = failed ? reinspected + intBetween(random, 3, 10) : Infinity;
  const reinspectedAgain = failed ? days.workingFrom(rectifiedAgain + intBetween(random, 1, 4)) : Infinity;
  const reinspector = `${pick(random, staff)[0]}、${pick(random, staff)[0]}`.replace(/^(.+)、\1$/, '$1');

  const draft: HazardDraft = {
    kind,
    place: pick(random, kind.places),
    major,
    found,
    deadline,
    originalDeadline: deadline,
    status: '待整改',
    measures: null,
    fundsWan: major ? Math.round(5 + random() * 75) : random() < 0.6 ? Math.round((0.05 + random() * random() * 3) * 100) / 100 : null,
    rectified: null,
    rectificationNote: null,
    reinspected: null,
    reinspector: null,
    passed: null,
    reinspectionNote: null,
    closed: null,
    extensions: 0,
    events: [{ day: found, action: 'create', from: null, to: '待整改', remark: `${visit.source}发现，整改期限 ${days.date(deadline)}` }],
  };
  const record = (day: number, action: string, to: HazardStatus, remark: string | null) => {
    draft.events.push({ day, action, from: draft.status, to, remark });
    draft.status = to;
  };
  // The steps in the order they happen, each on or after the one before; those after today have not happened yet.
  if (!startsAtAll) {
    // Nothing done, though the measures may have been written down at the visit.
    if (random() < 0.5) draft.measures = kind.measure;
  } else if (start <= 0) {
    draft.measures = kind.measure;
    record(start, 'startRectification', '整改中', null);
  }
  if (extended && extensionDay <= 0) {
    record(extensionDay, 'extend', draft.status, `延期：${days.date(deadline)} → ${days.date(newDeadline)}，理由：${pick(random, extensionReasons)}`);
    draft.deadline = newDeadline;
    draft.extensions = 1;
  }
  const rounds: [rectifiedOn: number, reinspectedOn: number, passed: boolean][] = [[rectified, reinspected, !failed]];
  if (failed) rounds.push([rectifiedAgain, reinspectedAgain, true]);
  for (const [rectifiedOn, reinspectedOn, passed] of rounds) {
    if (rectifiedOn > 0) break;
    draft.rectified = rectifiedOn;
    draft.rectificationNote = pick(random, rectificationNotes);
    record(rectifiedOn, 'submitForReview', '待复查', draft.rectificationNote);
    if (reinspectedOn > 0) break;
    const note = passed ? pick(random, passedNotes) : pick(random, failedNotes);
    draft.reinspected = reinspectedOn;
    draft.reinspector = reinspector;
    draft.passed = passed;
    draft.reinspectionNote = note;
    draft.closed = passed ? reinspectedOn : null;
    record(reinspectedOn, 'reinspect', passed ? '已销号' : '整改中', `${passed ? '复查合格，销号' : '复查不合格，继续整改'}（${reinspector}）：${note}`);
  }
  return draft;
}

/** An order's 整改复查意见书, if the office has written one by today. */
function orderReview(
  random: () => number,
  days: DayBook,
  drafts: readonly HazardDraft[],
  issued: number,
  deadline: number,
): { day: number; opinion: string } | null {
  const closedDays = drafts.map((draft) => draft.closed);
  if (closedDays.every((day) => day !== null)) {
    if (random() >= 0.8) return null;
    const day = Math.min(0, days.workingFrom(Math.max(issued, ...(closedDays as number[])) + intBetween(random, 0, 2)));
    return { day, opinion: `经复查，你单位已按指令书要求对所列${drafts.length}项隐患完成整改，符合要求，同意销号。` };
  }
  if (deadline >= -7 || random() >= 0.35) return null;
  const day = Math.min(0, days.workingFrom(deadline + intBetween(random, 1, 5)));
  const done = closedDays.filter((closed) => closed !== null && closed <= day).length;
  const open = drafts.length - done;
  return {
    day,
    opinion: `经复查，指令书所列${drafts.length}项隐患已整改${done}项，尚有${open}项未整改完毕，责令你单位继续整改，逾期未整改的将依法予以处理。`,
  };
}

interface OrderRow {
  number: string;
  year: number;
  seq: number;
  target: Target;
  inspectionId: number | null;
  issued: number;
  deadline: number;
  officers: string;
  content: string;
  review: { day: number; opinion: string; number: string } | null;
  enteredBy: string;
}

/** Prepared statements and explicit ids (no per-row SELECTs), the history rows of a hazard in one statement. */
function hazardWriter(sqlite: Database.Database, days: DayBook) {
  const nextId = (table: string) => (sqlite.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get() as number) + 1;
  let inspectionId = nextId('inspections');
  let orderId = nextId('rectification_orders');
  let hazardId = nextId('hazards');
  const insertInspection = sqlite.prepare(
    `INSERT INTO inspections (id, enterprise_id, idle_site_id, inspected_on, kind, inspectors, items, notes, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertOrder = sqlite.prepare(
    `INSERT INTO rectification_orders (id, number, year, seq, enterprise_id, idle_site_id, inspection_id, issued_on, deadline, officers, content,
       reviewed_on, review_opinion, review_number, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertHazard = sqlite.prepare(
    `INSERT INTO hazards (id, number, inspection_id, enterprise_id, idle_site_id, source, found_on, place, description, level, basis, deadline, status,
       measures, responsible_name, responsible_phone, funds_wan, rectified_on, rectification_note, reinspected_on, reinspector, reinspection_passed,
       reinspection_note, closed_on, extensions, order_id, plan_targets, plan_methods, plan_funds, plan_organisation, plan_timeline, plan_safety,
       listed_authority, listed_doc_no, listed_on, assigned_unit, assigned_deadline, created_by, created_at, updated_at)
     VALUES (${Array.from({ length: 40 }, () => '?').join(', ')})`,
  );
  const eventStatements: Database.Statement[] = [];
  const insertEvents = (count: number) => {
    let statement = eventStatements[count];
    if (!statement) {
      const row = '(?, ?, ?, ?, ?, ?, ?, ?)';
      statement = sqlite.prepare(
        `INSERT INTO hazard_events (hazard_id, action, from_status, to_status, "on", remark, created_at, created_by) VALUES ${Array.from({ length: count }, () => row).join(', ')}`,
      );
      eventStatements[count] = statement;
    }
    return statement;
  };
  /** Entered into the app the same day or the next (never after now). */
  const entered = (day: number) => days.stamp(Math.min(0, day));
  const listedNumbers = new Map<number, number>();
  return {
    inspection(target: Target, day: number, kind: InspectionKind, inspectors: string, items: string, notes: string | null, enteredBy: string): number {
      const id = inspectionId;
      inspectionId += 1;
      const stamp = entered(day);
      insertInspection.run(id, target.enterpriseId, target.idleSiteId, days.date(day), kind, inspectors, items, notes, enteredBy, stamp, stamp);
      return id;
    },
    order(row: OrderRow): number {
      const id = orderId;
      orderId += 1;
      const created = entered(row.issued);
      insertOrder.run(
        id,
        row.number,
        row.year,
        row.seq,
        row.target.enterpriseId,
        row.target.idleSiteId,
        row.inspectionId,
        days.date(row.issued),
        days.date(row.deadline),
        row.officers,
        row.content,
        row.review ? days.date(row.review.day) : null,
        row.review?.opinion ?? null,
        row.review?.number ?? null,
        row.enteredBy,
        created,
        row.review ? entered(row.review.day) : created,
      );
      return id;
    },
    hazard(
      number: string,
      draft: HazardDraft,
      target: Target,
      source: HazardSource,
      inspectionIdOfHazard: number | null,
      orderIdOfHazard: number | null,
      town: string,
      enteredBy: string,
      random: () => number,
    ): void {
      const id = hazardId;
      hazardId += 1;
      const date = (day: number | null) => (day === null ? null : days.date(day));
      const created = entered(draft.found);
      const lastDay = draft.events[draft.events.length - 1].day;
      const updated = lastDay === draft.found ? created : entered(lastDay);
      let plan: (string | null)[] = [null, null, null, null, null, null];
      let listed: (string | null)[] = [null, null, null, null, null];
      if (draft.major) {
        const funds = draft.fundsWan ?? 10;
        const middle = draft.found + Math.round((draft.originalDeadline - draft.found) / 2);
        plan = [
          `消除“${draft.kind.description}”重大事故隐患，${days.date(draft.deadline)}前完成治理，经复查合格后销号。`,
          `${draft.kind.measure}；治理完成前对${draft.place}采取限制作业、加强巡查等临时管控措施。`,
          `安排治理资金${funds}万元，从企业安全生产费用中列支，所需设备物资由设备部门负责采购到位。`,
          `成立以主要负责人${target.principalName ?? ''}为组长的隐患治理领导小组，安全管理人员${target.responsibleName ?? ''}具体负责，生产、设备部门配合实施。`,
          `${days.date(draft.found)}制定治理方案；${days.date(middle)}前完成主要治理工程；${days.date(draft.deadline)}前完成自查验收并申请复查销号。`,
          `治理期间相关区域设置警戒，无关人员不得进入，落实专人监护；制定现场处置方案，配备应急物资，发生险情立即撤离人员并报告。`,
        ];
        // 挂牌督办 and 交办 a few days after it was found (most of them; the newest may still wait).
        const listedDay = draft.found + intBetween(random, 2, 7);
        if (random() < 0.88 && listedDay <= 0) {
          const year = Number(days.date(listedDay).slice(0, 4));
          const docSeq = (listedNumbers.get(year) ?? 0) + intBetween(random, 1, 3);
          listedNumbers.set(year, docSeq);
          listed = [`${town}安全生产委员会`, `${town}安委〔${year}〕${docSeq}号`, days.date(listedDay), target.supervisingDept ?? `${town}应急管理办公室`, days.date(draft.originalDeadline)];
        }
      }
      insertHazard.run(
        id,
        number,
        inspectionIdOfHazard,
        target.enterpriseId,
        target.idleSiteId,
        source,
        days.date(draft.found),
        draft.place,
        draft.kind.description,
        draft.major ? '重大' : '一般',
        draft.kind.basis,
        days.date(draft.deadline),
        draft.status,
        draft.measures,
        target.responsibleName,
        target.responsiblePhone,
        draft.fundsWan,
        date(draft.rectified),
        draft.rectificationNote,
        date(draft.reinspected),
        draft.reinspector,
        draft.passed === null ? null : draft.passed ? 1 : 0,
        draft.reinspectionNote,
        date(draft.closed),
        draft.extensions,
        orderIdOfHazard,
        ...plan,
        ...listed,
        enteredBy,
        created,
        updated,
      );
      const values: unknown[] = [];
      for (const event of draft.events) {
        const by = event.action === 'reinspect' ? (draft.reinspector ?? enteredBy).split('、')[0] : enteredBy;
        values.push(id, event.action, event.from, event.to, days.date(event.day), event.remark, event.day === draft.found ? created : entered(event.day), by);
      }
      insertEvents(draft.events.length).run(values);
    },
  };
}
