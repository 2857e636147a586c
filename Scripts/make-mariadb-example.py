#!/usr/bin/env python3
"""Writes Examples/bai-chay.mariadb.sql from Examples/bai-chay.sql: the same rows, with the
schema in MariaDB/MySQL's own types (BIGINT ids, utf8mb4 text, DATETIME columns in the site's
local time). Run it after editing the SQLite script; a test checks that the two stay in step."""
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
source = (root / "Examples/bai-chay.sql").read_text(encoding="utf-8")

schema = """-- The SQLite script's strings use only '' as an escape; so does this one.
SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES');
SET NAMES utf8mb4;

CREATE TABLE categories (
  id BIGINT PRIMARY KEY, parent_id BIGINT, slug VARCHAR(191) NOT NULL UNIQUE,
  name VARCHAR(255) NOT NULL, description TEXT,
  FOREIGN KEY (parent_id) REFERENCES categories(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE articles (
  id BIGINT PRIMARY KEY, category_id BIGINT,
  title TEXT NOT NULL, slug VARCHAR(191), summary TEXT, content_html MEDIUMTEXT,
  author VARCHAR(255), image_url TEXT, image_caption TEXT, url TEXT, tags TEXT,
  status VARCHAR(20) NOT NULL DEFAULT 'published',
  -- Wall-clock time in the site's zone (Asia/Ho_Chi_Minh); loa reads a DATETIME the way it
  -- reads naive text in SQLite.
  published_at DATETIME NOT NULL, updated_at DATETIME NULL,
  KEY articles_category_published (category_id, published_at, id),
  KEY articles_published (published_at, id),
  FOREIGN KEY (category_id) REFERENCES categories(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
"""

start = source.index("BEGIN;")
end = source.index("INSERT INTO categories")
header = source[:start].replace(
    "-- Plain SQL: runs in SQLite; kept portable for a PostgreSQL variant.",
    "-- MariaDB/MySQL version, generated from bai-chay.sql by Scripts/make-mariadb-example.py.\n"
    "-- Load it with: mariadb DBNAME < Examples/bai-chay.mariadb.sql",
)
out = header + schema + "\nSTART TRANSACTION;\n\n" + source[end:]
(root / "Examples/bai-chay.mariadb.sql").write_text(out, encoding="utf-8")
