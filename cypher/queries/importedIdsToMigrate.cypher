// Nodes created by spreadsheet imports before issue 19, whose ids were made of the first 12 hex
// digits of a SHA-256 of an e-mail, a name or a title (`<territory>-imp-a-0123456789ab`): they can
// be recomputed from those and linked to a person. No parameters.
MATCH (n)
WHERE (n:Actor OR n:Structure OR n:WorkGroup OR n:Event) AND n.id =~ '.+-imp-[asge]-[0-9a-f]{12}'
RETURN n.id AS id, [label IN labels(n) WHERE label IN ['Actor', 'Structure', 'WorkGroup', 'Event']][0] AS label
ORDER BY id
