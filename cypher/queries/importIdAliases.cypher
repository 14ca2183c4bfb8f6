// Former ids of a territory's imported people and structures (kept by the start-up migration of
// issue 19, see server/src/import/idMigration.ts), so that a spreadsheet's id column naming one still
// finds the record. Parameters: $prefix (`<territory>-imp-`).
MATCH (n)
WHERE (n:Actor OR n:Structure) AND n.formerIds IS NOT NULL
UNWIND n.formerIds AS formerId
WITH n, formerId WHERE formerId STARTS WITH $prefix
RETURN formerId, n.id AS id
