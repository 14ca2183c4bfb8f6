// Every territory with its latest contract (highest generation, then latest signature): the period
// the page opens on, which the start-up preload computes ahead of the first visit. No parameters.
MATCH (t:Territory)
OPTIONAL MATCH (c:Contract)-[:COVERS]->(t)
WITH t, c
ORDER BY c.generation DESC, c.signedOn DESC
WITH t, collect(c)[0] AS latest
RETURN t.id AS territoryId, toString(latest.signedOn) AS from, toString(latest.endsOn) AS to
ORDER BY territoryId
