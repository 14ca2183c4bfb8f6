import type { Details } from "../../api/details";

/** A line of one of the panel's lists, as an action sees it. */
export interface Line {
  id: string;
  name: string;
}

/** An editing button on each line of one of the panel's lists (built by features/editing). */
export interface LineAction {
  label: string;
  /** The button's accessible name, from the line's name. */
  describe: (name: string) => string;
  testId: string;
  run: (line: Line) => void;
}

/** Editing on the lines of the panel's lists; applied only while the panel shows that kind of record. */
export interface LineActions {
  kind: Details["kind"];
  people: readonly LineAction[];
  workGroups: readonly LineAction[];
  events: readonly LineAction[];
}

/** The buttons of one line, after its text. */
export function LineButtons({ actions, line }: { actions: readonly LineAction[]; line: Line }) {
  if (actions.length === 0) return null;
  return (
    <span className="line-actions">
      {actions.map((action) => (
        <button key={action.testId} type="button" className="link-button line-action" data-testid={action.testId}
          aria-label={action.describe(line.name)} onClick={() => action.run({ id: line.id, name: line.name })}>
          {action.label}
        </button>
      ))}
    </span>
  );
}
