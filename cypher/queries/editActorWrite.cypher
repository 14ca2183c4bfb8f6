// Creates or changes a person. Parameters: $id, $firstName, $lastName, $email, $phone, $category, $profession.
MERGE (a:Actor {id: $id})
SET a.firstName = $firstName, a.lastName = $lastName, a.email = $email, a.phone = $phone,
    a.category = $category, a.profession = $profession
RETURN a.id AS id
