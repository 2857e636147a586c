#!/usr/bin/env bash
# Loads a benchmark corpus (a loa-bench SQLite file) into a MariaDB database, the same rows:
# each table exported from SQLite as TSV with MariaDB's default LOAD DATA escaping (backslash,
# tab, newline, carriage return and NUL escaped; NULL as \N), read with LOAD DATA LOCAL INFILE
# into the schema of Examples/bai-chay.mariadb.sql, its two indexes created after the load.
# Then the row counts and a checksum of ids and titles are compared with SQLite's.
# A platform corpus (`loa-bench generate --platform`: a sites table) gets the platform schema
# of docs/multisite.md: the sites table, site_id on categories and articles, its indexes.
#
# Usage: Benchmarks/load-mariadb.sh CORPUS.sqlite SOCKET DATABASE
set -euo pipefail
sqlite=$1 socket=$2 database=$3
tmp="$(mktemp -d "${TMPDIR:-/tmp}/loa-bench-tsv.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
db() { mariadb --no-defaults --socket="$socket" -uroot --local-infile=1 "$@"; }

# esc EXPR: the SQLite expression of one TSV field.
esc() {
  echo "coalesce(replace(replace(replace(replace(replace(CAST($1 AS TEXT), char(92), char(92, 92)), char(9), char(92, 116)), char(10), char(92, 110)), char(13), char(92, 114)), char(0), char(92, 48)), char(92, 78))"
}
tsv() {  # tsv TABLE COLUMNS...
  local table=$1 select="" c
  shift
  for c in "$@"; do select+="${select:+ || char(9) || }$(esc "$c")"; done
  sqlite3 -batch -noheader -list "$sqlite" "SELECT $select FROM $table ORDER BY id" >"$tmp/$table.tsv"
}
category_columns=(id parent_id slug name description)
article_columns=(id category_id title slug summary content_html author image_url image_caption url
  tags status published_at updated_at)
platform=0
[[ -n "$(sqlite3 "$sqlite" "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sites'")" ]] && platform=1
site_column="" site_key="" sites_table="" sites_load="" category_unique="UNIQUE"
indexes="ADD KEY articles_category_published (category_id, published_at, id),
  ADD KEY articles_published (published_at, id)"
if ((platform)); then
  category_columns=(site_id "${category_columns[@]}")
  article_columns=(site_id "${article_columns[@]}")
  site_columns=(id code slug name url description language time_zone latitude longitude)
  tsv sites "${site_columns[@]}"
  site_column="site_id BIGINT NOT NULL,"
  site_key=", FOREIGN KEY (site_id) REFERENCES sites(id)"
  category_unique=""
  sites_table="CREATE TABLE sites (
  id BIGINT PRIMARY KEY, code VARCHAR(20), slug VARCHAR(191) NOT NULL UNIQUE,
  name VARCHAR(255) NOT NULL, url VARCHAR(1000) NOT NULL, description TEXT,
  language VARCHAR(35), time_zone VARCHAR(64), latitude DOUBLE, longitude DOUBLE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;"
  sites_load="LOAD DATA LOCAL INFILE '$tmp/sites.tsv' INTO TABLE sites CHARACTER SET utf8mb4
  ($(IFS=,; echo "${site_columns[*]}"));"
  indexes="ADD KEY articles_site_category_published (site_id, category_id, published_at, id),
  ADD KEY articles_site_published (site_id, published_at, id)"
fi
tsv categories "${category_columns[@]}"
tsv articles "${article_columns[@]}"

db >/dev/null <<SQL
DROP DATABASE IF EXISTS \`$database\`;
CREATE DATABASE \`$database\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
USE \`$database\`;
SET NAMES utf8mb4;
SET SESSION foreign_key_checks = 0, unique_checks = 0;
$sites_table
CREATE TABLE categories (
  id BIGINT PRIMARY KEY, $site_column parent_id BIGINT, slug VARCHAR(191) NOT NULL $category_unique,
  name VARCHAR(255) NOT NULL, description TEXT,
  FOREIGN KEY (parent_id) REFERENCES categories(id)$site_key$( ((platform)) && echo ", UNIQUE (site_id, slug)")
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE articles (
  id BIGINT PRIMARY KEY, $site_column category_id BIGINT,
  title TEXT NOT NULL, slug VARCHAR(191), summary TEXT, content_html MEDIUMTEXT,
  author VARCHAR(255), image_url TEXT, image_caption TEXT, url TEXT, tags TEXT,
  status VARCHAR(20) NOT NULL DEFAULT 'published',
  published_at DATETIME NOT NULL, updated_at DATETIME NULL,
  FOREIGN KEY (category_id) REFERENCES categories(id)$site_key
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
$sites_load
LOAD DATA LOCAL INFILE '$tmp/categories.tsv' INTO TABLE categories CHARACTER SET utf8mb4
  ($(IFS=,; echo "${category_columns[*]}"));
LOAD DATA LOCAL INFILE '$tmp/articles.tsv' INTO TABLE articles CHARACTER SET utf8mb4
  ($(IFS=,; echo "${article_columns[*]}"));
ALTER TABLE articles $indexes;
ANALYZE TABLE $( ((platform)) && echo "sites, ")categories, articles;
SQL

# The same rows: counts, then a checksum of every id and title (and the dates) on both sides.
check() {  # check LABEL SQLITE-QUERY MARIADB-QUERY
  local a b
  a=$(sqlite3 -batch -noheader "$sqlite" "$2" | sha256sum | cut -c1-16)
  b=$(db -N -B --raw "$database" -e "$3" | sha256sum | cut -c1-16)
  [[ $a == "$b" ]] || { echo "load-mariadb: $1 differ (SQLite $a, MariaDB $b)" >&2; exit 1; }
}
check "counts" "SELECT (SELECT count(*) FROM articles) || ' ' || (SELECT count(*) FROM categories)" \
  "SELECT CONCAT((SELECT count(*) FROM articles), ' ', (SELECT count(*) FROM categories))"
check "ids and titles" \
  "SELECT id || '|' || title || '|' || published_at || '|' || coalesce(updated_at, '') || '|' || length(coalesce(content_html, '')) FROM articles ORDER BY id" \
  "SELECT CONCAT(id, '|', title, '|', published_at, '|', coalesce(updated_at, ''), '|', char_length(coalesce(content_html, ''))) FROM articles ORDER BY id"
if ((platform)); then
  check "sites and site ids" \
    "SELECT (SELECT group_concat(id || '|' || slug || '|' || code, ',') FROM (SELECT * FROM sites ORDER BY id)) || ' ' || (SELECT sum(site_id * (id % 1000)) FROM articles) || ' ' || (SELECT sum(site_id * id) FROM categories)" \
    "SELECT CONCAT((SELECT group_concat(CONCAT(id, '|', slug, '|', code) ORDER BY id SEPARATOR ',') FROM sites), ' ', (SELECT sum(site_id * (id % 1000)) FROM articles), ' ', (SELECT sum(site_id * id) FROM categories))"
fi
echo "load-mariadb: $database holds the same $(sqlite3 "$sqlite" 'SELECT count(*) FROM articles') articles as $(basename "$sqlite")" >&2
