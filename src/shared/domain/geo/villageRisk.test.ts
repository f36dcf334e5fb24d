import { describe, expect, it } from 'vitest';
import { villageRiskLevel, villageRiskRuleText, villageRiskScore, type VillageRiskCounts } from './villageRisk';

const none: VillageRiskCounts = {
  redEnterprises: 0,
  orangeEnterprises: 0,
  yellowEnterprises: 0,
  blueEnterprises: 0,
  openMajorHazards: 0,
  openGeneralHazards: 0,
  tanksInUse: 0,
};

describe('villageRiskScore', () => {
  it('is 0 for a village with nothing', () => {
    expect(villageRiskScore(none)).toBe(0);
  });

  it('weighs each factor on its own: 10 / 5 / 2 / 1 per enterprise, 10 per major and 1 per general hazard, 1 per tank', () => {
    expect(villageRiskScore({ ...none, redEnterprises: 1 })).toBe(10);
    expect(villageRiskScore({ ...none, orangeEnterprises: 1 })).toBe(5);
    expect(villageRiskScore({ ...none, yellowEnterprises: 1 })).toBe(2);
    expect(villageRiskScore({ ...none, blueEnterprises: 1 })).toBe(1);
    expect(villageRiskScore({ ...none, openMajorHazards: 1 })).toBe(10);
    expect(villageRiskScore({ ...none, openGeneralHazards: 1 })).toBe(1);
    expect(villageRiskScore({ ...none, tanksInUse: 1 })).toBe(1);
  });

  it('adds count × weight over every factor', () => {
    // 2×10 + 3×5 + 4×2 + 5×1 + 1×10 + 6×1 + 7×1 = 20 + 15 + 8 + 5 + 10 + 6 + 7 = 71
    const counts = { redEnterprises: 2, orangeEnterprises: 3, yellowEnterprises: 4, blueEnterprises: 5, openMajorHazards: 1, openGeneralHazards: 6, tanksInUse: 7 };
    expect(villageRiskScore(counts)).toBe(71);
  });
});

describe('villageRiskLevel', () => {
  it('reads the score against the highest: red from 75 %, orange from 50 %, yellow from 25 %, else blue', () => {
    expect(villageRiskLevel(100, 100)).toBe('red');
    expect(villageRiskLevel(75, 100)).toBe('red');
    expect(villageRiskLevel(74.9, 100)).toBe('orange');
    expect(villageRiskLevel(50, 100)).toBe('orange');
    expect(villageRiskLevel(49.9, 100)).toBe('yellow');
    expect(villageRiskLevel(25, 100)).toBe('yellow');
    expect(villageRiskLevel(24.9, 100)).toBe('blue');
    expect(villageRiskLevel(1, 100)).toBe('blue');
  });

  it('hits the thresholds exactly with whole scores of an odd highest', () => {
    // 30 / 40 = 0.75, 20 / 40 = 0.5, 10 / 40 = 0.25; one point less falls a level.
    expect(villageRiskLevel(30, 40)).toBe('red');
    expect(villageRiskLevel(29, 40)).toBe('orange');
    expect(villageRiskLevel(20, 40)).toBe('orange');
    expect(villageRiskLevel(19, 40)).toBe('yellow');
    expect(villageRiskLevel(10, 40)).toBe('yellow');
    expect(villageRiskLevel(9, 40)).toBe('blue');
  });

  it('gives blue to a score of 0, even when the highest is 0 too', () => {
    expect(villageRiskLevel(0, 40)).toBe('blue');
    expect(villageRiskLevel(0, 0)).toBe('blue');
  });

  it('gives red to the only scoring village (its score is the highest)', () => {
    expect(villageRiskLevel(1, 1)).toBe('red');
  });
});

describe('villageRiskRuleText', () => {
  it('names every factor with its weight and every threshold', () => {
    const text = villageRiskRuleText();
    for (const term of [
      '红色（重大风险）企业×10',
      '橙色（较大风险）企业×5',
      '黄色（一般风险）企业×2',
      '蓝色（低风险）企业×1',
      '未销号重大隐患×10',
      '未销号一般隐患×1',
      '在用储罐×1',
      '红 ≥ 75%',
      '橙 ≥ 50%',
      '黄 ≥ 25%',
    ]) {
      expect(text).toContain(term);
    }
    expect(text).toContain('蓝');
  });
});
