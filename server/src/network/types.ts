import type { UndirectedGraph } from "graphology";

/** An actor took part in a group or event (already filtered to a time window). */
export interface Affiliation {
  personId: string;
  groupId: string;
}

/** An actor is a member of a structure or institution (already filtered to a time window). */
export interface Membership {
  personId: string;
  organisationId: string;
}

/** A node as it enters the analysis: an id, an optional sector, any other descriptive attributes. */
export interface NodeInfo {
  id: string;
  sector?: string | null;
  [key: string]: unknown;
}

/** An undirected weighted tie; producers in this folder always emit `source < target`. */
export interface Tie {
  source: string;
  target: string;
  weight: number;
}

export interface NodeAttributes {
  sector?: string | null;
  [key: string]: unknown;
}

export interface TieAttributes {
  weight: number;
}

/** The one graph shape every analysis here works on: simple, undirected, weighted. */
export type NetworkGraph = UndirectedGraph<NodeAttributes, TieAttributes>;
