import { Col, Form, Input, InputNumber, Radio, Row, type FormInstance } from 'antd';
import { useRef } from 'react';
import { hazardLevels } from '../../../shared/domain/hazard';
import { DateInput, dateItemProps } from '../../components/DateInputs';
import { addDays, defaultRectificationDays } from './display';

/** Where a hazard's fields sit in the form: at the top (a hazard's own form) or in a row of a Form.List. */
type Prefix = (string | number)[];

/**
 * One hazard as found: 部位, 描述, 等级, 依据, 整改期限, 整改措施, 责任人 and 资金. The inspection form repeats it
 * per row of its Form.List (`prefix` = the row), the 登记隐患 and 编辑 forms show it once.
 */
export function HazardFoundFields({ prefix = [], rowLabel = '', autoFocus, deadlineExtra, deadlineDisabled }: { prefix?: Prefix; rowLabel?: string; autoFocus?: boolean; deadlineExtra?: string; deadlineDisabled?: boolean }) {
  const name = (field: string) => [...prefix, field];
  // Labels of rows in a list carry the row's number for screen readers and tests (隐患1部位…).
  const aria = (label: string) => (rowLabel ? `${rowLabel}${label}` : undefined);
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={9}>
          <Form.Item name={name('place')} label="隐患部位" required>
            <Input aria-label={aria('部位')} maxLength={100} placeholder="如：二号罐区、配电房" autoFocus={autoFocus} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={name('level')} label="隐患等级" required>
            <Radio.Group aria-label={aria('等级')} optionType="button" options={hazardLevels.map((value) => ({ value, label: value }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item name={name('deadline')} label="整改期限" required extra={deadlineExtra} {...dateItemProps}>
            <DateInput aria-label={aria('整改期限')} style={{ width: '100%' }} disabled={deadlineDisabled} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={name('description')} label="隐患描述" required>
        <Input.TextArea aria-label={aria('描述')} rows={2} maxLength={500} placeholder="如：储罐区可燃气体报警器未定期检定" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={name('basis')} label="判定依据">
            <Input aria-label={aria('判定依据')} maxLength={200} placeholder="如：GB 50493-2019 第3.0.1条" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={name('measures')} label="整改措施">
            <Input aria-label={aria('整改措施')} maxLength={500} placeholder="可在开始整改时再填" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={name('responsibleName')} label="整改责任人">
            <Input aria-label={aria('整改责任人')} maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={name('responsiblePhone')} label="责任人电话">
            <Input aria-label={aria('责任人电话')} maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={name('fundsWan')} label="整改资金">
            <InputNumber aria-label={aria('整改资金')} min={0} max={100000} style={{ width: '100%' }} suffix="万元" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** The default 整改期限 for a hazard found on `date`: 15 days later. */
export function defaultDeadline(date: string | null | undefined): string | undefined {
  return date ? addDays(date, defaultRectificationDays) : undefined;
}

/**
 * Keeps default 整改期限 following the found/inspection date while the user has not chosen another: call the
 * returned function with the new date when it changes; deadlines still at the old date's default (or empty) move.
 */
export function useDeadlineFollowsDate(form: FormInstance, initialDate: string | null | undefined, deadlinePaths: () => (string | number)[][]) {
  const last = useRef(initialDate ?? null);
  return (date: string | null | undefined) => {
    const previous = last.current;
    if (!date) return;
    last.current = date;
    if (!previous || previous === date) return;
    const oldDefault = defaultDeadline(previous);
    const updates = deadlinePaths()
      .filter((path) => !form.getFieldValue(path) || form.getFieldValue(path) === oldDefault)
      .map((path) => ({ name: path, value: defaultDeadline(date) }));
    if (updates.length) form.setFields(updates);
  };
}
