import { useId, type ReactNode } from "react";
import { fr } from "../../i18n/fr";

/** What a field's input needs to be tied to its label, hint and error. */
export interface InputProps {
  id: string;
  name: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
  "aria-required": boolean;
}

interface FieldProps {
  name: string;
  label: string;
  error: string | undefined;
  hint?: string;
  isRequired?: boolean;
  children: (props: InputProps) => ReactNode;
}

/** A labelled field with its hint and, after a refused save, its error in French right below. */
export function Field({ name, label, error, hint, isRequired = false, children }: FieldProps) {
  const id = `${useId()}-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`edit-field${error ? " edit-field--invalid" : ""}`} data-field={name}>
      <label htmlFor={id} className="edit-label">
        {label}
        {!isRequired && <span className="edit-optional"> ({fr.editing.optional})</span>}
      </label>
      {children({ id, name, "aria-invalid": error !== undefined, "aria-describedby": describedBy, "aria-required": isRequired })}
      {hint && <p id={`${id}-hint`} className="edit-hint">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="field-error" data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

interface OptionsFieldProps<T extends string> {
  name: string;
  label: string;
  value: T | "";
  options: readonly { value: T; label: string }[];
  error: string | undefined;
  isRequired?: boolean;
  onChange: (value: T | "") => void;
}

export function SelectField<T extends string>({ name, label, value, options, error, isRequired = true, onChange }: OptionsFieldProps<T>) {
  return (
    <Field name={name} label={label} error={error} isRequired={isRequired}>
      {(props) => (
        <select {...props} className="select" value={value} onChange={(event) => onChange(event.target.value as T | "")}>
          <option value="">{fr.editing.choose}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  type?: "text" | "email" | "tel" | "date" | "number";
  maxLength?: number;
  hint?: string;
  isRequired?: boolean;
  onChange: (value: string) => void;
}

export function TextField({ name, label, value, error, type = "text", maxLength, hint, isRequired = false, onChange }: TextFieldProps) {
  return (
    <Field name={name} label={label} error={error} hint={hint} isRequired={isRequired}>
      {(props) => (
        <input {...props} className="input" type={type} value={value} autoComplete="off" step={type === "number" ? "0.5" : undefined}
          maxLength={maxLength} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}

interface AxesFieldProps {
  axes: readonly { id: string; name: string }[];
  value: readonly string[];
  error: string | undefined;
  onChange: (value: string[]) => void;
}

/** Priority axes as checkboxes, in a fieldset whose legend labels the group. */
export function AxesField({ axes, value, error, onChange }: AxesFieldProps) {
  const errorId = `${useId()}-axes-error`;
  return (
    <fieldset className="edit-field edit-axes" data-field="axisIds" aria-describedby={error ? errorId : undefined}>
      <legend className="edit-label">
        {fr.editing.fields.axes}
        <span className="edit-optional"> ({fr.editing.optional})</span>
      </legend>
      {axes.map((axis) => (
        <label key={axis.id} className="edit-check">
          <input type="checkbox" checked={value.includes(axis.id)}
            onChange={(event) => onChange(event.target.checked ? [...value, axis.id].sort() : value.filter((id) => id !== axis.id))} />
          {axis.name}
        </label>
      ))}
      {error && <p id={errorId} className="field-error">{error}</p>}
    </fieldset>
  );
}
