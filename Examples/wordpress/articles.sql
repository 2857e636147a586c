-- WordPress posts in the columns of loa's article contract (docs/database.md, "WordPress").
-- Runs on MariaDB/MySQL and SQLite; on PostgreSQL write string_agg(t.name, ',') for
-- group_concat(t.name) (`loa init` does). loa wraps the query and adds its own filter
-- (status among database.publishedStatuses: 'publish'), order and paging.
-- Posts behind a password are left out; pages, revisions and attachments are not 'post's.
SELECT
  p.ID AS id,
  -- The lowest category id is the primary one (WordPress's %category% picks it too);
  -- article-categories.sql gives every category of a post.
  (SELECT MIN(tt.term_id)
     FROM wp_term_relationships tr
     JOIN wp_term_taxonomy tt ON tt.term_taxonomy_id = tr.term_taxonomy_id
    WHERE tr.object_id = p.ID AND tt.taxonomy = 'category') AS category_id,
  p.post_title AS title,
  -- With permalinks /%postname%/ the URL is links.article "/{slug}/".
  p.post_name AS slug,
  p.post_excerpt AS summary,
  p.post_content AS content_html,
  u.display_name AS author,
  -- The featured image: the attachment the _thumbnail_id meta names, and its caption.
  (SELECT a.guid FROM wp_postmeta m JOIN wp_posts a ON a.ID = CAST(m.meta_value AS INTEGER)
    WHERE m.post_id = p.ID AND m.meta_key = '_thumbnail_id' AND a.post_type = 'attachment')
    AS image_url,
  (SELECT a.post_excerpt FROM wp_postmeta m JOIN wp_posts a ON a.ID = CAST(m.meta_value AS INTEGER)
    WHERE m.post_id = p.ID AND m.meta_key = '_thumbnail_id' AND a.post_type = 'attachment')
    AS image_caption,
  NULL AS url,
  -- Tags: the post_tag terms, comma-separated.
  (SELECT group_concat(t.name)
     FROM wp_term_relationships tr
     JOIN wp_term_taxonomy tt ON tt.term_taxonomy_id = tr.term_taxonomy_id
     JOIN wp_terms t ON t.term_id = tt.term_id
    WHERE tr.object_id = p.ID AND tt.taxonomy = 'post_tag') AS tags,
  p.post_status AS status,
  -- post_date is the site's wall-clock time (site.timeZone = WordPress's timezone_string).
  p.post_date AS published_at,
  p.post_modified AS updated_at
FROM wp_posts p
LEFT JOIN wp_users u ON u.ID = p.post_author
WHERE p.post_type = 'post' AND p.post_password = ''
