// True when the territory exists and its last seed step (attendances) was written. $territoryId
OPTIONAL MATCH (t:Territory {id: $territoryId})
RETURN t IS NOT NULL
  AND EXISTS { (t)<-[:BELONGS_TO]-(:WorkGroup)<-[:ORGANISED_BY]-(:Event)<-[:ATTENDED]-(:Actor) } AS seeded
