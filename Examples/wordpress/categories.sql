-- WordPress categories (taxonomy 'category') as loa's categories. wp_term_taxonomy.parent
-- holds the parent's term_id, 0 for a top-level category.
SELECT
  t.term_id AS id,
  NULLIF(tt.parent, 0) AS parent_id,
  t.slug AS slug,
  t.name AS name,
  tt.description AS description
FROM wp_terms t
JOIN wp_term_taxonomy tt ON tt.term_id = t.term_id
WHERE tt.taxonomy = 'category'
