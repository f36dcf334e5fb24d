import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { FilingFilters } from '../../../shared/api/filings';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { FilingTable } from './FilingTable';

/**
 * The filings of one enterprise (its profile's 特殊作业 tab) or the works that touched one tank (the tank's
 * 作业记录 tab), newest first, with a link to the register filtered the same way.
 */
export function RelatedFilings({ filter, showEnterprise = false }: { filter: Pick<FilingFilters, 'enterpriseId' | 'tankId'>; showEnterprise?: boolean }) {
  const [page, setPage] = useState(1);
  const list = useApiQuery('filings.list', { ...filter, page, pageSize: 10, sortField: 'plannedStart', sortOrder: 'descend' });
  const can = useCan();
  const navigate = useNavigate();
  const registerLink = `/filings/list?${new URLSearchParams(Object.entries(filter).map(([key, value]) => [key, String(value)])).toString()}`;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space>
        <Typography.Text type="secondary">共 {list.data?.total ?? 0} 项报备</Typography.Text>
        <Link to={registerLink}>在登记台账中查看</Link>
        {filter.enterpriseId && can('filings.create') && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => navigate(`/filings/new?enterpriseId=${filter.enterpriseId}`)}>
            新增报备
          </Button>
        )}
      </Space>
      <FilingTable
        showEnterprise={showEnterprise}
        dataSource={list.data?.items}
        loading={list.loading}
        pagination={{ current: page, pageSize: 10, total: list.data?.total, onChange: setPage, showSizeChanger: false }}
      />
    </Space>
  );
}
