import { Alert, Button, Card, Col, DatePicker, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import type { FilingBoard as Board } from '../../../shared/api/filings';
import { filingStatuses, specialWorkKinds } from '../../../shared/domain/specialWork';
import { useApiQuery } from '../../api/useApi';
import { FilingTable } from './FilingTable';

const weekdays = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** 今日作业: at a glance, what runs today and tomorrow, where, and whether each was properly approved. */
export function FilingBoard() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('date');
  const date = raw && dayjs(raw, 'YYYY-MM-DD', true).isValid() ? raw : undefined;
  const board = useApiQuery('filings.board', date ? { date } : {});
  const data = board.data;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} className="filing-board">
      <Space wrap>
        <DatePicker
          aria-label="查看日期"
          allowClear
          placeholder="今天"
          value={date ? dayjs(date) : null}
          onChange={(value) => setParams(value ? { date: value.format('YYYY-MM-DD') } : {}, { replace: true })}
        />
        {date && (
          <Button type="link" onClick={() => setParams({}, { replace: true })}>
            回到今天
          </Button>
        )}
        {data && <Typography.Text type="secondary">数据时间：{data.now}</Typography.Text>}
        <Button onClick={board.reload} loading={board.loading}>
          刷新
        </Button>
      </Space>
      {board.error && <Alert type="error" showIcon title={board.error.message} />}
      {data && <FlaggedAlerts board={data} />}
      <Row gutter={[12, 12]}>
        <Col span={24}>
          <DayCard title="今天" day={data?.today} loading={board.loading && !data} />
        </Col>
        <Col span={24}>
          <DayCard title="明天" day={data?.tomorrow} loading={board.loading && !data} />
        </Col>
      </Row>
    </Space>
  );
}

function FlaggedAlerts({ board }: { board: Board }) {
  return (
    <>
      {board.unapprovedStarted.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={`未批先干风险：${board.unapprovedStarted.length} 项作业已到计划开始时间但尚未准予作业`}
          description={<FlaggedList rows={board.unapprovedStarted} />}
        />
      )}
      {board.pastWindow.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={`超时未关闭：${board.pastWindow.length} 项已批准作业过了计划结束时间仍未完工复查`}
          description={<FlaggedList rows={board.pastWindow} />}
        />
      )}
      {board.unapprovedStarted.length === 0 && board.pastWindow.length === 0 && <Alert type="success" showIcon title="没有未批先干或超时未关闭的作业" />}
    </>
  );
}

function FlaggedList({ rows }: { rows: Board['pastWindow'] }) {
  const shown = rows.slice(0, 8);
  return (
    <Space orientation="vertical" size={2}>
      {shown.map((row) => (
        <span key={row.id}>
          <Link to={`/filings/${row.id}`}>{row.number}</Link> {row.enterpriseName} · {row.kind}
          {row.grade ? `（${row.grade}）` : ''} · {row.place} · {row.plannedStart} — {row.plannedEnd} · {row.status}
        </span>
      ))}
      {rows.length > shown.length && (
        <Link to="/filings/list?flagged=true">查看全部 {rows.length} 项</Link>
      )}
    </Space>
  );
}

function DayCard({ title, day, loading }: { title: string; day: Board['today'] | undefined; loading: boolean }) {
  const heading = day ? `${title} ${day.date}（${weekdays[dayjs(day.date).day()]}）` : title;
  return (
    <Card
      size="small"
      loading={loading}
      title={
        <Space>
          <span>{heading}</span>
          {day?.dayNote && <Tag color={day.dayNote === '休息日' ? 'default' : 'red'}>{day.dayNote}</Tag>}
          {day && <Typography.Text type="secondary">共 {day.items.length} 项</Typography.Text>}
        </Space>
      }
      className="filing-day-card"
    >
      {day && (
        <>
          <div className="filing-day-counts">
            {filingStatuses
              .filter((status) => day.byStatus[status])
              .map((status) => (
                <Tag key={status}>
                  {status} {day.byStatus[status]}
                </Tag>
              ))}
            <span className="spacer" />
            {specialWorkKinds
              .filter((kind) => day.byKind[kind])
              .map((kind) => (
                <Tag key={kind} variant="outlined">
                  {kind} {day.byKind[kind]}
                </Tag>
              ))}
          </div>
          <FilingTable dataSource={day.items} pagination={day.items.length > 12 ? { pageSize: 12, size: 'small' } : false} />
        </>
      )}
    </Card>
  );
}
