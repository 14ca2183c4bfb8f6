// Contracts covering the territory, the axes they prioritise and the institutions that signed them.
// $territoryId; $rows: [{id, name, generation, signedOn, endsOn, axisIds: [string], signatoryIds: [string]}]
MATCH (t:Territory {id: $territoryId})
UNWIND $rows AS row
MERGE (c:Contract {id: row.id})
SET c.name = row.name,
    c.generation = toInteger(row.generation),
    c.signedOn = date(row.signedOn),
    c.endsOn = date(row.endsOn)
MERGE (c)-[:COVERS]->(t)
WITH c, row
CALL (c, row) {
  UNWIND row.axisIds AS axisId
  MATCH (a:Axis {id: axisId})
  MERGE (c)-[:PRIORITISES]->(a)
}
CALL (c, row) {
  UNWIND row.signatoryIds AS institutionId
  MATCH (i:Institution {id: institutionId})
  MERGE (i)-[:SIGNED]->(c)
}
