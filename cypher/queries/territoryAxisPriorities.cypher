// Makes an axis a priority of the given contracts of its territory. Parameters: $territoryId, $axisId, $contractIds.
MATCH (t:Territory {id: $territoryId})<-[:BELONGS_TO]-(a:Axis {id: $axisId})
UNWIND $contractIds AS contractId
MATCH (t)<-[:COVERS]-(c:Contract {id: contractId})
MERGE (c)-[:PRIORITISES]->(a)
