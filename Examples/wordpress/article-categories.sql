-- Every category of every post (a post may have several): wp_term_relationships holds
-- term_taxonomy_id, which wp_term_taxonomy turns into the category's term_id.
SELECT
  tr.object_id AS article_id,
  tt.term_id AS category_id
FROM wp_term_relationships tr
JOIN wp_term_taxonomy tt ON tt.term_taxonomy_id = tr.term_taxonomy_id
WHERE tt.taxonomy = 'category'
