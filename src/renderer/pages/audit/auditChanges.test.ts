import { describe, expect, it } from 'vitest';
import { changeLines, hasMoreDetail, lineText, summarize } from './auditChanges';

describe('audit change lines', () => {
  it('shows a new record as its values, an update as old → new', () => {
    const created = changeLines({
      entity: 'village',
      action: 'create',
      changes: [
        { field: 'name', before: null, after: '东山村' },
        { field: 'notes', before: '', after: '' },
      ],
    });
    expect(created.map((line) => lineText(line))).toEqual(['名称：东山村']);
    const updated = changeLines({
      entity: 'village',
      action: 'update',
      changes: [
        { field: 'name', before: '东山村', after: '东山新村' },
        { field: 'contactPhone', before: null, after: '13800138000' },
      ],
    });
    expect(updated.map((line) => lineText(line))).toEqual(['名称：东山村 → 东山新村', '联系电话：空 → 13800138000']);
  });

  it('speaks the office’s words for users: roles, 停用/启用, password resets, unlocks', () => {
    const lines = changeLines({
      entity: 'user',
      action: 'update',
      changes: [
        { field: 'role', before: 'staff', after: 'admin' },
        { field: 'disabled', before: false, after: true },
        { field: 'password', before: null, after: '管理员重置' },
        { field: 'lockedUntil', before: '2025-03-01T02:15:00.000Z', after: null },
      ],
    });
    expect(lines.map((line) => lineText(line))).toEqual(['角色：工作人员 → 管理员', '状态：启用 → 停用', '密码：管理员重置', '锁定：已解锁']);
  });

  it('drops an id whose name changed beside it, and joins lists', () => {
    const lines = changeLines({
      entity: 'enterprise',
      action: 'update',
      changes: [
        { field: 'villageId', before: 1, after: 2 },
        { field: 'villageName', before: '东山村', after: '西岭村' },
        { field: 'keySupervised', before: false, after: true },
      ],
    });
    expect(lines.map((line) => lineText(line))).toEqual(['所属村/社区：东山村 → 西岭村', '重点监管：否 → 是']);
    const risk = changeLines({ entity: 'enterprise', action: 'update', changes: [{ field: 'riskLevel', before: 'blue', after: 'red' }] });
    expect(lineText(risk[0])).toBe('风险等级：低风险（蓝） → 重大风险（红）');
    const worker = changeLines({ entity: 'gridWorker', action: 'create', changes: [{ field: 'villageNames', before: null, after: ['东山村', '西岭村'] }] });
    expect(lineText(worker[0])).toBe('负责村/社区：东山村、西岭村');
  });

  it('summarizes at most three changes, then 等 N 项 counting all; long values are clipped in the cell only', () => {
    const changes = ['name', 'code', 'population', 'households', 'notes'].map((field, index) => ({ field, before: index, after: index + 1 }));
    const lines = changeLines({ entity: 'village', action: 'update', changes });
    expect(summarize(lines)).toEqual({ shown: ['名称：0 → 1', '区划代码：1 → 2', '人口：2 → 3'], total: '等 5 项' });
    expect(hasMoreDetail(lines)).toBe(true);

    const long = changeLines({ entity: 'village', action: 'update', changes: [{ field: 'notes', before: null, after: '备'.repeat(40) }] });
    expect(summarize(long).shown[0]).toBe(`备注：空 → ${'备'.repeat(24)}…`);
    expect(summarize(long).total).toBeNull();
    expect(hasMoreDetail(long)).toBe(true);
    expect(hasMoreDetail(changeLines({ entity: 'village', action: 'update', changes: [{ field: 'name', before: 'a', after: 'b' }] }))).toBe(false);
  });
});
