// A territory's contracts (id, generation, dates), or no row when the territory does not exist.
// Parameters: $territoryId.
MATCH (t:Territory {id: $territoryId})
OPTIONAL MATCH (t)<-[:COVERS]-(c:Contract)
WITH t, c ORDER BY c.generation
RETURN t.id AS id,
       [contract IN collect(c) | {id: contract.id, generation: contract.generation, signedOn: toString(contract.signedOn), endsOn: toString(contract.endsOn)}] AS contracts
