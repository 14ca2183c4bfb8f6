// A territory's name, demo flag and priority axes, or no row when it does not exist. Parameters: $territoryId.
MATCH (t:Territory {id: $territoryId})
OPTIONAL MATCH (t)<-[:BELONGS_TO]-(ax:Axis)
WITH t, ax ORDER BY ax.id
RETURN t.id AS id, t.name AS name, coalesce(t.isDemo, false) AS isDemo, collect({id: ax.id, name: ax.name, kind: ax.kind}) AS axes
