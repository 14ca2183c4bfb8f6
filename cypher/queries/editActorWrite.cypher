// Creates or changes a person; each write raises the version by one. Parameters: $id, $firstName, $lastName, $email, $phone, $category, $profession.
MERGE (a:Actor {id: $id})
SET a.version = coalesce(a.version, 0) + 1, a.firstName = $firstName, a.lastName = $lastName, a.email = $email, a.phone = $phone,
    a.category = $category, a.profession = $profession
RETURN a.id AS id
