// Actors (fictitious people). $rows: [{id, firstName, lastName, email, phone, category, profession}]
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a.firstName = row.firstName,
    a.lastName = row.lastName,
    a.email = row.email,
    a.phone = row.phone,
    a.category = row.category,
    a.profession = row.profession
