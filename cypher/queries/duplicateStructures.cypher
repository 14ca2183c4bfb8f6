// The structures of a territory, for duplicate detection, with the commune each stands in.
// Parameters: $territoryId.
MATCH (:Territory {id: $territoryId})<-[:PART_OF]-(:Epci)<-[:PART_OF]-(c:Commune)<-[:LOCATED_IN]-(s:Structure)
RETURN s.id AS id, s.name AS name, c.code AS communeCode
ORDER BY id
