/** The map's coverage mode: communes coloured by who works there on an axis (all axes when null). */
export interface CoverageMode {
  axisId: string | null;
  unit: "structures" | "actors";
}
