// Writes back a saved view without an erased person's data. Parameters: $id, $state, $subtitle, $dropPicture.
MATCH (v:SavedView {id: $id})
SET v.state = $state,
    v.subtitle = $subtitle,
    v.picture = CASE WHEN $dropPicture THEN null ELSE v.picture END,
    v.updatedAt = datetime()
RETURN v.id AS id
