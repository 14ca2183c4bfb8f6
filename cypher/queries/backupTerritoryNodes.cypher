// Every node that belongs to a territory, with its labels and properties; no row when there is no such territory.
// Belonging follows the model: contracts COVER it; EPCI are PART_OF it and communes PART_OF those; axes,
// work groups BELONG_TO it; saved views SHOW it; structures and institutions stand in its communes
// (institutions also by SIGNING its contracts); events are organised by its work groups or structures,
// or held in its communes; actors are members of its organisations, take part in its work groups or
// attended its events; the audit trail's entries carry its id (they have no relationships).
// Parameters: $territoryId.
MATCH (t:Territory {id: $territoryId})
WITH t,
  COLLECT { MATCH (t)<-[:COVERS]-(n:Contract) RETURN n } AS contracts,
  COLLECT { MATCH (t)<-[:PART_OF]-(n:Epci) RETURN n } AS epcis,
  COLLECT { MATCH (t)<-[:PART_OF]-(:Epci)<-[:PART_OF]-(n:Commune) RETURN DISTINCT n } AS communes,
  COLLECT { MATCH (t)<-[:BELONGS_TO]-(n) WHERE n:Axis OR n:WorkGroup RETURN n } AS owned,
  COLLECT { MATCH (t)<-[:SHOWS]-(n:SavedView) RETURN n } AS savedViews,
  COLLECT { MATCH (n:AuditEntry {territoryId: $territoryId}) RETURN n } AS auditEntries
WITH t, contracts, epcis, communes, owned, savedViews, auditEntries,
  COLLECT { UNWIND communes AS c MATCH (c)<-[:LOCATED_IN]-(n:Structure) RETURN DISTINCT n } AS structures,
  COLLECT {
    UNWIND communes AS c MATCH (c)<-[:LOCATED_IN]-(n:Institution) RETURN n
    UNION
    UNWIND contracts AS k MATCH (k)<-[:SIGNED]-(n:Institution) RETURN n
  } AS institutions
WITH t, contracts, epcis, communes, owned, savedViews, auditEntries, structures, institutions,
  COLLECT {
    UNWIND owned + structures AS o MATCH (o)<-[:ORGANISED_BY]-(n:Event) RETURN n
    UNION
    UNWIND communes AS c MATCH (c)<-[:HELD_IN]-(n:Event) RETURN n
  } AS events
WITH t, contracts, epcis, communes, owned, savedViews, auditEntries, structures, institutions, events,
  COLLECT {
    UNWIND structures + institutions AS o MATCH (o)<-[:MEMBER_OF]-(n:Actor) RETURN n
    UNION
    UNWIND owned AS w MATCH (w)<-[:PARTICIPATES_IN]-(n:Actor) RETURN n
    UNION
    UNWIND events AS e MATCH (e)<-[:ATTENDED]-(n:Actor) RETURN n
  } AS actors
UNWIND [t] + contracts + epcis + communes + owned + savedViews + auditEntries + structures + institutions + events + actors AS n
WITH DISTINCT n
RETURN elementId(n) AS elementId, labels(n) AS labels, properties(n) AS properties
