interface ChoiceSelectProps {
  label: string;
  testId: string;
  /** The chosen value, or null for "all". */
  value: string | null;
  /** The first option, meaning "no choice" ("Tous les axes"...). */
  allLabel: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string | null) => void;
}

/** A labelled drop-down of the filters: one value or all. */
export function ChoiceSelect({ label, testId, value, allLabel, options, onChange }: ChoiceSelectProps) {
  return (
    <label className="filter-field">
      <span className="filter-label">{label}</span>
      <select className="select" data-testid={testId} value={value ?? ""} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
