import { useEffect, useState } from "react";
import { searchActors } from "../../api/editing";
import { fr } from "../../i18n/fr";
import { Field, TextField } from "./Field";

const f = fr.editing.fields;

interface ActorPickerProps {
  territoryId: string;
  value: string;
  error: string | undefined;
  onChange: (actorId: string) => void;
}

/** A person of the territory: type two letters of a name, then choose among the matches. */
export function ActorPicker({ territoryId, value, error, onChange }: ActorPickerProps) {
  const [query, setQuery] = useState("");
  const [choices, setChoices] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    if (query.trim().length < 2) {
      setChoices([]);
      return undefined;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchActors(territoryId, query.trim(), { signal: controller.signal }).then(setChoices, () => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, territoryId]);
  return (
    <>
      <TextField name="actorSearch" label={f.actorSearch} type="text" value={query} error={undefined} onChange={setQuery} isRequired />
      <Field name="actorId" label={f.actor} error={error} isRequired>
        {(props) => (
          <select {...props} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
            <option value="">{fr.editing.choose}</option>
            {choices.map((choice) => <option key={choice.id} value={choice.id}>{choice.name}</option>)}
          </select>
        )}
      </Field>
    </>
  );
}
