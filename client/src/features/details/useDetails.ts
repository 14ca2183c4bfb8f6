import { useEffect, useRef, useState } from "react";
import { fetchDetails, type DetailsLabels } from "../../api/details";
import { isAbortError } from "../../api/graphql";
import type { NetworkNode, TimeWindow } from "../../api/network";
import type { PanelTarget } from "../../explorer/store";
import { ACTOR_CATEGORY_LABELS, fr, organisationTypeName, ROLE_LABELS } from "../../i18n/fr";
import { formatDate } from "../timeWindow/timeWindow";
import type { DetailsRequest } from "./DetailsPanel";

const labels: DetailsLabels = {
  type: fr.details.type,
  commune: fr.details.commune,
  epci: fr.panel.epci,
  members: fr.details.members,
  period: fr.timeWindow.label,
  population: fr.panel.populationLabel,
  eventsAttended: fr.panel.events,
  email: fr.panel.email,
  phone: fr.panel.phone,
  participants: fr.panel.participants,
  attendees: fr.panel.attendees,
  roles: ROLE_LABELS,
  categories: ACTOR_CATEGORY_LABELS,
  organisationType: organisationTypeName,
  formatDate,
};

/** Loads what the panel shows beyond the drawn node: members, work groups, events, coverage. */
export function useDetails(
  node: NetworkNode | null,
  panel: PanelTarget | null,
  territoryId: string | null,
  window: TimeWindow,
  withContacts: boolean,
  /** Bumped when the data changed (an edit): the panel asks again. */
  revision = 0,
): DetailsRequest {
  const [state, setState] = useState<DetailsRequest>(null);
  const target =
    node === null
      ? panel === null
        ? null
        : panel.kind === "commune"
          ? ({ kind: "COMMUNE", code: panel.code } as const)
          : ({ kind: "WORK_GROUP", id: panel.id } as const)
      : node.kind === "WORK_GROUP"
        ? ({ kind: "WORK_GROUP", id: node.id } as const)
        : node.kind === "ACTOR"
          ? ({ kind: "ACTOR", id: node.id } as const)
          : ({ kind: "ORGANISATION", id: node.id } as const);
  const shown = target && territoryId ? JSON.stringify([target, territoryId, window, withContacts]) : null;
  const key = shown === null ? null : JSON.stringify([shown, revision]);
  /** What the ready answer on screen is about: asked again after an edit, it stays until the new one comes. */
  const readyFor = useRef<string | null>(null);

  useEffect(() => {
    if (key === null || target === null || territoryId === null) {
      readyFor.current = null;
      setState(null);
      return undefined;
    }
    const controller = new AbortController();
    if (readyFor.current !== shown) {
      readyFor.current = null;
      setState({ status: "loading" });
    }
    fetchDetails(target, territoryId, window, withContacts, labels, { signal: controller.signal }).then(
      (details) => {
        readyFor.current = shown;
        setState({ status: "ready", details });
      },
      (error: unknown) => {
        if (isAbortError(error) || controller.signal.aborted) return;
        readyFor.current = null;
        setState({ status: "error" });
      },
    );
    return () => controller.abort();
    // The key says everything the request depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
