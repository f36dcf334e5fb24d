/**
 * How the demo town's enterprises spread over 行业领域, and what each industry looks like: its share, its
 * risk colours (危化/化工 far riskier than 工贸), its standardization levels, its supervising department and
 * the shapes its names take. Shares are relative weights; risk and standardization give one probability per level.
 * Tuned so the whole town comes out ≈ 65% blue, 25% yellow, 8% orange, 2% red, as graded towns report.
 */
import type { Industry } from '../../../shared/domain/enterprise';
import type { UsccKind } from './names';

export interface NameForm {
  /** Trade words between the 字号 and the suffix; '' where the suffix says it all (加油站). */
  products: readonly string[];
  suffix: string;
  kind: UsccKind;
  weight: number;
  /** Head count: median and log-normal sigma. */
  employees: readonly [median: number, sigma: number];
  /** Chance of being a 重大危险源 (only firms that store enough to reach GB 18218 thresholds). */
  majorHazard?: number;
}

export interface IndustryProfile {
  industry: Industry;
  share: number;
  /** Probabilities of red, orange and yellow; the rest is blue. */
  risk: readonly [red: number, orange: number, yellow: number];
  /** Probabilities of 一级, 二级 and 三级; the rest is 未定级. */
  standardization: readonly [first: number, second: number, third: number];
  supervisingDept: string;
  forms: readonly NameForm[];
}

const emergency = '示例镇应急管理办公室';
const housing = '示例镇住房和城乡建设办公室';
const transport = '示例镇交通运输管理所';
const market = '示例镇市场监督管理所';

const chemicalStandardization = [0.03, 0.25, 0.55] as const;
const tradeStandardization = [0.005, 0.05, 0.25] as const;

/** Most 工贸 firms are limited companies, some are plain 厂 (smaller, often family-run). */
function tradeForms(products: readonly string[], median: number): NameForm[] {
  return [
    { products, suffix: '有限公司', kind: '91', weight: 7, employees: [median, 1.0] },
    { products, suffix: '厂', kind: '91', weight: 3, employees: [Math.round(median / 2), 0.9] },
  ];
}

export const industryProfiles: readonly IndustryProfile[] = [
  {
    industry: '工贸-轻工',
    share: 20,
    risk: [0.005, 0.04, 0.2],
    standardization: tradeStandardization,
    supervisingDept: emergency,
    forms: tradeForms(['塑胶制品', '纸品包装', '家具', '鞋业', '电子', '玩具', '灯饰', '印刷', '食品', '礼品', '皮具', '日用制品'], 40),
  },
  {
    industry: '工贸-机械',
    share: 14,
    risk: [0.01, 0.05, 0.25],
    standardization: tradeStandardization,
    supervisingDept: emergency,
    forms: tradeForms(['五金制品', '精密机械', '模具', '机电设备', '汽车配件', '电器', '自动化设备', '精密五金'], 35),
  },
  {
    industry: '工贸-纺织',
    share: 9,
    risk: [0.005, 0.04, 0.22],
    standardization: tradeStandardization,
    supervisingDept: emergency,
    forms: tradeForms(['制衣', '纺织', '针织', '服装', '织造', '印染', '毛织'], 60),
  },
  {
    industry: '工贸-建材',
    share: 6,
    risk: [0.015, 0.08, 0.3],
    standardization: tradeStandardization,
    supervisingDept: emergency,
    forms: tradeForms(['建材', '混凝土', '陶瓷', '石材', '玻璃制品', '新型墙体材料', '管桩'], 30),
  },
  {
    industry: '工贸-冶金',
    share: 3,
    risk: [0.04, 0.14, 0.35],
    standardization: tradeStandardization,
    supervisingDept: emergency,
    forms: tradeForms(['钢铁', '铸造', '金属材料', '钢结构', '不锈钢制品'], 60),
  },
  {
    industry: '工贸-有色',
    share: 3,
    risk: [0.04, 0.14, 0.35],
    standardization: tradeStandardization,
    supervisingDept: emergency,
    forms: tradeForms(['铝业', '铜材', '有色金属', '压铸', '铝型材', '金属表面处理'], 50),
  },
  {
    industry: '其他',
    share: 13,
    risk: [0, 0.02, 0.15],
    standardization: [0, 0.01, 0.05],
    supervisingDept: market,
    forms: [
      { products: ['商贸', '物业管理', '餐饮管理', '酒店管理', '仓储', '电子商务', '贸易'], suffix: '有限公司', kind: '91', weight: 6, employees: [12, 1.0] },
      { products: [''], suffix: '建材店', kind: '92', weight: 2, employees: [3, 0.5] },
      { products: [''], suffix: '五金店', kind: '92', weight: 2, employees: [3, 0.5] },
      { products: [''], suffix: '超市', kind: '92', weight: 2, employees: [6, 0.6] },
      { products: ['农机', '蔬菜种植', '水产养殖', '花卉苗木'], suffix: '专业合作社', kind: '93', weight: 1, employees: [8, 0.6] },
    ],
  },
  {
    industry: '建筑施工',
    share: 8,
    risk: [0.02, 0.1, 0.3],
    standardization: [0, 0.05, 0.3],
    supervisingDept: housing,
    forms: [
      {
        products: ['建筑工程', '建设工程', '装饰工程', '市政工程', '机电安装工程', '钢结构工程', '园林绿化工程'],
        suffix: '有限公司',
        kind: '91',
        weight: 1,
        employees: [60, 1.0],
      },
    ],
  },
  {
    industry: '交通运输',
    share: 7,
    risk: [0.01, 0.06, 0.25],
    standardization: [0, 0.05, 0.3],
    supervisingDept: transport,
    forms: [{ products: ['物流', '运输', '货运', '汽车运输', '供应链', '客运'], suffix: '有限公司', kind: '91', weight: 1, employees: [30, 1.0] }],
  },
  {
    industry: '危化经营(带储存)',
    share: 5,
    risk: [0.06, 0.22, 0.42],
    standardization: chemicalStandardization,
    supervisingDept: emergency,
    forms: [
      { products: ['石油化工', '化工贸易', '化工原料', '油品贸易', '石化'], suffix: '有限公司', kind: '91', weight: 5, employees: [10, 0.7], majorHazard: 0.1 },
      { products: [''], suffix: '加油站', kind: '91', weight: 4, employees: [12, 0.3] },
      { products: ['化工原料'], suffix: '经营部', kind: '92', weight: 1, employees: [4, 0.4] },
    ],
  },
  {
    industry: '化工',
    share: 4,
    risk: [0.08, 0.22, 0.42],
    standardization: chemicalStandardization,
    supervisingDept: emergency,
    forms: [
      {
        products: ['化工', '涂料', '胶粘剂', '油墨', '新材料', '日用化工', '树脂', '表面处理剂'],
        suffix: '有限公司',
        kind: '91',
        weight: 1,
        employees: [45, 0.9],
        majorHazard: 0.08,
      },
    ],
  },
  {
    industry: '燃气',
    share: 2.5,
    risk: [0.06, 0.2, 0.4],
    standardization: [0, 0.15, 0.5],
    supervisingDept: housing,
    forms: [
      { products: ['燃气', '液化石油气', '能源'], suffix: '有限公司', kind: '91', weight: 5, employees: [20, 0.8], majorHazard: 0.15 },
      { products: [''], suffix: '液化气站', kind: '91', weight: 3, employees: [6, 0.4] },
    ],
  },
  {
    industry: '医药',
    share: 1.5,
    risk: [0.03, 0.12, 0.4],
    standardization: chemicalStandardization,
    supervisingDept: market,
    forms: [{ products: ['医药', '药业', '生物科技', '制药', '医疗器械'], suffix: '有限公司', kind: '91', weight: 1, employees: [80, 0.9], majorHazard: 0.02 }],
  },
  {
    industry: '危化生产',
    share: 1.5,
    risk: [0.15, 0.3, 0.4],
    standardization: chemicalStandardization,
    supervisingDept: emergency,
    forms: [
      { products: ['化学', '气体', '化工', '涂料', '溶剂', '工业气体'], suffix: '有限公司', kind: '91', weight: 1, employees: [70, 0.8], majorHazard: 0.25 },
    ],
  },
  {
    industry: '烟花爆竹',
    share: 1.5,
    risk: [0.03, 0.15, 0.4],
    standardization: [0, 0, 0.3],
    supervisingDept: emergency,
    forms: [
      { products: [''], suffix: '烟花爆竹零售点', kind: '92', weight: 1, employees: [2, 0.4] },
      { products: ['烟花爆竹'], suffix: '经营部', kind: '92', weight: 1, employees: [3, 0.4] },
    ],
  },
  {
    industry: '矿山',
    share: 0.3,
    risk: [0.15, 0.3, 0.4],
    standardization: [0, 0.2, 0.6],
    supervisingDept: emergency,
    forms: [
      { products: [''], suffix: '石场', kind: '91', weight: 1, employees: [30, 0.6] },
      { products: ['矿业'], suffix: '有限公司', kind: '91', weight: 1, employees: [40, 0.6] },
    ],
  },
];

/** What a demo unit faces, by industry (a 加油站 apart from other 危化经营): one grouping for its plans and its hazards. */
export type DemoUnitGroup = 'gasStation' | 'chemical' | 'gas' | 'fireworks' | 'mine' | 'metallurgy' | 'dusty' | 'construction' | 'transport' | 'crowded' | 'trade';

export function demoUnitGroup(industry: Industry, name: string): DemoUnitGroup {
  switch (industry) {
    case '危化经营(带储存)':
      return name.endsWith('加油站') ? 'gasStation' : 'chemical';
    case '危化生产':
    case '化工':
    case '医药':
      return 'chemical';
    case '燃气':
      return 'gas';
    case '烟花爆竹':
      return 'fireworks';
    case '矿山':
      return 'mine';
    case '工贸-冶金':
    case '工贸-有色':
      return 'metallurgy';
    case '工贸-机械':
    case '工贸-轻工':
    case '工贸-纺织':
      return 'dusty';
    case '建筑施工':
      return 'construction';
    case '交通运输':
      return 'transport';
    case '其他':
      return 'crowded';
    default:
      return 'trade';
  }
}
