// Communes and their EPCI. A missing centroid or contour (no geo source) keeps what is stored.
// $rows: [{code, name, population, departement, epciCode, centroid: {latitude, longitude} | null, contour: string | null}]
UNWIND $rows AS row
MATCH (e:Epci {code: row.epciCode})
MERGE (c:Commune {code: row.code})
SET c.name = row.name,
    c.population = toInteger(row.population),
    c.departement = row.departement,
    c.centroid = coalesce(point(row.centroid), c.centroid),
    c.contour = coalesce(row.contour, c.contour)
MERGE (c)-[:PART_OF]->(e)
