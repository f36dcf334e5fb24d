import { Alert, Badge, Calendar, Segmented, Select, Space, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { FilingRow } from '../../../shared/api/filings';
import { dayKindOf } from '../../../shared/domain/holidays';
import { isHotWork, specialWorkKinds, type SpecialWorkKind } from '../../../shared/domain/specialWork';
import { useApiQuery } from '../../api/useApi';
import { FilingStatusTag, windowText } from './display';

type Mode = 'month' | 'week';

function mondayOf(day: Dayjs): Dayjs {
  return day.subtract((day.day() + 6) % 7, 'day');
}

/** The days of the view, weeks starting on Monday as the zh-CN calendar draws them: the month's 6-week grid, or one week. */
function rangeOf(anchor: Dayjs, mode: Mode): { from: Dayjs; to: Dayjs } {
  if (mode === 'week') return { from: mondayOf(anchor), to: mondayOf(anchor).add(6, 'day') };
  const from = mondayOf(anchor.startOf('month'));
  return { from, to: from.add(41, 'day') };
}

function touches(row: FilingRow, date: string): boolean {
  return row.plannedStart < `${dayjs(date).add(1, 'day').format('YYYY-MM-DD')} 00:00` && row.plannedEnd > `${date} 00:00`;
}

/** 作业日历: filings by day, a month or a week at a time, with holidays marked. */
export function FilingCalendar() {
  const [params, setParams] = useSearchParams();
  const mode: Mode = params.get('view') === 'week' ? 'week' : 'month';
  const anchor = params.get('date') && dayjs(params.get('date')).isValid() ? dayjs(params.get('date')) : dayjs();
  const [kind, setKind] = useState<SpecialWorkKind | undefined>();
  const { from, to } = rangeOf(anchor, mode);
  const rows = useApiQuery('filings.calendar', { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD'), kind });

  const byDay = useMemo(() => {
    const map = new Map<string, FilingRow[]>();
    for (let day = from; !day.isAfter(to); day = day.add(1, 'day')) {
      const date = day.format('YYYY-MM-DD');
      map.set(
        date,
        (rows.data ?? []).filter((row) => touches(row, date) && row.status !== '驳回' && row.status !== '撤销'),
      );
    }
    return map;
  }, [rows.data, from, to]);

  function set(patch: { view?: Mode; date?: string }) {
    const next = new URLSearchParams(params);
    if (patch.view) next.set('view', patch.view);
    if (patch.date) next.set('date', patch.date);
    setParams(next, { replace: true });
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<Mode> value={mode} options={[{ value: 'month', label: '按月' }, { value: 'week', label: '按周' }]} onChange={(view) => set({ view })} />
        <Select<SpecialWorkKind>
          aria-label="作业类别"
          placeholder="全部作业类别"
          allowClear
          style={{ width: 150 }}
          value={kind}
          options={specialWorkKinds.map((value) => ({ value, label: value }))}
          onChange={setKind}
        />
        <Typography.Text type="secondary">驳回、撤销的报备不显示；红色日期为法定节假日</Typography.Text>
      </Space>
      {rows.error && <Alert type="error" showIcon title={rows.error.message} />}
      {mode === 'month' ? (
        <Calendar
          className="filing-calendar"
          value={anchor}
          onPanelChange={(value) => set({ date: value.format('YYYY-MM-DD') })}
          onSelect={(value, info) => {
            if (info.source === 'date') set({ view: 'week', date: value.format('YYYY-MM-DD') });
            else set({ date: value.format('YYYY-MM-DD') });
          }}
          fullCellRender={(value, info) => {
            if (info.type !== 'date') return info.originNode;
            const date = value.format('YYYY-MM-DD');
            const items = byDay.get(date) ?? [];
            const day = dayKindOf(date);
            const hot = items.filter((row) => isHotWork(row.kind)).length;
            return (
              <div className={`filing-calendar-cell${value.month() !== anchor.month() ? ' other-month' : ''}${day.kind === 'holiday' ? ' holiday' : ''}`}>
                <div className="filing-calendar-date">
                  {value.date()}
                  {day.kind === 'holiday' && <span className="filing-calendar-holiday">{day.name}</span>}
                </div>
                {items.length > 0 && (
                  <Tooltip title={`${items.length} 项作业，其中动火/切割 ${hot} 项；点击查看该周`}>
                    <div className="filing-calendar-count">
                      <Badge count={items.length} color={items.some((row) => row.flags.length) ? '#f5222d' : '#1677ff'} overflowCount={999} />
                      {hot > 0 && <span className="filing-calendar-hot">动火 {hot}</span>}
                    </div>
                  </Tooltip>
                )}
              </div>
            );
          }}
        />
      ) : (
        <WeekView from={from} byDay={byDay} onMove={(days) => set({ date: anchor.add(days, 'day').format('YYYY-MM-DD') })} />
      )}
    </Space>
  );
}

const weekdayNames = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

function WeekView({ from, byDay, onMove }: { from: Dayjs; byDay: Map<string, FilingRow[]>; onMove: (days: number) => void }) {
  const days = Array.from({ length: 7 }, (_value, index) => from.add(index, 'day'));
  return (
    <div>
      <Space style={{ marginBottom: 8 }}>
        <a onClick={() => onMove(-7)}>‹ 上一周</a>
        <Typography.Text strong>
          {days[0].format('YYYY-MM-DD')} — {days[6].format('YYYY-MM-DD')}
        </Typography.Text>
        <a onClick={() => onMove(7)}>下一周 ›</a>
      </Space>
      <div className="filing-week">
        {days.map((day, index) => {
          const date = day.format('YYYY-MM-DD');
          const kind = dayKindOf(date);
          const items = byDay.get(date) ?? [];
          return (
            <div key={date} className={`filing-week-day${kind.kind !== 'workday' ? ' rest' : ''}${day.isSame(dayjs(), 'day') ? ' today' : ''}`}>
              <div className="filing-week-head">
                {weekdayNames[index]} {day.format('MM-DD')}
                {kind.kind === 'holiday' && <span className="filing-calendar-holiday">{kind.name}</span>}
                <Typography.Text type="secondary"> · {items.length} 项</Typography.Text>
              </div>
              {items.map((row) => (
                <Link key={row.id} to={`/filings/${row.id}`} className={`filing-week-item${row.flags.length ? ' flagged' : ''}`}>
                  <div>
                    <b>{row.kind}</b>
                    {row.grade ? `（${row.grade}）` : ''} {windowText(row.plannedStart, row.plannedEnd)}
                  </div>
                  <div className="filing-week-item-name">{row.enterpriseName}</div>
                  <FilingStatusTag status={row.status} />
                </Link>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
