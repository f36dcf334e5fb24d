import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Enterprise } from '../../../shared/api/enterprises';
import type { MajorHazardUnit, Tank } from '../../../shared/api/tanks';
import type { TankStatus } from '../../../shared/domain/tank';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { personWithPhone } from '../enterprises/display';
import { amount, MissingChecks, TankStatusTag } from './display';
import { TankFormModal, type TankDefaults } from './TankForm';
import './tanks.css';

/** The 储罐 tab of 一企一档: the enterprise's tanks and the 重大危险源 identification of its tank farms. */
export function EnterpriseTanks({ enterprise }: { enterprise: Pick<Enterprise, 'id' | 'name' | 'majorHazard'> }) {
  const [version, setVersion] = useState(0);
  const [people, setPeople] = useState<number | null>(null);
  const owner = useMemo<TankDefaults>(() => ({ enterpriseId: enterprise.id, ownerName: enterprise.name }), [enterprise.id, enterprise.name]);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <OwnerTanks owner={owner} onChanged={() => setVersion((value) => value + 1)} />
      {/* Remounted when the enterprise's own 重大危险源 flag is edited, so the “未标记” warning follows it. */}
      <MajorHazardCard key={String(enterprise.majorHazard)} enterpriseId={enterprise.id} version={version} people={people} onPeopleChange={setPeople} />
    </Space>
  );
}

/**
 * The 储罐 tab of an idle site's page: the tanks found there, and 新增储罐 preset to the site. `onChanged` lets the
 * page reload its own tank count after one is added.
 */
export function IdleSiteTanks({ site, onChanged }: { site: { id: number; name: string }; onChanged?: () => void }) {
  const owner = useMemo<TankDefaults>(() => ({ idleSiteId: site.id, ownerName: site.name }), [site.id, site.name]);
  return <OwnerTanks owner={owner} onChanged={onChanged} />;
}

/** One owner's tanks as a compact table, each linked to its page, with 新增储罐 preset to the owner. */
function OwnerTanks({ owner, onChanged }: { owner: TankDefaults; onChanged?: () => void }) {
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const filter = owner.enterpriseId ? { enterpriseId: owner.enterpriseId } : { idleSiteId: owner.idleSiteId };
  const tanks = useApiQuery('tanks.list', { ...filter, ...paging });
  const [adding, setAdding] = useState(false);
  const can = useCan();
  const canWrite = can('tanks.create');
  const listSearch = owner.enterpriseId ? `enterpriseId=${owner.enterpriseId}` : `idleSiteId=${owner.idleSiteId}`;
  const noun = owner.enterpriseId ? '该企业' : '该场所';

  return (
    <div>
      <div className="page-toolbar">
        <Typography.Text type="secondary">
          共 <Typography.Text strong>{tanks.data?.total ?? 0}</Typography.Text> 个储罐
        </Typography.Text>
        <Link to={`/tanks?${listSearch}`}>在储罐列表中查看</Link>
        <span className="spacer" />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            新增储罐
          </Button>
        )}
      </div>
      <Table<Tank>
        rowKey="id"
        size="small"
        loading={tanks.loading}
        dataSource={tanks.data?.items}
        rowClassName={(tank) => (tank.status === '已拆除' ? 'tank-removed' : '')}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: tanks.data?.total,
          hideOnSinglePage: true,
          showTotal: (total) => `共 ${total} 个`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        locale={{ emptyText: tanks.error ? tanks.error.message : canWrite ? `${noun}暂无储罐，点击“新增储罐”登记` : `${noun}暂无储罐` }}
        columns={[
          {
            title: '罐号',
            dataIndex: 'code',
            width: 210,
            render: (code: string, row) => (
              <Space size={4} wrap={false}>
                <Link to={`/tanks/${row.id}`} state={{ listSearch }} className="tank-code">
                  {code}
                </Link>
                <MissingChecks tank={row} />
              </Space>
            ),
          },
          { title: '罐区', dataIndex: 'tankFarm', width: 110, render: (farm: string | null) => farm ?? '未分罐区' },
          { title: '介质', dataIndex: 'medium', width: 110, ellipsis: true },
          { title: '类型', dataIndex: 'type', width: 100 },
          { title: '设计容积', dataIndex: 'designCapacityM3', width: 100, align: 'right', render: (value: number | null) => amount(value, 'm³') },
          { title: '最大储存量', dataIndex: 'maxStoredT', width: 100, align: 'right', render: (value: number | null) => amount(value, 't') },
          { title: '状态', dataIndex: 'status', width: 80, render: (status: TankStatus) => <TankStatusTag status={status} /> },
          { title: '盯靠责任人', key: 'responsible', width: 170, render: (_value, row) => personWithPhone(row.responsibleName, row.responsiblePhone) },
        ]}
      />
      <TankFormModal
        open={adding}
        tank={null}
        defaults={owner}
        onClose={() => setAdding(false)}
        onSaved={() => {
          tanks.reload();
          onChanged?.();
        }}
      />
    </div>
  );
}

const fixed = (value: number | null, digits: number) => (value === null ? '—' : value.toFixed(digits));

/**
 * GB 18218-2018 identification of each tank farm of the enterprise: S = Σq/Q from the tanks' largest stored
 * quantities and the catalogue's critical quantities; with the people within 500 m, α, R and the grade.
 */
function MajorHazardCard(props: { enterpriseId: number; version: number; people: number | null; onPeopleChange: (people: number | null) => void }) {
  const { enterpriseId, version, people, onPeopleChange } = props;
  const units = useApiQuery('tanks.majorHazards', { enterpriseId, ...(people === null ? {} : { peopleWithin500m: people }) });
  const { reload } = units;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const data = units.data ?? [];
  const unmarkedUnit = (unit: MajorHazardUnit) => unit.isMajorHazard && !unit.markedMajorHazard;
  const unmarked = data.some(unmarkedUnit);
  const withoutQ = data.reduce((sum, unit) => sum + unit.tanksWithoutQ, 0);

  return (
    <Card
      size="small"
      title="重大危险源辨识（GB 18218-2018）"
      extra={
        <Space size={6}>
          <label htmlFor="people-within-500m">500 米范围内人数</label>
          <InputNumber<number>
            id="people-within-500m"
            min={0}
            max={1_000_000}
            precision={0}
            size="small"
            style={{ width: 110 }}
            suffix="人"
            placeholder="用于分级"
            value={people}
            onChange={(value) => onPeopleChange(value ?? null)}
          />
        </Space>
      }
    >
      {unmarked && (
        <Alert
          className="major-hazard-alert"
          type="error"
          showIcon
          title="构成重大危险源但企业未标记为重大危险源"
          description="按储罐最大储存量和化学品目录的临界量计算，下列罐区的 S ≥ 1。请核实后在企业“编辑”中标记重大危险源。"
        />
      )}
      <Table<MajorHazardUnit>
        rowKey="tankFarm"
        size="small"
        pagination={false}
        loading={units.loading}
        dataSource={data}
        rowClassName={(unit) => (unmarkedUnit(unit) ? 'major-hazard-unmarked' : '')}
        locale={{ emptyText: units.error ? units.error.message : '没有在用、停用或闲置的储罐，无需辨识' }}
        columns={[
          { title: '罐区（单元）', dataIndex: 'tankFarm', width: 130 },
          { title: '储罐数', dataIndex: 'tankCount', width: 70, align: 'right' },
          { title: 'S = Σq/Q', dataIndex: 'ratioSum', width: 100, align: 'right', render: (value: number) => fixed(value, 3) },
          {
            title: '是否构成',
            dataIndex: 'isMajorHazard',
            width: 150,
            render: (value: boolean) => (value ? <Tag color="red">构成重大危险源</Tag> : <Tag>不构成</Tag>),
          },
          { title: 'α', dataIndex: 'alpha', width: 60, align: 'right', render: (value: number | null) => fixed(value, 1) },
          { title: 'R', dataIndex: 'risk', width: 80, align: 'right', render: (value: number | null) => fixed(value, 2) },
          {
            title: '等级',
            dataIndex: 'grade',
            width: 90,
            render: (grade: MajorHazardUnit['grade'], unit) =>
              grade ? (
                <Tag color="volcano">{grade}</Tag>
              ) : unit.isMajorHazard ? (
                <Typography.Text type="secondary">{people === null ? '填写人数后分级' : '缺少校正系数β'}</Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            title: '说明',
            key: 'note',
            render: (_value, unit) =>
              unit.tanksWithoutQ > 0 ? (
                <Typography.Text type="warning">{unit.tanksWithoutQ} 个储罐的介质无临界量或未填最大储存量，未计入 S</Typography.Text>
              ) : null,
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        q 取各储罐最大储存量（t），Q、β 取自化学品目录；已清空、已拆除的储罐不计。R = α·Σβq/Q：一级 R≥100，二级 50≤R&lt;100，三级
        10≤R&lt;50，四级 R&lt;10。{withoutQ > 0 && '介质未关联化学品目录的储罐请在储罐中选择目录化学品。'}
      </Typography.Paragraph>
    </Card>
  );
}
