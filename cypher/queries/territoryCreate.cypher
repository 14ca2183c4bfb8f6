// A new, real (not demo) territory; fails on the territory_id constraint when the id is taken.
// Parameters: $territoryId, $name.
CREATE (t:Territory {id: $territoryId, name: $name, isDemo: false, createdAt: datetime()})
RETURN t.id AS id
