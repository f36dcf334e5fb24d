import { ArrowLeftOutlined, EditOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Space, Spin, Tabs, Timeline, Typography, type DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { Tank } from '../../../shared/api/tanks';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { loadedRecord } from '../../components/recordPlaceholder';
import { useUrlTab } from '../../components/useUrlTab';
import { AttachmentsPanel } from '../../components/AttachmentsPanel';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { AuditHistory } from '../../components/AuditHistory';
import { personWithPhone } from '../enterprises/display';
import { RelatedFilings } from '../filings/RelatedFilings';
import { amount, MissingChecks, ownerPath, TankCategoryTag, TankStatusTag } from './display';
import { formatTankValue, tankFieldLabels, tankHiddenAuditFields } from './fieldLabels';
import { lastTankListSearchKey } from './listParams';
import { AssignResponsibleModal, ChangeStatusModal } from './TankBulkModals';
import { TankFormModal } from './TankForm';

const tabKeys = ['basic', 'status', 'filings', 'attachments', 'history'] as const;

/** One tank: its facts, its 状态变更记录, the special works that touched it, 附件 and 变更记录. */
export function TankDetail() {
  const id = Number(useParams().id);
  const validId = Number.isInteger(id) && id > 0;
  const tank = useApiQuery('tanks.get', validId ? { id } : null);
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const can = useCan();
  const canWrite = can('tanks.update');
  const [dialog, setDialog] = useState<'edit' | 'status' | 'responsible' | null>(null);

  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch ?? sessionStorage.getItem(lastTankListSearchKey) ?? '';
  const backTo = `/tanks${listSearch ? `?${listSearch}` : ''}`;
  const [tab, setTab] = useUrlTab(tabKeys);
  const backLink = (
    <Link to={backTo}>
      <ArrowLeftOutlined /> 返回储罐列表
    </Link>
  );

  const loaded = loadedRecord(tank, id, { notFound: '未找到该储罐', invalidId: '地址中的储罐编号无效', backLink });
  if (!loaded.data) return loaded.placeholder;
  const data = loaded.data;

  async function remove(target: Tank) {
    try {
      await callApi('tanks.delete', { id: target.id });
      message.success(`已删除储罐「${target.ownerName} ${target.code}」，可在回收站恢复`);
      navigate(backTo);
    } catch (error) {
      message.error((error as Error).message);
    }
  }

  const keyFacts: DescriptionsProps['items'] = [
    {
      key: 'owner',
      label: data.ownerKind === 'enterprise' ? '所属企业' : '所属四闲场所',
      children: <Link to={ownerPath(data)}>{data.ownerName}</Link>,
    },
    { key: 'village', label: '所属村/社区', children: data.villageName },
    { key: 'farm', label: '罐区', children: data.tankFarm ?? '未分罐区' },
    { key: 'medium', label: '介质', children: data.medium ?? '—' },
    { key: 'stored', label: '最大储存量', children: amount(data.maxStoredT, 't') },
    { key: 'responsible', label: '盯靠责任人', children: personWithPhone(data.responsibleName, data.responsiblePhone) },
    { key: 'label', label: '公开标识', children: data.publicLabel ? '已公开标识' : '未公开标识' },
    { key: 'check', label: '最近检查', children: data.lastCheckOn ?? '—' },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {backLink}
      <Card variant="borderless" className="tank-header">
        <div className="tank-header-top">
          <div style={{ minWidth: 0 }}>
            <Space size={8} wrap align="center">
              <Typography.Title level={4} style={{ margin: 0 }}>
                储罐 {data.code}
              </Typography.Title>
              <TankCategoryTag category={data.category} />
              <TankStatusTag status={data.status} />
              <MissingChecks tank={data} />
            </Space>
          </div>
          {canWrite && (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                编辑
              </Button>
              <Button icon={<SwapOutlined />} onClick={() => setDialog('status')}>
                变更状态
              </Button>
              <Button icon={<UserAddOutlined />} onClick={() => setDialog('responsible')}>
                指定盯靠责任人
              </Button>
              <ConfirmDeleteButton title={`删除储罐「${data.code}」？`} description="删除后可在回收站恢复；若只是不再使用，请用“变更状态”。" onConfirm={() => remove(data)} />
            </Space>
          )}
        </div>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={keyFacts} style={{ marginTop: 16 }} />
      </Card>
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'basic', label: '基本信息', children: <TankFacts tank={data} /> },
            // Remounted after every change so a new entry shows without a manual refresh.
            { key: 'status', label: '状态变更记录', children: <StatusTimeline key={data.updatedAt} tankId={data.id} /> },
            ...(data.ownerKind === 'enterprise'
              ? [{ key: 'filings', label: '作业记录', children: <RelatedFilings filter={{ tankId: data.id }} /> }]
              : []),
            { key: 'attachments', label: '附件', children: <AttachmentsPanel entity="tank" entityId={data.id} /> },
            {
              key: 'history',
              label: '变更记录',
              children: (
                <AuditHistory
                  key={data.updatedAt}
                  entity="tank"
                  entityId={data.id}
                  labels={tankFieldLabels}
                  hiddenFields={tankHiddenAuditFields}
                  formatValue={formatTankValue}
                />
              ),
            },
          ]}
        />
      </Card>
      <TankFormModal open={dialog === 'edit'} tank={data} onClose={() => setDialog(null)} onSaved={() => tank.reload()} />
      <ChangeStatusModal open={dialog === 'status'} tanks={[data]} onClose={() => setDialog(null)} onDone={() => tank.reload()} />
      <AssignResponsibleModal open={dialog === 'responsible'} tanks={[data]} onClose={() => setDialog(null)} onDone={() => tank.reload()} />
    </Space>
  );
}

function TankFacts({ tank: t }: { tank: Tank }) {
  const text = (value: string | null) => value ?? '—';
  const items: DescriptionsProps['items'] = [
    { key: 'code', label: '罐号', children: t.code },
    { key: 'owner', label: '所属单位', children: <Link to={ownerPath(t)}>{t.ownerName}</Link>, span: 2 },
    { key: 'category', label: '储罐类别', children: t.category },
    { key: 'village', label: '所属村/社区', children: t.villageName },
    { key: 'farm', label: '罐区', children: text(t.tankFarm) },
    { key: 'medium', label: '介质', children: text(t.medium) },
    { key: 'cas', label: 'CAS号', children: <span className="cas">{text(t.cas)}</span> },
    { key: 'chemical', label: '化学品目录', children: t.chemicalName ?? '未关联（不计入重大危险源辨识）' },
    { key: 'capacity', label: '设计容积', children: amount(t.designCapacityM3, 'm³') },
    { key: 'stored', label: '最大储存量', children: amount(t.maxStoredT, 't') },
    { key: 'type', label: '储罐类型', children: t.type },
    { key: 'material', label: '材质', children: text(t.material) },
    { key: 'pressure', label: '压力等级', children: t.pressureClass },
    { key: 'status', label: '状态', children: <TankStatusTag status={t.status} /> },
    { key: 'label', label: '公开标识', children: t.publicLabel ? '已公开标识' : '未公开标识' },
    { key: 'responsible', label: '盯靠责任人', children: text(t.responsibleName) },
    { key: 'phone', label: '责任人电话', children: text(t.responsiblePhone) },
    { key: 'check', label: '最近检查日期', children: text(t.lastCheckOn) },
    { key: 'registered', label: '登记日期', children: t.registeredOn },
    {
      key: 'location',
      label: '经纬度',
      children: t.longitude === null || t.latitude === null ? '—' : `${t.longitude.toFixed(6)}, ${t.latitude.toFixed(6)}`,
    },
    { key: 'created', label: '建档时间', children: dayjs(t.createdAt).format('YYYY-MM-DD HH:mm') },
    { key: 'updated', label: '最后修改', children: dayjs(t.updatedAt).format('YYYY-MM-DD HH:mm') },
    { key: 'notes', label: '备注', children: <span style={{ whiteSpace: 'pre-wrap' }}>{text(t.notes)}</span>, span: 'filled' },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} styles={{ label: { width: 130, whiteSpace: 'nowrap' } }} />;
}

/** Every status the tank has had, newest first: the date it changed, from → to, why, and who recorded it. */
function StatusTimeline({ tankId }: { tankId: number }) {
  const history = useApiQuery('tanks.statusHistory', { id: tankId });
  if (history.error) return <Typography.Text type="danger">{history.error.message}</Typography.Text>;
  if (!history.data) return <Spin />;
  if (history.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无状态变更记录" />;
  return (
    <Timeline
      className="tank-status-timeline"
      // The dates take a narrow column on the left; the changes and reasons get the rest of the width.
      titleSpan="110px"
      items={history.data.map((change) => ({
        key: change.id,
        color: change.toStatus === '已拆除' ? 'gray' : change.toStatus === '在用' ? 'green' : 'blue',
        title: change.changedOn,
        content: (
          <div className="tank-status-change">
            <Space size={6} wrap>
              {change.fromStatus ? (
                <>
                  <TankStatusTag status={change.fromStatus} />
                  <Typography.Text type="secondary">→</Typography.Text>
                </>
              ) : (
                <Typography.Text type="secondary">登记为</Typography.Text>
              )}
              <TankStatusTag status={change.toStatus} />
              <Typography.Text>{change.reason ?? ''}</Typography.Text>
            </Space>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {change.createdBy} 记录于 {dayjs(change.createdAt).format('YYYY-MM-DD HH:mm')}
              </Typography.Text>
            </div>
          </div>
        ),
      }))}
    />
  );
}
