import { App, Form, Modal, type FormInstance } from 'antd';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { applyFieldErrors, clearErrorsOnChange } from './formErrors';

interface EntityFormModalProps<T> {
  open: boolean;
  title: string;
  /** Values to start from (the record being edited, or defaults for a new one). */
  initialValues: Partial<T>;
  onSave: (values: T) => Promise<unknown>;
  onClose: () => void;
  children: (form: FormInstance<T>) => ReactNode;
  width?: number;
}

/**
 * A create/edit form in a modal: Enter saves, the backend's per-field messages appear under the fields, and
 * closing with unsaved changes asks first.
 */
export function EntityFormModal<T extends object>(props: EntityFormModalProps<T>) {
  const { open, title, initialValues, onSave, onClose, children, width = 640 } = props;
  const [form] = Form.useForm<T>();
  // A distinct form name prefixes the inputs' ids, so two of these on one page never share a label target.
  const formName = `entity-form-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [saving, setSaving] = useState(false);
  const { message, modal } = App.useApp();

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initialValues as Parameters<typeof form.setFieldsValue>[0]);
      // setFieldsValue marks the fields touched; loading a record is not an edit, so closing must not ask.
      form.setFields(Object.keys(initialValues).map((name) => ({ name, touched: false })) as Parameters<typeof form.setFields>[0]);
    }
  }, [open, initialValues, form]);

  async function save() {
    setSaving(true);
    try {
      await onSave(form.getFieldsValue(true) as T);
      onClose();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error);
      message.error(unplaced ?? '请按提示修改后再保存');
    } finally {
      setSaving(false);
    }
  }

  function requestClose() {
    if (!form.isFieldsTouched()) {
      onClose();
      return;
    }
    modal.confirm({
      title: '放弃未保存的修改？',
      content: '表单中有尚未保存的内容，关闭后将丢失。',
      okText: '放弃修改',
      okButtonProps: { danger: true },
      cancelText: '继续编辑',
      onOk: onClose,
    });
  }

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onOk={() => form.submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onCancel={requestClose}
      mask={{ closable: false }}
      destroyOnHidden
      forceRender
    >
      <Form form={form} name={formName} layout="vertical" onFinish={save} onValuesChange={clearErrorsOnChange(form)} requiredMark>
        {children(form)}
        {/* Lets Enter in any input submit the form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
