// The attendances of some events (those an attendance sheet names that already exist).
// Parameters: $eventIds.
UNWIND $eventIds AS eventId
MATCH (e:Event {id: eventId})<-[r:ATTENDED]-(a:Actor)
// [actorId, eventId, volunteerHours]
RETURN collect([a.id, e.id, r.volunteerHours]) AS attendanceRows
