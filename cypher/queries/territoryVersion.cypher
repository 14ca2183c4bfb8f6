// The territory's data version (changed by every write to it; null before the first one, or without the territory). Parameters: $territoryId.
OPTIONAL MATCH (t:Territory {id: $territoryId})
RETURN t.dataVersion AS version
