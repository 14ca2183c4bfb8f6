import type { ExportGraph, ExportNode } from "./model.js";

const base: Omit<ExportNode, "id" | "label" | "kind"> = {
  type: null,
  category: null,
  sector: null,
  communeCode: null,
  communeName: null,
  epciCode: null,
  epciName: null,
  metrics: null,
  position: null,
};

/** Names people could type: markup, quotes, separators, line breaks, controls, formulas. */
export const TRICKY_NAME = 'Association "Les <Amis> & Cie"; Alès\u0001\nsite';
export const FORMULA_NAME = '=HYPERLINK("http://example.org","clic")';

/** A small hand-made graph covering every attribute, with and without positions. */
export const TEST_GRAPH: ExportGraph = {
  metadata: {
    territoryId: "pays-cevennes",
    territoryName: "Pays Cévennes",
    view: "STRUCTURES",
    window: { from: "2019-01-01", to: "2024-12-31" },
    filters: "Axe : Santé mentale ; poids minimal des liens : 2",
    isDemo: true,
    generatedAt: new Date("2025-06-30T10:00:00Z"),
  },
  nodes: [
    {
      ...base,
      id: "s-1",
      label: TRICKY_NAME,
      kind: "STRUCTURE",
      type: "Association",
      sector: "MEDICO_SOCIAL",
      communeCode: "30007",
      communeName: "Alès",
      epciCode: "200066918",
      epciName: "CA Alès Agglomération",
      metrics: { degree: 2, weightedDegree: 5, betweenness: 0.123456789, closeness: 0.5, community: 0 },
      position: { x: 12.5, y: -40.25 },
    },
    {
      ...base,
      id: "s-2",
      label: FORMULA_NAME,
      kind: "STRUCTURE",
      type: "Centre de santé",
      sector: "CARE",
      communeCode: "07294",
      communeName: "Saint-Paul-le-Jeune",
      epciCode: "200035129",
      epciName: "CC de Cèze Cévennes",
      metrics: { degree: 1, weightedDegree: 3, betweenness: 0, closeness: 0.333333333, community: 1 },
      position: { x: -100, y: 0.000001 },
    },
    {
      ...base,
      id: "i-ars",
      label: "ARS Occitanie",
      kind: "INSTITUTION",
      type: "ARS",
      metrics: { degree: 1, weightedDegree: 2, betweenness: 0, closeness: 0.333333333, community: 0 },
    },
    { ...base, id: "s-3", label: "-Collectif isolé", kind: "STRUCTURE", sector: "SOCIAL", metrics: { degree: 0, weightedDegree: 0, betweenness: 0, closeness: 0, community: 2 } },
  ],
  ties: [
    { source: "i-ars", target: "s-1", weight: 2, throughWorkGroups: 2, throughEvents: 0, role: null },
    { source: "s-1", target: "s-2", weight: 3, throughWorkGroups: 1, throughEvents: 2, role: null },
  ],
};
