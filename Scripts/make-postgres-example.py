#!/usr/bin/env python3
"""Writes Examples/bai-chay.postgres.sql from Examples/bai-chay.sql: the same rows, with the
schema in PostgreSQL's own types (bigint ids, timestamp columns in the site's local time).
Run it after editing the SQLite script; a test checks that the two stay in step."""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parent.parent
source = (root / "Examples/bai-chay.sql").read_text(encoding="utf-8")

schema = """CREATE TABLE categories (
  id bigint PRIMARY KEY, parent_id bigint REFERENCES categories(id),
  slug text NOT NULL UNIQUE, name text NOT NULL, description text);
CREATE TABLE articles (
  id bigint PRIMARY KEY, category_id bigint REFERENCES categories(id),
  title text NOT NULL, slug text, summary text, content_html text, author text,
  image_url text, image_caption text, url text, tags text,
  status text NOT NULL DEFAULT 'published',
  -- Wall-clock time in the site's zone (Asia/Ho_Chi_Minh); loa reads a timestamp without
  -- time zone the way it reads naive text in SQLite.
  published_at timestamp NOT NULL, updated_at timestamp);
CREATE INDEX articles_category_published ON articles(category_id, published_at DESC, id DESC);
CREATE INDEX articles_published ON articles(published_at DESC, id DESC);
"""

start = source.index("CREATE TABLE categories")
end = source.index("INSERT INTO categories")
header = source[:start].replace(
    "-- Plain SQL: runs in SQLite; kept portable for a PostgreSQL variant.",
    "-- PostgreSQL version, generated from bai-chay.sql by Scripts/make-postgres-example.py.\n"
    "-- Load it with: psql -v ON_ERROR_STOP=1 -d DBNAME -f Examples/bai-chay.postgres.sql",
)
out = header + schema + "\n" + source[end:]
(root / "Examples/bai-chay.postgres.sql").write_text(out, encoding="utf-8")
