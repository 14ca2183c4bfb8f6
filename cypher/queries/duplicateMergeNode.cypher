// A node to merge: what it is (Actor, Structure or another kind), its properties and relationships,
// and the territories it is on (an actor: through its structures, institutions and work groups, as
// the Actor access rule; a structure: through its commune). No row when no actor, structure or
// institution has this id. Parameters: $id.
CALL () {
  MATCH (n:Actor {id: $id}) RETURN n
  UNION
  MATCH (n:Structure {id: $id}) RETURN n
  UNION
  MATCH (n:Institution {id: $id}) RETURN n
}
RETURN elementId(n) AS elementId, labels(n) AS labels, properties(n) AS properties,
  COLLECT {
    MATCH (n)-[:MEMBER_OF]->(:Structure)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t:Territory) WHERE n:Actor RETURN t.id AS id
    UNION
    MATCH (n)-[:MEMBER_OF]->(:Institution)-[:SIGNED]->(:Contract)-[:COVERS]->(t:Territory) WHERE n:Actor RETURN t.id AS id
    UNION
    MATCH (n)-[:MEMBER_OF]->(:Institution)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t:Territory) WHERE n:Actor RETURN t.id AS id
    UNION
    MATCH (n)-[:PARTICIPATES_IN]->(:WorkGroup)-[:BELONGS_TO]->(t:Territory) WHERE n:Actor RETURN t.id AS id
    UNION
    MATCH (n)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t:Territory) WHERE n:Structure RETURN t.id AS id
  } AS territoryIds,
  COLLECT {
    MATCH (n)-[r]-(other)
    RETURN [elementId(r), type(r), startNode(r) = n, elementId(other), properties(r), toString(r.since), toString(r.until)] AS row
  } AS relationships
