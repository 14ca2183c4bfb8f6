// The territory with the smallest id, or no row in an empty database: what the start-up warm-up
// runs the analytics queries on. No parameters.
MATCH (t:Territory)
RETURN t.id AS id
ORDER BY id
LIMIT 1
