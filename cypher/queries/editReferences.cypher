// Which of the given references belong to the territory: communes (INSEE codes), axes, organisations
// (structures and institutions), organisers (work groups and structures), work groups, actors. Each
// list comes back filtered to the valid ones; no row when there is no such territory.
// Parameters: $territoryId, $communeCodes, $axisIds, $organisationIds, $organiserIds, $workGroupIds, $actorIds.
MATCH (t:Territory {id: $territoryId})
RETURN
  [code IN $communeCodes WHERE EXISTS { (:Commune {code: code})-[:PART_OF]->(:Epci)-[:PART_OF]->(t) }] AS communeCodes,
  [id IN $axisIds WHERE EXISTS { (:Axis {id: id})-[:BELONGS_TO]->(t) }] AS axisIds,
  [id IN $organisationIds WHERE
    EXISTS { (:Structure {id: id})-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t) }
    OR EXISTS { (:Institution {id: id})-[:SIGNED]->(:Contract)-[:COVERS]->(t) }
    OR EXISTS { (:Institution {id: id})-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t) }] AS organisationIds,
  [id IN $organiserIds WHERE
    EXISTS { (:WorkGroup {id: id})-[:BELONGS_TO]->(t) }
    OR EXISTS { (:Structure {id: id})-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t) }] AS organiserIds,
  [id IN $workGroupIds WHERE EXISTS { (:WorkGroup {id: id})-[:BELONGS_TO]->(t) }] AS workGroupIds,
  [id IN $actorIds WHERE
    EXISTS { (:Actor {id: id})-[:MEMBER_OF]->(:Structure)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t) }
    OR EXISTS { (:Actor {id: id})-[:MEMBER_OF]->(:Institution)-[:SIGNED]->(:Contract)-[:COVERS]->(t) }
    OR EXISTS { (:Actor {id: id})-[:MEMBER_OF]->(:Institution)-[:LOCATED_IN]->(:Commune)-[:PART_OF]->(:Epci)-[:PART_OF]->(t) }
    OR EXISTS { (:Actor {id: id})-[:PARTICIPATES_IN]->(:WorkGroup)-[:BELONGS_TO]->(t) }] AS actorIds
