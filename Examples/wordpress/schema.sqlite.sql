-- The WordPress tables of schema.mariadb.sql for SQLite: the same columns, defaults and
-- indexes. SQLite cannot parse `bigint(20) unsigned` or `auto_increment`: ids are
-- `INTEGER PRIMARY KEY` (SQLite's auto-increment), other integers `bigint unsigned`, and the
-- KEY clauses are CREATE INDEX statements. Load it, then data.sql:
--   sqlite3 wordpress.sqlite < schema.sqlite.sql && sqlite3 wordpress.sqlite < data.sql

CREATE TABLE wp_users (
	ID INTEGER PRIMARY KEY,
	user_login varchar(60) NOT NULL default '',
	user_pass varchar(255) NOT NULL default '',
	user_nicename varchar(50) NOT NULL default '',
	user_email varchar(100) NOT NULL default '',
	user_url varchar(100) NOT NULL default '',
	user_registered datetime NOT NULL default '0000-00-00 00:00:00',
	user_activation_key varchar(255) NOT NULL default '',
	user_status int NOT NULL default '0',
	display_name varchar(250) NOT NULL default ''
);
CREATE INDEX wp_users_user_login_key ON wp_users (user_login);
CREATE INDEX wp_users_user_nicename ON wp_users (user_nicename);
CREATE INDEX wp_users_user_email ON wp_users (user_email);

CREATE TABLE wp_terms (
	term_id INTEGER PRIMARY KEY,
	name varchar(200) NOT NULL default '',
	slug varchar(200) NOT NULL default '',
	term_group bigint NOT NULL default 0
);
CREATE INDEX wp_terms_slug ON wp_terms (slug);
CREATE INDEX wp_terms_name ON wp_terms (name);

CREATE TABLE wp_term_taxonomy (
	term_taxonomy_id INTEGER PRIMARY KEY,
	term_id bigint unsigned NOT NULL default 0,
	taxonomy varchar(32) NOT NULL default '',
	description longtext NOT NULL,
	parent bigint unsigned NOT NULL default 0,
	count bigint NOT NULL default 0
);
CREATE UNIQUE INDEX wp_term_taxonomy_term_id_taxonomy ON wp_term_taxonomy (term_id,taxonomy);
CREATE INDEX wp_term_taxonomy_taxonomy ON wp_term_taxonomy (taxonomy);

CREATE TABLE wp_term_relationships (
	object_id bigint unsigned NOT NULL default 0,
	term_taxonomy_id bigint unsigned NOT NULL default 0,
	term_order int NOT NULL default 0,
	PRIMARY KEY (object_id,term_taxonomy_id)
);
CREATE INDEX wp_term_relationships_term_taxonomy_id ON wp_term_relationships (term_taxonomy_id);

CREATE TABLE wp_options (
	option_id INTEGER PRIMARY KEY,
	option_name varchar(191) NOT NULL default '',
	option_value longtext NOT NULL,
	autoload varchar(20) NOT NULL default 'yes'
);
CREATE UNIQUE INDEX wp_options_option_name ON wp_options (option_name);
CREATE INDEX wp_options_autoload ON wp_options (autoload);

CREATE TABLE wp_postmeta (
	meta_id INTEGER PRIMARY KEY,
	post_id bigint unsigned NOT NULL default '0',
	meta_key varchar(255) default NULL,
	meta_value longtext
);
CREATE INDEX wp_postmeta_post_id ON wp_postmeta (post_id);
CREATE INDEX wp_postmeta_meta_key ON wp_postmeta (meta_key);

CREATE TABLE wp_posts (
	ID INTEGER PRIMARY KEY,
	post_author bigint unsigned NOT NULL default '0',
	post_date datetime NOT NULL default '0000-00-00 00:00:00',
	post_date_gmt datetime NOT NULL default '0000-00-00 00:00:00',
	post_content longtext NOT NULL,
	post_title text NOT NULL,
	post_excerpt text NOT NULL,
	post_status varchar(20) NOT NULL default 'publish',
	comment_status varchar(20) NOT NULL default 'open',
	ping_status varchar(20) NOT NULL default 'open',
	post_password varchar(255) NOT NULL default '',
	post_name varchar(200) NOT NULL default '',
	to_ping text NOT NULL,
	pinged text NOT NULL,
	post_modified datetime NOT NULL default '0000-00-00 00:00:00',
	post_modified_gmt datetime NOT NULL default '0000-00-00 00:00:00',
	post_content_filtered longtext NOT NULL,
	post_parent bigint unsigned NOT NULL default '0',
	guid varchar(255) NOT NULL default '',
	menu_order int NOT NULL default '0',
	post_type varchar(20) NOT NULL default 'post',
	post_mime_type varchar(100) NOT NULL default '',
	comment_count bigint NOT NULL default '0'
);
CREATE INDEX wp_posts_post_name ON wp_posts (post_name);
CREATE INDEX wp_posts_type_status_date ON wp_posts (post_type,post_status,post_date,ID);
CREATE INDEX wp_posts_post_parent ON wp_posts (post_parent);
CREATE INDEX wp_posts_post_author ON wp_posts (post_author);
