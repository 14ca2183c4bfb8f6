import type { StylesheetJson } from "cytoscape";

/** Styles of the group boxes, to append to the network's stylesheet in the grouped view. */
export const groupStylesheet: StylesheetJson = [
  {
    selector: "node.map-group",
    style: {
      shape: "round-rectangle",
      label: "data(label)",
      "text-valign": "top",
      "text-halign": "center",
      "text-margin-y": -4,
      "font-size": 13,
      "font-weight": 600,
      color: "#1F2937",
      "text-outline-width": 0,
      "background-opacity": 1,
      "border-width": 1,
      padding: "14px",
    },
  },
  { selector: "node.map-group--epci", style: { "background-color": "#F3F6F9", "border-color": "#8A96A3", "font-size": 15 } },
  { selector: "node.map-group--commune", style: { "background-color": "#FFFFFF", "border-color": "#B8C1CC" } },
  { selector: "node.map-group--other", style: { "background-color": "#FFFFFF", "border-color": "#8A96A3", "border-style": "dashed" } },
];
