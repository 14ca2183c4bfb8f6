// Re-identification in the details panels (issue 19): for each actor of $ids, how many people share
// their category, profession and role in each organisation of the territory they belonged to during
// the window [$from, $to] (a null bound is open-ended), themselves included. Memberships and
// organisations of the territory as in explorerActor. One row per actor of $ids that exists:
// `peers` lists one count per membership, empty when the actor belonged to none.
// Parameters: $territoryId, $ids, $from, $to.
MATCH (t:Territory {id: $territoryId})
UNWIND $ids AS id
MATCH (a:Actor {id: id})
CALL (t, a) {
  OPTIONAL MATCH (a)-[m:MEMBER_OF]->(o)
  WHERE ($to IS NULL OR m.since IS NULL OR m.since <= $to)
    AND ($from IS NULL OR m.until IS NULL OR m.until >= $from)
    AND (
      (o:Structure AND EXISTS { (o)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t) })
      OR (o:Institution AND (
        EXISTS { (o)-[:SIGNED]->(:Contract)-[:COVERS]->(t) }
        OR EXISTS { (o)<-[:MEMBER_OF]-(:Actor)-[:PARTICIPATES_IN]->(:WorkGroup)-[:BELONGS_TO]->(t) }
      ))
    )
  WITH a, m, o
  RETURN collect(CASE WHEN o IS NULL THEN null ELSE COUNT {
    MATCH (o)<-[peer:MEMBER_OF]-(b:Actor)
    WHERE b.category = a.category
      AND coalesce(b.profession, '') = coalesce(a.profession, '')
      AND coalesce(peer.role, '') = coalesce(m.role, '')
      AND ($to IS NULL OR peer.since IS NULL OR peer.since <= $to)
      AND ($from IS NULL OR peer.until IS NULL OR peer.until >= $from)
    WITH DISTINCT b
    RETURN b
  } END) AS peers
}
RETURN a.id AS id, peers
