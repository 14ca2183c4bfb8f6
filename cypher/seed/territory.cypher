// The demo territory itself. $rows: [{id, name, isDemo}]
UNWIND $rows AS row
MERGE (t:Territory {id: row.id})
SET t.name = row.name, t.isDemo = row.isDemo
