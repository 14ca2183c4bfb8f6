// The relationships of the given nodes (element ids): every outgoing one, and the number of incoming
// ones from nodes not in the list. Parameters: $elementIds.
UNWIND $elementIds AS id
MATCH (a) WHERE elementId(a) = id
CALL (a) {
  MATCH (a)-[r]->(b)
  RETURN collect([elementId(b), type(r), properties(r)]) AS outgoing
}
RETURN id AS from, outgoing, COUNT { (a)<-[]-(b) WHERE NOT elementId(b) IN $elementIds } AS incomingFromOutside
