// The territories the given EPCI already belong to (no row for an EPCI that belongs to none).
// Parameters: $codes (EPCI SIREN codes).
UNWIND $codes AS code
MATCH (e:Epci {code: code})-[:PART_OF]->(t:Territory)
RETURN e.code AS code, t.id AS territoryId, t.name AS territoryName
ORDER BY code, territoryId
