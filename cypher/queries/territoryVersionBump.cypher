// Marks the territories' data as changed, in the writing transaction: caches built from another version are rebuilt (see server/src/neo4j/queries.ts). Parameters: $territoryIds.
MATCH (t:Territory) WHERE t.id IN $territoryIds
SET t.dataVersion = randomUUID()
