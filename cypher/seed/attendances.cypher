// Actor ATTENDED Event, written last: its presence tells that a seed went through. $rows: [{actorId, eventId, volunteerHours}]
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (e:Event {id: row.eventId})
MERGE (a)-[r:ATTENDED]->(e)
SET r.volunteerHours = toFloat(row.volunteerHours)
