// EPCI of the territory. $territoryId; $rows: [{code, name, population}]
MATCH (t:Territory {id: $territoryId})
UNWIND $rows AS row
MERGE (e:Epci {code: row.code})
SET e.name = row.name, e.population = toInteger(row.population)
MERGE (e)-[:PART_OF]->(t)
