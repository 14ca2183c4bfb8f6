import type { Network, NetworkNode, NetworkTie } from "../../api/network";
import { tieId, type ChangeStatus, type TieChange } from "../../graph/elements";

/** Two periods of one network drawn as one: what joined, left, was gained or lost. */
export interface Comparison {
  /** Every node of either period, every tie of either period (with its latest weight). */
  network: Network;
  nodeChanges: Map<string, ChangeStatus>;
  tieChanges: Map<string, TieChange>;
  counts: { joined: number; left: number; gained: number; lost: number; kept: number };
}

/**
 * An organisation counts as present in a period when one of its members took part in something;
 * an actor when it is in the network at all (the API lists only active actors); a work group when
 * someone took part in it.
 */
export function isActive(node: NetworkNode): boolean {
  if (node.kind === "ACTOR") return true;
  if (node.kind === "WORK_GROUP") return node.memberCount > 0;
  return (node.activeMemberCount ?? node.memberCount) > 0;
}

const pairKey = (tie: NetworkTie): string => (tie.source < tie.target ? tieId(tie.source, tie.target) : tieId(tie.target, tie.source));

/**
 * Every node of either period is kept (a structure without activity in both periods is drawn
 * too, unmarked): the union is laid out once, and nothing moves when a kind of tie is hidden.
 */
export function compareNetworks(before: Network, after: Network): Comparison {
  const activeBefore = new Set(before.nodes.filter(isActive).map((n) => n.id));
  const activeAfter = new Set(after.nodes.filter(isActive).map((n) => n.id));
  const nodeChanges = new Map<string, ChangeStatus>();
  const byId = new Map<string, NetworkNode>();
  for (const node of [...before.nodes, ...after.nodes]) byId.set(node.id, node);
  const nodes = [...byId.values()];
  for (const { id } of nodes) {
    const wasActive = activeBefore.has(id);
    const isActiveNow = activeAfter.has(id);
    nodeChanges.set(id, wasActive === isActiveNow ? "stayed" : isActiveNow ? "joined" : "left");
  }
  const tiesBefore = new Map(before.ties.map((t) => [pairKey(t), t]));
  const tiesAfter = new Map(after.ties.map((t) => [pairKey(t), t]));
  const tieChanges = new Map<string, TieChange>();
  const ties: NetworkTie[] = [];
  const normalise = (tie: NetworkTie): NetworkTie =>
    tie.source < tie.target ? tie : { ...tie, source: tie.target, target: tie.source };
  for (const [key, tie] of tiesAfter) {
    tieChanges.set(key, tiesBefore.has(key) ? "kept" : "gained");
    ties.push(normalise(tie));
  }
  for (const [key, tie] of tiesBefore) {
    if (tiesAfter.has(key)) continue;
    tieChanges.set(key, "lost");
    ties.push(normalise(tie));
  }
  const known = new Set(nodes.map((n) => n.id));
  const drawnTies = ties.filter((t) => known.has(t.source) && known.has(t.target));
  let gained = 0;
  let lost = 0;
  for (const change of tieChanges.values()) {
    if (change === "gained") gained += 1;
    else if (change === "lost") lost += 1;
  }
  let joined = 0;
  let left = 0;
  for (const change of nodeChanges.values()) {
    if (change === "joined") joined += 1;
    else if (change === "left") left += 1;
  }
  return {
    network: { nodes: nodes.sort((a, b) => (a.id < b.id ? -1 : 1)), ties: drawnTies },
    nodeChanges,
    tieChanges,
    counts: { joined, left, gained, lost, kept: tieChanges.size - gained - lost },
  };
}

/** Which kinds of tie the comparison draws (each can be hidden on its own). */
export type TieKinds = Readonly<Record<TieChange, boolean>>;

export const ALL_TIE_KINDS: TieKinds = { gained: true, lost: true, kept: true };
