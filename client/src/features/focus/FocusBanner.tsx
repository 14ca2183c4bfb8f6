import type { NetworkModel } from "../../graph/model";
import { fr } from "../../i18n/fr";
import type { Focus } from "./focus";

interface FocusBannerProps {
  focus: Focus;
  model: NetworkModel;
  centreName: string | null;
  onClear: () => void;
}

/** Says what the view concentrates on (an ego network, a path) and how to leave it. */
export function FocusBanner({ focus, model, centreName, onClear }: FocusBannerProps) {
  const name = (id: string) => model.nodesById.get(id)?.name ?? id;
  const text =
    focus.kind === "ego"
      ? fr.focus.active(centreName ?? name(focus.centerId), focus.depth)
      : focus.pathIds
        ? fr.focus.pathActive(name(focus.fromId), name(focus.toId), focus.pathIds.length - 1)
        : fr.focus.noPath(name(focus.fromId), name(focus.toId));
  return (
    <div className="focus-banner" role="status" data-testid="focus-banner">
      <span>{text}</span>
      <button type="button" className="button button--small" onClick={onClear} data-testid="focus-clear">
        {fr.focus.clear}
      </button>
    </div>
  );
}
