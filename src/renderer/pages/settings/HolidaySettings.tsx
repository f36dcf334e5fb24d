import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { In, Out } from '../../../shared/api';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { DateInput, dateItemProps, datesItemProps } from '../../components/DateInputs';
import { applyFieldErrors, clearErrorsOnChange } from '../../components/formErrors';

type Schedule = Out<'holidays.list'>[number];
type Values = In<'holidays.save'>;

/**
 * 节假日安排: the schedules the rules use to tell holidays and 调休 workdays (special-work filings now, due
 * dates in working days later). 2025 and 2026 ship with the app; an administrator enters later years from the
 * State Council's notice.
 */
export function HolidaySettings() {
  const list = useApiQuery('holidays.list', {});
  const canEdit = useCan()('holidays.save');
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Values | null>(null);

  async function remove(year: number) {
    try {
      await callApi('holidays.delete', { year });
      message.success(`已删除 ${year} 年的节假日安排`);
      list.reload();
    } catch (error) {
      message.error((error as Error).message);
    }
  }

  const nextYear = Math.max(...(list.data ?? []).map((schedule) => schedule.year), dayjs().year()) + 1;

  return (
    <Card
      title="节假日安排"
      variant="borderless"
      style={{ marginTop: 16 }}
      extra={
        canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing({ year: nextYear, source: '', holidays: [{ name: '元旦', from: `${nextYear}-01-01`, to: `${nextYear}-01-01` }], workdays: [] })}>
            录入新年度
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        特殊作业报备按此判断节假日、休息日（节假日动火须升级管理）。2025、2026 年为国务院办公厅公布的安排，随程序提供；以后年度请在通知公布后录入。
      </Typography.Paragraph>
      <Table<Schedule>
        rowKey="year"
        size="small"
        pagination={false}
        loading={list.loading}
        dataSource={list.data}
        columns={[
          { title: '年份', dataIndex: 'year', width: 70 },
          {
            title: '节假日',
            key: 'holidays',
            render: (_value, schedule) => (
              <Space wrap size={4}>
                {schedule.holidays.map((holiday) => (
                  <Tag key={holiday.from}>
                    {holiday.name} {holiday.from.slice(5)}{holiday.to !== holiday.from ? `—${holiday.to.slice(5)}` : ''}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: '调休上班', key: 'workdays', width: 170, render: (_value, schedule) => schedule.workdays.map((date) => date.slice(5)).join('、') || '—' },
          { title: '依据', dataIndex: 'source', width: 200, ellipsis: true },
          {
            title: '操作',
            key: 'actions',
            width: 110,
            render: (_value, schedule) =>
              schedule.official ? (
                <Typography.Text type="secondary">随程序提供</Typography.Text>
              ) : canEdit ? (
                <Space size={4}>
                  <Button type="link" size="small" onClick={() => setEditing({ year: schedule.year, source: schedule.source, holidays: schedule.holidays, workdays: schedule.workdays })}>
                    编辑
                  </Button>
                  <Popconfirm title={`删除 ${schedule.year} 年的节假日安排？`} description="删除后该年按普通周末判断。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove(schedule.year)}>
                    <Button type="link" size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
      {editing && (
        <ScheduleModal
          initial={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </Card>
  );
}

function ScheduleModal({ initial, onClose, onSaved }: { initial: Values; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  async function save() {
    setSaving(true);
    try {
      const saved = await callApi('holidays.save', form.getFieldsValue(true) as Values);
      message.success(`已保存 ${saved.year} 年的节假日安排`);
      onSaved();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error);
      message.error(unplaced ?? '请按提示修改后再保存');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open title="节假日安排" width={640} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" name="holiday-schedule" initialValues={initial} onFinish={() => void save()} onValuesChange={clearErrorsOnChange(form)}>
        <Space align="start">
          <Form.Item name="year" label="年份" required>
            <InputNumber min={2000} max={2100} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="source" label="依据" style={{ width: 440 }}>
            <Input maxLength={100} placeholder="如：国务院办公厅关于2027年部分节假日安排的通知" />
          </Form.Item>
        </Space>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <Form.Item label="放假安排（含调休连休的周末）" required>
              {fields.map((field, index) => (
                <Space key={field.key} align="start">
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: '请填写节日名称' }]}>
                    <Input aria-label={`节日${index + 1}名称`} placeholder="节日" maxLength={10} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'from']} {...dateItemProps}>
                    <DateInput aria-label={`节日${index + 1}开始`} placeholder="开始" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'to']} {...dateItemProps}>
                    <DateInput aria-label={`节日${index + 1}结束`} placeholder="结束" />
                  </Form.Item>
                  <Button aria-label={`删除节日${index + 1}`} icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', from: null, to: null })}>
                添加节日
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="workdays" label="调休上班的周末" {...datesItemProps}>
          <DatePicker multiple aria-label="调休上班日" placeholder="选择调休上班的周六、周日" style={{ width: '100%' }} />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
