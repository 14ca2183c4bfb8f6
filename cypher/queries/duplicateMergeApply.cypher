// Applies a merge plan (server/src/duplicates/mergePlan.ts) and deletes the merged node with what
// is left of its relationships. Run in the transaction that read both nodes.
// Parameters: $keptElementId, $mergedElementId, $fill (map), $updates [{elementId, properties}],
// $deletes [elementId], $creates [{type, isOutgoing, otherElementId, properties}].
MATCH (kept) WHERE elementId(kept) = $keptElementId
MATCH (merged) WHERE elementId(merged) = $mergedElementId
SET kept += $fill
WITH kept, merged
CALL (kept) {
  UNWIND $updates AS change
  MATCH (kept)-[r]-() WHERE elementId(r) = change.elementId
  SET r = change.properties
  RETURN count(*) AS updated
}
CALL (kept) {
  UNWIND $deletes AS relationshipId
  MATCH (kept)-[r]-() WHERE elementId(r) = relationshipId
  DELETE r
  RETURN count(*) AS deleted
}
CALL (kept) {
  UNWIND $creates AS item
  MATCH (other) WHERE elementId(other) = item.otherElementId
  CALL apoc.create.relationship(
    CASE WHEN item.isOutgoing THEN kept ELSE other END, item.type, item.properties, CASE WHEN item.isOutgoing THEN other ELSE kept END
  ) YIELD rel
  RETURN count(rel) AS created
}
DETACH DELETE merged
RETURN updated, deleted, created
