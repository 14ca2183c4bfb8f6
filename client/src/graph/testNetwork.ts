import sample from "../api/fixtures/collaborationNetwork.sample.json";
import { parseCollaborationNetwork, type Network } from "../api/network";

/** The sample fixture (a hand-made structure network), parsed like a server answer (tests only). */
export function sampleNetwork(): Network {
  return parseCollaborationNetwork(sample);
}
