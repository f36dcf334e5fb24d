import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tabs, Tag, Typography, type DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { Enterprise } from '../../../shared/api/enterprises';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { loadedRecord } from '../../components/recordPlaceholder';
import { useUrlTab } from '../../components/useUrlTab';
import { AttachmentsPanel } from '../../components/AttachmentsPanel';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { AuditHistory } from '../../components/AuditHistory';
import { RelatedFilings } from '../filings/RelatedFilings';
import { RelatedHazards } from '../hazards/RelatedHazards';
import { RelatedPlans } from '../plans/RelatedPlans';
import { EnterpriseTanks } from '../tanks/OwnerTanks';
import { formatCount, personWithPhone, RiskTag, StatusTag } from './display';
import { EnterpriseFormModal } from './EnterpriseForm';
import { lastListSearchKey } from './EnterpriseList';
import { enterpriseFieldLabels, enterpriseHiddenAuditFields, formatEnterpriseValue } from './fieldLabels';
import { useDeleteEnterprise } from './useDeleteEnterprise';

const tabKeys = ['basic', 'tanks', 'filings', 'plans', 'hazards', 'attachments', 'history'] as const;

/** 一企一档: one enterprise's header card and tabs for everything recorded about it. */
export function EnterpriseProfile() {
  const id = Number(useParams().id);
  const validId = Number.isInteger(id) && id > 0;
  const enterprise = useApiQuery('enterprises.get', validId ? { id } : null);
  const location = useLocation();
  const navigate = useNavigate();
  const can = useCan();
  const canWrite = can('enterprises.update');
  const deleteEnterprise = useDeleteEnterprise();
  const [editing, setEditing] = useState(false);

  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch ?? sessionStorage.getItem(lastListSearchKey) ?? '';
  const backTo = `/enterprises${listSearch ? `?${listSearch}` : ''}`;
  const [tab, setTab] = useUrlTab(tabKeys);

  const backLink = (
    <Link to={backTo}>
      <ArrowLeftOutlined /> 返回企业列表
    </Link>
  );

  const loaded = loadedRecord(enterprise, id, { notFound: '未找到该企业', invalidId: '地址中的企业编号无效', backLink });
  if (!loaded.data) return loaded.placeholder;
  const data = loaded.data;

  async function remove(target: Enterprise) {
    if (await deleteEnterprise(target)) navigate(backTo);
  }

  const keyFacts: DescriptionsProps['items'] = [
    { key: 'village', label: '所属村/社区', children: data.villageName },
    { key: 'industry', label: '行业领域', children: data.industry },
    { key: 'principal', label: '主要负责人', children: personWithPhone(data.principalName, data.principalPhone) },
    { key: 'safety', label: '安全管理人员', children: personWithPhone(data.safetyManagerName, data.safetyManagerPhone) },
    { key: 'employees', label: '从业人员', children: data.employees === null ? '—' : `${formatCount(data.employees)} 人` },
    { key: 'grid', label: '网格员', children: data.gridWorkerName ?? '未指定' },
    { key: 'standardization', label: '标准化等级', children: data.standardization },
    { key: 'dept', label: '行业主管部门', children: data.supervisingDept ?? '—' },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {backLink}
      <Card variant="borderless" className="enterprise-header">
        <div className="enterprise-header-top">
          <div style={{ minWidth: 0 }}>
            <Space size={8} wrap align="center">
              <Typography.Title level={4} style={{ margin: 0 }}>
                {data.name}
              </Typography.Title>
              <RiskTag level={data.riskLevel} />
              <StatusTag status={data.status} />
              {data.keySupervised && <Tag color="volcano">重点监管</Tag>}
              {data.majorHazard && <Tag color="purple">重大危险源</Tag>}
            </Space>
            <div style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">统一社会信用代码：</Typography.Text>
              <Typography.Text copyable={{ tooltips: ['复制', '已复制'] }} className="uscc">
                {data.uscc}
              </Typography.Text>
            </div>
          </div>
          {canWrite && (
            <Space>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>
              <ConfirmDeleteButton title={`删除「${data.name}」？`} description="删除后可在回收站恢复。" onConfirm={() => remove(data)} />
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
            { key: 'basic', label: '基本信息', children: <BasicInfo enterprise={data} /> },
            { key: 'tanks', label: '储罐', children: <EnterpriseTanks enterprise={data} /> },
            { key: 'filings', label: '特殊作业', children: <RelatedFilings filter={{ enterpriseId: data.id }} /> },
            { key: 'plans', label: '应急预案与演练', children: <RelatedPlans enterpriseId={data.id} /> },
            { key: 'hazards', label: '隐患与检查', children: <RelatedHazards enterpriseId={data.id} name={data.name} /> },
            { key: 'attachments', label: '附件', children: <AttachmentsPanel entity="enterprise" entityId={data.id} /> },
            {
              key: 'history',
              label: '变更记录',
              children: (
                // Remounted after every save so the new entry shows without a manual refresh.
                <AuditHistory
                  key={data.updatedAt}
                  entity="enterprise"
                  entityId={data.id}
                  labels={enterpriseFieldLabels}
                  hiddenFields={enterpriseHiddenAuditFields}
                  formatValue={formatEnterpriseValue}
                />
              ),
            },
          ]}
        />
      </Card>
      <EnterpriseFormModal
        open={editing}
        enterprise={data}
        onClose={() => setEditing(false)}
        onSaved={() => enterprise.reload()}
      />
    </Space>
  );
}

function BasicInfo({ enterprise: e }: { enterprise: Enterprise }) {
  const text = (value: string | null) => value ?? '—';
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '企业名称', children: e.name, span: 2 },
    { key: 'uscc', label: '统一社会信用代码', children: <span className="uscc">{e.uscc}</span> },
    { key: 'industry', label: '行业领域', children: e.industry },
    { key: 'address', label: '地址', children: text(e.address), span: 2 },
    { key: 'dept', label: '行业主管部门', children: text(e.supervisingDept) },
    { key: 'status', label: '经营状态', children: e.status },
    { key: 'risk', label: '风险等级', children: <RiskTag level={e.riskLevel} /> },
    { key: 'standardization', label: '安全生产标准化等级', children: e.standardization },
    { key: 'keySupervised', label: '重点监管', children: e.keySupervised ? '是' : '否' },
    { key: 'majorHazard', label: '重大危险源', children: e.majorHazard ? '有' : '无' },
    { key: 'principal', label: '主要负责人', children: text(e.principalName) },
    { key: 'principalPhone', label: '主要负责人电话', children: text(e.principalPhone) },
    { key: 'safety', label: '安全管理人员', children: text(e.safetyManagerName) },
    { key: 'safetyPhone', label: '安全管理人员电话', children: text(e.safetyManagerPhone) },
    { key: 'employees', label: '从业人员数', children: e.employees === null ? '—' : `${formatCount(e.employees)} 人` },
    { key: 'village', label: '所属村/社区', children: e.villageName },
    { key: 'grid', label: '网格员', children: text(e.gridWorkerName) },
    {
      key: 'location',
      label: '经纬度',
      children: e.longitude === null || e.latitude === null ? '—' : `${e.longitude.toFixed(6)}, ${e.latitude.toFixed(6)}`,
    },
    { key: 'created', label: '建档时间', children: dayjs(e.createdAt).format('YYYY-MM-DD HH:mm') },
    { key: 'updated', label: '最后修改', children: dayjs(e.updatedAt).format('YYYY-MM-DD HH:mm') },
    { key: 'notes', label: '备注', children: <span style={{ whiteSpace: 'pre-wrap' }}>{text(e.notes)}</span>, span: 'filled' },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} styles={{ label: { width: 170, whiteSpace: 'nowrap' } }} />;
}
