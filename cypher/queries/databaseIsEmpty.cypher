// True when no Territory exists yet (first start: the demo territory gets seeded).
RETURN NOT EXISTS { MATCH (:Territory) } AS isEmpty
