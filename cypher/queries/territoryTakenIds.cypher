// Which of the given axis and contract ids are already used (by any territory).
// Parameters: $axisIds, $contractIds.
CALL () {
  UNWIND $axisIds AS id
  MATCH (a:Axis {id: id})
  RETURN a.id AS id
  UNION
  UNWIND $contractIds AS id
  MATCH (c:Contract {id: id})
  RETURN c.id AS id
}
RETURN id
ORDER BY id
