import type { FormInstance } from 'antd';
import { ApiCallError } from '../api/client';

/**
 * Shows a failed save's per-field messages under the matching antd Form fields. Returns the message to
 * show globally when the error could not be pinned to a visible field.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  /** Maps a backend field path onto this form's field path, where the two differ. */
  mapField: (field: string) => string = (field) => field,
): string | null {
  if (!(error instanceof ApiCallError)) return String(error);
  const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors ?? {}).map(([field, message]) => [mapField(field), message]));
  // Every registered field, touched or not (getFieldsValue would skip fields that never held a value).
  const known = new Set(form.getFieldsError().map(({ name }) => String(name[0])));
  const pinned = Object.entries(fieldErrors).filter(([field]) => known.has(field.split('.')[0]));
  form.setFields(pinned.map(([field, message]) => ({ name: field.split('.'), errors: [message] })));
  return pinned.length > 0 ? null : error.message;
}

/**
 * Clears a field's server-side message as soon as the user edits it; antd only re-validates fields with
 * client rules, so without this a fixed field would keep showing the old error.
 */
export function clearErrorsOnChange(form: FormInstance) {
  return (changed: Record<string, unknown>) =>
    form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));
}
