/**
 * The territory map: commune contours under the network, nodes placed in their communes, coverage
 * colours and white zones, and grouping by EPCI and commune when there are no contours. The rest of
 * the client imports from here only.
 */
export type { Bounds, GeoPoint, MapCommune, MapEpci, ModelPoint, ProjectedCommune } from "./types";
export { createProjection, hasContours, parseGeometry, projectCommunes, TERRITORY_WIDTH, type Projection } from "./projection";
export { NODE_SPACING, placeInCommunes, type PlaceableNode } from "./placement";
export {
  ATTENDING_ONLY_FILL,
  COVERAGE_RAMP,
  coverageClasses,
  coverageFill,
  coverageFills,
  coverageLegend,
  isHatchedFill,
  maxCountOf,
  ZONE_BLANCHE_FILL,
  type CoverageClass,
  type CoverageLegendRow,
  type CoverageUnit,
} from "./coverage";
export { communeAt } from "./hitTest";
export { drawMap, type DrawnMap, type MapContext, type MapStyleOptions, type MapView } from "./drawMap";
export { MapUnderlay, type MapUnderlayProps } from "./MapUnderlay";
export { CoverageLegend, NoContoursNotice } from "./CoverageLegend";
export {
  communeGroupId,
  epciGroupId,
  groupedElements,
  groupStylesheet,
  NO_COMMUNE_GROUP_ID,
  OUTSIDE_GROUP_ID,
  withGroups,
  type GroupData,
} from "./grouping";
