// The contracts of a territory in signature order, for the dashboard's years (from the first
// contract's signature) and its "change since the previous contract". No row when the territory
// has no contract. Parameters: $territoryId.
MATCH (t:Territory {id: $territoryId})<-[:COVERS]-(k:Contract)
RETURN k.name AS name, k.generation AS generation, toString(k.signedOn) AS signedOn, toString(k.endsOn) AS endsOn
ORDER BY k.signedOn, k.generation, k.name
