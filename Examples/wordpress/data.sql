-- Sample content of a WordPress site: the news portal of Phường Hồng Hải (a ward of Hạ Long,
-- Quảng Ninh, Vietnam). Fictional: https://honghai.example.org/ -- people and events invented.
-- Plain INSERTs that run on MariaDB/MySQL and on SQLite, after schema.mariadb.sql or
-- schema.sqlite.sql. No backslashes (MariaDB reads them as escapes, SQLite does not).
--
-- What loa must publish: the 7 posts with post_status 'publish' and post_type 'post' (101-106,
-- 113). What it must leave out: a draft (107, zero post_date_gmt as WordPress writes it), a
-- scheduled post (108, 'future'), a private post (109), a page (110), a revision of 101 (111),
-- a trashed post (112), an auto-draft (114), a published post behind a password (115) and the image attachments (201, 202).
-- post_date is the site's wall-clock time (Asia/Ho_Chi_Minh, UTC+7), post_date_gmt the same
-- instant in UTC. term_taxonomy_id differs from term_id on purpose: wp_term_relationships
-- holds the former, wp_term_taxonomy.parent the latter.

INSERT INTO wp_options (option_id, option_name, option_value, autoload) VALUES
  (1, 'siteurl', 'https://honghai.example.org', 'yes'),
  (2, 'home', 'https://honghai.example.org', 'yes'),
  (3, 'blogname', 'Phường Hồng Hải – Tin tức &amp; Sự kiện', 'yes'),
  (4, 'blogdescription', 'Tin tức, thông báo và hoạt động của phường Hồng Hải, thành phố Hạ Long', 'yes'),
  (5, 'permalink_structure', '/%postname%/', 'yes'),
  (6, 'timezone_string', 'Asia/Ho_Chi_Minh', 'yes'),
  (7, 'gmt_offset', '', 'yes'),
  (8, 'WPLANG', 'vi', 'yes'),
  (9, 'category_base', '', 'yes'),
  (10, 'default_category', '1', 'yes');

INSERT INTO wp_users (ID, user_login, user_pass, user_nicename, user_email, user_url, user_registered, user_activation_key, user_status, display_name) VALUES
  (1, 'bientap', '$P$Bexamplehashnotarealpassword0', 'bientap', 'bientap@honghai.example.org', '', '2025-03-01 02:00:00', '', 0, 'Ban Biên tập'),
  (2, 'thuha', '$P$Bexamplehashnotarealpassword1', 'thuha', 'thuha@honghai.example.org', '', '2025-03-02 02:00:00', '', 0, 'Nguyễn Thu Hà'),
  (3, 'minhduc', '$P$Bexamplehashnotarealpassword2', 'minhduc', 'minhduc@honghai.example.org', '', '2025-03-02 03:00:00', '', 0, 'Trần Minh Đức');

INSERT INTO wp_terms (term_id, name, slug, term_group) VALUES
  (1, 'Chưa phân loại', 'chua-phan-loai', 0),
  (2, 'Tin tức', 'tin-tuc', 0),
  (3, 'Thời sự', 'thoi-su', 0),
  (4, 'Văn hóa', 'van-hoa', 0),
  (5, 'Thông báo', 'thong-bao', 0),
  (6, 'giao thông', 'giao-thong', 0),
  (7, 'lễ hội', 'le-hoi', 0),
  (8, 'Hạ Long', 'ha-long', 0),
  (9, 'Kinh tế', 'kinh-te', 0);

INSERT INTO wp_term_taxonomy (term_taxonomy_id, term_id, taxonomy, description, parent, count) VALUES
  (11, 1, 'category', '', 0, 0),
  (12, 2, 'category', 'Tin tức về hoạt động của chính quyền và đời sống Nhân dân phường Hồng Hải.', 0, 0),
  (13, 3, 'category', 'Sự kiện thời sự, chỉ đạo điều hành của phường.', 2, 0),
  (14, 4, 'category', 'Văn hóa, thể thao và lễ hội ở các khu phố.', 0, 0),
  (15, 5, 'category', 'Thông báo chính thức của UBND phường Hồng Hải.', 0, 0),
  (16, 6, 'post_tag', '', 0, 0),
  (17, 7, 'post_tag', '', 0, 0),
  (18, 8, 'post_tag', '', 0, 0),
  (19, 9, 'category', 'Sản xuất, kinh doanh và dịch vụ trên địa bàn phường.', 0, 0);

INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (
  101,
  2,
  '2026-11-20 08:30:00',
  '2026-11-20 01:30:00',
  '<!-- wp:paragraph -->
<p>Từ ngày 22/11, các phương tiện đi qua nút giao Hồng Hải được phân luồng để phục vụ thi công cải tạo mặt đường.</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>Người dân đi từ trung tâm về Cẩm Phả đi theo đường bao biển; xe trên 16 chỗ không đi vào đường Lê Thánh Tông trong giờ cao điểm.</p>
<!-- /wp:paragraph -->',
  'Phân luồng giao thông phục vụ thi công nút giao Hồng Hải',
  'Phân luồng từ ngày 22/11 để cải tạo mặt đường tại nút giao Hồng Hải.',
  'publish',
  'open',
  'open',
  '',
  'phan-luong-giao-thong-nut-giao-hong-hai',
  '',
  '',
  '2026-11-20 10:00:00',
  '2026-11-20 03:00:00',
  '',
  0,
  'https://honghai.example.org/?p=101',
  0,
  'post',
  '',
  0);

INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (
  102,
  3,
  '2026-11-19 15:00:00',
  '2026-11-19 08:00:00',
  '<!-- wp:paragraph -->
<p>UBND phường thông báo lịch tổng duyệt Lễ hội Carnaval phố biển vào tối 28/11 và các tuyến đường tạm cấm từ 18 giờ.</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>Bà con khu phố 3, khu phố 5 lưu ý đưa xe vào nhà trước 17 giờ 30.</p>
<!-- /wp:paragraph -->',
  'Lễ hội Carnaval phố biển: lịch tổng duyệt và các tuyến đường tạm cấm',
  '',
  'publish',
  'open',
  'open',
  '',
  'le-hoi-carnaval-pho-bien-lich-tong-duyet',
  '',
  '',
  '2026-11-19 15:00:00',
  '2026-11-19 08:00:00',
  '',
  0,
  'https://honghai.example.org/?p=102',
  0,
  'post',
  '',
  0);

INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (
  103,
  2,
  '2026-11-18 09:45:00',
  '2026-11-18 02:45:00',
  '<!-- wp:paragraph -->
<p>Phường phối hợp với cơ quan thuế hướng dẫn hơn 300 hộ kinh doanh ăn uống, lưu trú chuyển sang hóa đơn điện tử khởi tạo từ máy tính tiền.</p>
<!-- /wp:paragraph -->',
  'Hơn 300 hộ kinh doanh được hướng dẫn hóa đơn điện tử',
  'Hướng dẫn tại chỗ cho hộ kinh doanh ăn uống, lưu trú.',
  'publish',
  'open',
  'open',
  '',
  'ho-kinh-doanh-hoa-don-dien-tu',
  '',
  '',
  '2026-11-18 09:45:00',
  '2026-11-18 02:45:00',
  '',
  0,
  'https://honghai.example.org/?p=103',
  0,
  'post',
  '',
  0);

INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (
  104,
  1,
  '2026-11-18 00:15:00',
  '2026-11-17 17:15:00',
  '<!-- wp:paragraph -->
<p>Sáng Chủ nhật, hơn 500 cán bộ, đoàn viên và người dân các khu phố cùng ra quân dọn vệ sinh tuyến đường ven biển.</p>
<!-- /wp:paragraph -->',
  'Phường Hồng Hải ra quân tổng vệ sinh môi trường cuối tuần',
  '',
  'publish',
  'open',
  'open',
  '',
  'ra-quan-tong-ve-sinh-moi-truong',
  '',
  '',
  '2026-11-18 00:15:00',
  '2026-11-17 17:15:00',
  '',
  0,
  'https://honghai.example.org/?p=104',
  0,
  'post',
  '',
  0);

INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (
  105,
  3,
  '2026-11-16 19:20:00',
  '2026-11-16 12:20:00',
  '<!-- wp:paragraph -->
<p>Đêm nhạc tại quảng trường khu phố 2 quy tụ các câu lạc bộ văn nghệ quần chúng của phường.</p>
<!-- /wp:paragraph -->',
  'Đêm nhạc “Hồng Hải – miền biển quê hương” thu hút hàng nghìn người xem',
  '',
  'publish',
  'open',
  'open',
  '',
  'dem-nhac-hong-hai-mien-bien-que-huong',
  '',
  '',
  '2026-11-16 19:20:00',
  '2026-11-16 12:20:00',
  '',
  0,
  'https://honghai.example.org/?p=105',
  0,
  'post',
  '',
  0);

INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (
  106,
  2,
  '2026-11-15 07:00:00',
  '2026-11-15 00:00:00',
  '<!-- wp:paragraph -->
<p>Chủ tịch UBND phường tiếp công dân định kỳ vào sáng thứ Năm hằng tuần tại Bộ phận một cửa.</p>
<!-- /wp:paragraph -->',
  'Lịch tiếp công dân tháng 12/2026',
  '',
  'publish',
  'open',
  'open',
  '',
  'lich-tiep-cong-dan-thang-12-2026',
  '',
  '',
  '2026-11-15 07:00:00',
  '2026-11-15 00:00:00',
  '',
  0,
  'https://honghai.example.org/?p=106',
  0,
  'post',
  '',
  0);

INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (
  113,
  1,
  '2026-11-17 14:10:00',
  '2026-11-17 07:10:00',
  '<!-- wp:paragraph -->
<p>Chợ đêm mở cửa từ 17 giờ đến 23 giờ hằng ngày, ưu tiên hộ kinh doanh của phường.</p>
<!-- /wp:paragraph -->',
  'Khai trương chợ đêm Hồng Hải: thêm 120 gian hàng cho hộ kinh doanh',
  '',
  'publish',
  'open',
  'open',
  '',
  'khai-truong-cho-dem-hong-hai',
  '',
  '',
  '2026-11-17 14:10:00',
  '2026-11-17 07:10:00',
  '',
  0,
  'https://honghai.example.org/?p=113',
  0,
  'post',
  '',
  0);

INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (
  107,
  2,
  '2026-11-21 09:00:00',
  '0000-00-00 00:00:00',
  '<!-- wp:paragraph -->
<p>Chưa duyệt.</p>
<!-- /wp:paragraph -->',
  'Bản nháp: kế hoạch tổng kết năm',
  '',
  'draft',
  'open',
  'open',
  '',
  'ban-nhap-ke-hoach-tong-ket',
  '',
  '',
  '2026-11-21 09:00:00',
  '2026-11-21 02:00:00',
  '',
  0,
  'https://honghai.example.org/?p=107',
  0,
  'post',
  '',
  0);

INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (
  108,
  3,
  '2026-12-24 08:00:00',
  '2026-12-24 01:00:00',
  '<!-- wp:paragraph -->
<p>Đăng theo lịch.</p>
<!-- /wp:paragraph -->',
  'Chương trình đón Giáng sinh và năm mới 2027',
  '',
  'future',
  'open',
  'open',
  '',
  'chuong-trinh-don-giang-sinh-nam-moi-2027',
  '',
  '',
  '2026-12-24 08:00:00',
  '2026-12-24 01:00:00',
  '',
  0,
  'https://honghai.example.org/?p=108',
  0,
  'post',
  '',
  0);

INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (
  109,
  1,
  '2026-11-19 08:00:00',
  '2026-11-19 01:00:00',
  '<!-- wp:paragraph -->
<p>Chỉ dành cho cán bộ phường.</p>
<!-- /wp:paragraph -->',
  'Riêng tư: danh sách cán bộ trực',
  '',
  'private',
  'open',
  'open',
  '',
  'rieng-tu-danh-sach-can-bo-truc',
  '',
  '',
  '2026-11-19 08:00:00',
  '2026-11-19 01:00:00',
  '',
  0,
  'https://honghai.example.org/?p=109',
  0,
  'post',
  '',
  0);

INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (
  110,
  1,
  '2025-03-01 09:00:00',
  '2025-03-01 02:00:00',
  '<!-- wp:paragraph -->
<p>Trang giới thiệu.</p>
<!-- /wp:paragraph -->',
  'Giới thiệu phường Hồng Hải',
  '',
  'publish',
  'open',
  'open',
  '',
  'gioi-thieu',
  '',
  '',
  '2025-03-01 09:00:00',
  '2025-03-01 02:00:00',
  '',
  0,
  'https://honghai.example.org/?p=110',
  0,
  'page',
  '',
  0);

INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (
  111,
  2,
  '2026-11-20 09:55:00',
  '2026-11-20 02:55:00',
  '<!-- wp:paragraph -->
<p>Bản sửa cũ.</p>
<!-- /wp:paragraph -->',
  'Phân luồng giao thông phục vụ thi công nút giao Hồng Hải (bản sửa)',
  '',
  'inherit',
  'open',
  'open',
  '',
  '101-revision-v1',
  '',
  '',
  '2026-11-20 09:55:00',
  '2026-11-20 02:55:00',
  '',
  101,
  'https://honghai.example.org/?p=111',
  0,
  'revision',
  '',
  0);

INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (
  112,
  3,
  '2026-11-10 10:00:00',
  '2026-11-10 03:00:00',
  '<!-- wp:paragraph -->
<p>Đã chuyển vào thùng rác.</p>
<!-- /wp:paragraph -->',
  'Bài đã xóa',
  '',
  'trash',
  'open',
  'open',
  '',
  'bai-da-xoa__trashed',
  '',
  '',
  '2026-11-10 10:00:00',
  '2026-11-10 03:00:00',
  '',
  0,
  'https://honghai.example.org/?p=112',
  0,
  'post',
  '',
  0);

INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (
  114,
  2,
  '2026-11-21 10:00:00',
  '0000-00-00 00:00:00',
  '',
  'Bản nháp tự động',
  '',
  'auto-draft',
  'open',
  'open',
  '',
  '',
  '',
  '',
  '2026-11-21 10:00:00',
  '0000-00-00 00:00:00',
  '',
  0,
  'https://honghai.example.org/?p=114',
  0,
  'post',
  '',
  0);

INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (
  115,
  1,
  '2026-11-19 10:00:00',
  '2026-11-19 03:00:00',
  '<!-- wp:paragraph -->
<p>Nội dung có mật khẩu.</p>
<!-- /wp:paragraph -->',
  'Tài liệu hội nghị (bảo vệ bằng mật khẩu)',
  '',
  'publish',
  'open',
  'open',
  'hoinghi2026',
  'tai-lieu-hoi-nghi',
  '',
  '',
  '2026-11-19 10:00:00',
  '2026-11-19 03:00:00',
  '',
  0,
  'https://honghai.example.org/?p=115',
  0,
  'post',
  '',
  0);

INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (
  201,
  2,
  '2026-11-20 08:20:00',
  '2026-11-20 01:20:00',
  '',
  'nut-giao-hong-hai',
  'Nút giao Hồng Hải trước ngày thi công. Ảnh: Thu Hà',
  'inherit',
  'open',
  'open',
  '',
  'nut-giao-hong-hai',
  '',
  '',
  '2026-11-20 08:20:00',
  '2026-11-20 01:20:00',
  '',
  101,
  'https://honghai.example.org/wp-content/uploads/2026/11/nut-giao-hong-hai.jpg',
  0,
  'attachment',
  'image/jpeg',
  0);

INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES (
  202,
  3,
  '2026-11-16 19:00:00',
  '2026-11-16 12:00:00',
  '',
  'dem-nhac-quang-truong',
  '',
  'inherit',
  'open',
  'open',
  '',
  'dem-nhac-quang-truong',
  '',
  '',
  '2026-11-16 19:00:00',
  '2026-11-16 12:00:00',
  '',
  105,
  'https://honghai.example.org/wp-content/uploads/2026/11/dem-nhac-quang-truong.jpg',
  0,
  'attachment',
  'image/jpeg',
  0);

INSERT INTO wp_term_relationships (object_id, term_taxonomy_id, term_order) VALUES
  (101, 13, 0),
  (101, 16, 0),
  (101, 18, 0),
  (102, 14, 0),
  (102, 15, 0),
  (102, 17, 0),
  (102, 18, 0),
  (103, 19, 0),
  (104, 12, 0),
  (105, 14, 0),
  (105, 17, 0),
  (106, 11, 0),
  (113, 13, 0),
  (113, 19, 0),
  (113, 18, 0),
  (107, 15, 0),
  (108, 14, 0),
  (108, 17, 0),
  (109, 15, 0),
  (112, 12, 0),
  (115, 15, 0);

INSERT INTO wp_postmeta (meta_id, post_id, meta_key, meta_value) VALUES
  (1, 101, '_thumbnail_id', '201'),
  (2, 105, '_thumbnail_id', '202'),
  (3, 101, '_edit_lock', '1763605200:2'),
  (4, 201, '_wp_attached_file', '2026/11/nut-giao-hong-hai.jpg'),
  (5, 202, '_wp_attached_file', '2026/11/dem-nhac-quang-truong.jpg');

UPDATE wp_term_taxonomy SET count = (SELECT count(*) FROM wp_term_relationships r
  JOIN wp_posts p ON p.ID = r.object_id
  WHERE r.term_taxonomy_id = wp_term_taxonomy.term_taxonomy_id AND p.post_status = 'publish');
