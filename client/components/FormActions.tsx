// The buttons under a form: the submit button (disabled while the form is being sent) and, where the form can be
// closed, a secondary cancel button next to it.

export function FormActions({
  submit,
  busy = false,
  disabled = false,
  cancel,
}: {
  submit: string;
  busy?: boolean;
  /** Disabled for another reason than sending (e.g. nothing chosen yet). */
  disabled?: boolean;
  cancel?: { label: string; onClick: () => void };
}) {
  return (
    <div className="form-actions">
      <button type="submit" disabled={busy || disabled}>
        {submit}
      </button>
      {cancel && (
        <button type="button" className="secondary" onClick={cancel.onClick}>
          {cancel.label}
        </button>
      )}
    </div>
  );
}
