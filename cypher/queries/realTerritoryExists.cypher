// True when a territory that is not fictitious demo data exists (the development login then stops).
RETURN EXISTS { MATCH (t:Territory) WHERE coalesce(t.isDemo, false) = false } AS exists
