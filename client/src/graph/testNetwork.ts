import sample from "../api/fixtures/structureNetwork.sample.json";
import { parseStructureNetwork, type StructureNetwork } from "../api/network";

/** The sample fixture, parsed like a server answer (tests only). */
export function sampleNetwork(): StructureNetwork {
  return parseStructureNetwork(sample);
}
