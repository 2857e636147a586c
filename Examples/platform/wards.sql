-- The platform's own rows, read by Examples/platform/generate.py: the sites table (Bãi Cháy,
-- site 1, whose categories and articles come unchanged from Examples/bai-chay.sql) and the
-- categories, articles and category links of the two other wards of the example.
-- Fictional portals (*.example.org); all people, figures and events are invented.
-- Portable SQL: single quotes, '' as the only escape, dates as 'YYYY-MM-DD HH:MM:SS' text
-- (local time, Asia/Ho_Chi_Minh), so the same statements load into SQLite, PostgreSQL and
-- MariaDB.
--
-- code: the ward's administrative unit code (mã đơn vị hành chính) since 1 July 2025
-- (Nghị quyết 1679/NQ-UBTVQH15 on Quảng Ninh's communes and wards; codes of Quyết định
-- 19/2025/QĐ-TTg), as two independent public lists give them: Bãi Cháy 06673, Hồng Gai 06685,
-- Tuần Châu 06706. Check them against the official list before relying on them.
--
-- Tuần Châu has no coordinates (NULL latitude and longitude): its feeds have no weather box.
-- Hồng Gai leaves description (the name is used) and language/time_zone (the configuration's)
-- NULL; Tuần Châu states its language and zone.

INSERT INTO sites (id, code, slug, name, url, description, language, time_zone, latitude, longitude) VALUES
  (1, '06673', 'bai-chay', 'Cổng thông tin điện tử phường Bãi Cháy', 'https://baichay.example.org/', 'Tin tức, thông báo và hoạt động của phường Bãi Cháy, thành phố Hạ Long, tỉnh Quảng Ninh.', NULL, NULL, 20.95, 107.05),
  (2, '06685', 'hong-gai', 'Cổng thông tin điện tử phường Hồng Gai', 'https://honggai.example.org/', NULL, NULL, NULL, 20.952, 107.083),
  (3, '06706', 'tuan-chau', 'Cổng thông tin điện tử phường Tuần Châu', 'https://tuanchau.example.org/', 'Tin tức, thông báo và thông tin du lịch của phường Tuần Châu, tỉnh Quảng Ninh.', 'vi', 'Asia/Ho_Chi_Minh', NULL, NULL);

-- Phường Hồng Gai (site 2): categories from 101. tin-tuc and thong-bao are also Bãi Cháy's
-- slugs: a category slug is unique per site, not across the platform.
INSERT INTO categories (site_id, id, parent_id, slug, name, description) VALUES
  (2, 101, NULL, 'tin-tuc', 'Tin tức', 'Tin tức về hoạt động của chính quyền và đời sống Nhân dân phường Hồng Gai.'),
  (2, 102, 101, 'thoi-su', 'Thời sự', 'Sự kiện thời sự và chỉ đạo điều hành của UBND phường Hồng Gai.'),
  (2, 103, NULL, 'thong-bao', 'Thông báo', 'Thông báo chính thức của UBND phường Hồng Gai.'),
  (2, 104, NULL, 'van-hoa-xa-hoi', 'Văn hóa – Xã hội', 'Văn hóa, thể thao, giáo dục và an sinh xã hội ở các khu phố Hồng Gai.'),
  (2, 105, NULL, 'do-thi-moi-truong', 'Đô thị – Môi trường', 'Chỉnh trang đô thị, vệ sinh môi trường và bảo vệ bờ vịnh.');

INSERT INTO articles (site_id, id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  2,
  1001,
  102,
  'Hồng Gai hoàn thành chỉnh trang khu vực quanh chợ Hạ Long 1',
  'hong-gai-hoan-thanh-chinh-trang-khu-vuc-cho-ha-long-1',
  'Sau ba tháng thi công, vỉa hè, hệ thống thoát nước và chiếu sáng quanh chợ Hạ Long 1 đã được cải tạo, tạo diện mạo mới cho khu trung tâm phường.',
  '<p>Sáng 26/11, UBND phường Hồng Gai tổ chức nghiệm thu và đưa vào sử dụng các hạng mục chỉnh trang khu vực quanh chợ Hạ Long 1, gồm lát lại gần 4.000 m² vỉa hè, nạo vét 1,2 km cống thoát nước và thay mới 86 cột đèn chiếu sáng.</p>
<p>Trong thời gian thi công, phường bố trí điểm bán hàng tạm và phân luồng để tiểu thương vẫn buôn bán bình thường. Bà <strong>Đỗ Thị Hằng</strong>, tiểu thương bán hải sản khô, chia sẻ: “Đường sạch, hè rộng, khách đến mua sắm cũng thoải mái hơn trước.”</p>
<p>Phường đề nghị các hộ kinh doanh không lấn chiếm vỉa hè, để xe đúng nơi quy định và giữ gìn vệ sinh chung.</p>',
  'Phạm Tuấn',
  '/uploads/2026/11/cho-ha-long-1-chinh-trang.jpg',
  'Vỉa hè mới quanh chợ Hạ Long 1. Ảnh: Phạm Tuấn',
  NULL,
  'chỉnh trang đô thị, chợ Hạ Long 1',
  'published',
  '2026-11-26 08:30:00',
  NULL);

INSERT INTO articles (site_id, id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  2,
  1002,
  103,
  'Thông báo tạm ngừng cấp nước khu vực đường Lê Thánh Tông để thay đường ống',
  'thong-bao-tam-ngung-cap-nuoc-duong-le-thanh-tong',
  'Từ 8 giờ đến 17 giờ ngày 5/12/2026, các hộ dân từ khu 3 đến khu 6 dọc đường Lê Thánh Tông tạm ngừng được cấp nước để thay tuyến ống chính.',
  '<p>Thực hiện kế hoạch cải tạo mạng lưới cấp nước, đơn vị cấp nước sẽ thay tuyến ống chính trên đường Lê Thánh Tông. Trong thời gian thi công, các hộ dân từ khu 3 đến khu 6 tạm ngừng được cấp nước.</p>
<ul>
<li><strong>Thời gian:</strong> từ 8 giờ đến 17 giờ ngày 5/12/2026.</li>
<li><strong>Phạm vi:</strong> các hộ dân, cơ quan, cửa hàng dọc đường Lê Thánh Tông, từ khu 3 đến khu 6.</li>
</ul>
<p>UBND phường đề nghị người dân chủ động dự trữ nước sinh hoạt. Mọi thắc mắc xin liên hệ Bộ phận một cửa phường hoặc tổng đài của đơn vị cấp nước.</p>',
  'UBND phường Hồng Gai',
  NULL,
  NULL,
  NULL,
  'cấp nước, thông báo',
  'published',
  '2026-11-27 15:00:00',
  '2026-11-28 07:45:00');

-- In two categories: van-hoa-xa-hoi (its category_id) and thong-bao (article_categories).
INSERT INTO articles (site_id, id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  2,
  1003,
  104,
  'Mời các khu phố đăng ký tham gia Ngày hội văn hóa – thể thao phường Hồng Gai năm 2026',
  'moi-dang-ky-ngay-hoi-van-hoa-the-thao-hong-gai-2026',
  'Ngày hội diễn ra vào ngày 13 và 14/12 tại quảng trường 30/10, với các phần thi văn nghệ, kéo co, đẩy gậy và trình diễn ẩm thực của các khu phố.',
  '<p>UBND phường Hồng Gai tổ chức Ngày hội văn hóa – thể thao các khu phố năm 2026 vào hai ngày 13 và 14/12 tại quảng trường 30/10. Mỗi khu phố đăng ký tối đa ba nội dung thi.</p>
<p>Các nội dung gồm: hội diễn văn nghệ quần chúng, kéo co, đẩy gậy, cờ tướng và trình diễn món ăn truyền thống vùng mỏ. Ban tổ chức trao giải toàn đoàn và giải cho từng nội dung.</p>
<p>Các khu phố gửi đăng ký về bộ phận Văn hóa – Xã hội phường <strong>trước ngày 8/12/2026</strong>.</p>',
  'Thu Hà',
  '/uploads/2026/11/ngay-hoi-khu-pho.jpg',
  'Tiết mục văn nghệ tại ngày hội năm trước. Ảnh: Thu Hà',
  NULL,
  'ngày hội, văn hóa, thể thao',
  'published',
  '2026-11-24 16:20:00',
  NULL);

INSERT INTO articles (site_id, id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  2,
  1004,
  105,
  'Ra quân thu gom rác thải ven bờ vịnh khu vực Bến Đoan',
  'ra-quan-thu-gom-rac-thai-ven-bo-vinh-ben-doan',
  'Hơn 300 đoàn viên, thanh niên và người dân đã thu gom gần 4 tấn rác thải dọc bờ kè và bãi triều khu vực Bến Đoan.',
  '<p>Sáng Chủ nhật 22/11, Đoàn Thanh niên phường Hồng Gai phối hợp với các khu phố ven biển tổ chức ra quân thu gom rác thải dọc bờ kè và bãi triều khu vực Bến Đoan.</p>
<p>Sau hơn ba giờ làm việc, lực lượng tham gia thu gom được gần 4 tấn rác, chủ yếu là túi ni lông, chai nhựa và phao xốp trôi dạt. Rác được phân loại ngay tại chỗ và chuyển về điểm tập kết.</p>
<p>Phường sẽ duy trì hoạt động này vào Chủ nhật cuối cùng mỗi tháng và khuyến khích các hộ dân ven biển không xả rác xuống vịnh.</p>',
  'Minh Đức',
  '/uploads/2026/11/thu-gom-rac-ben-doan.jpg',
  'Đoàn viên thanh niên thu gom rác trên bãi triều Bến Đoan. Ảnh: Minh Đức',
  NULL,
  'môi trường, rác thải nhựa, vịnh Hạ Long',
  'published',
  '2026-11-22 11:15:00',
  NULL);

INSERT INTO articles (site_id, id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  2,
  1005,
  101,
  'Chủ tịch UBND phường đối thoại với tiểu thương chợ Hạ Long 1',
  'chu-tich-ubnd-phuong-doi-thoai-voi-tieu-thuong-cho-ha-long-1',
  'Hơn 120 tiểu thương đã nêu ý kiến về phí dịch vụ, phòng cháy chữa cháy và việc sắp xếp lại các ô hàng trong chợ.',
  '<p>Chiều 19/11, Chủ tịch UBND phường Hồng Gai chủ trì buổi đối thoại với tiểu thương chợ Hạ Long 1. Các ý kiến tập trung vào mức phí dịch vụ, công tác phòng cháy chữa cháy và phương án sắp xếp lại các ô hàng.</p>
<p>Lãnh đạo phường đã trả lời trực tiếp từng ý kiến và giao các bộ phận chuyên môn rà soát, báo cáo kết quả trong tháng 12. Biên bản đối thoại được niêm yết công khai tại Ban quản lý chợ.</p>',
  'Phạm Tuấn; Thu Hà',
  NULL,
  NULL,
  'https://honggai.example.org/tin-tuc/doi-thoai-tieu-thuong-cho-ha-long-1.html',
  'đối thoại, chợ Hạ Long 1, tiểu thương',
  'published',
  '2026-11-19 18:00:00',
  NULL);

INSERT INTO articles (site_id, id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  2,
  1006,
  104,
  'Câu lạc bộ thơ Núi Bài Thơ giao lưu tri ân thầy cô nhân ngày Nhà giáo Việt Nam',
  'cau-lac-bo-tho-nui-bai-tho-giao-luu-tri-an-thay-co',
  'Buổi giao lưu quy tụ hơn 60 hội viên, nhiều người là nhà giáo đã nghỉ hưu, với những bài thơ về mái trường và vùng mỏ.',
  '<p>Nhân kỷ niệm ngày Nhà giáo Việt Nam 20/11, Câu lạc bộ thơ Núi Bài Thơ phường Hồng Gai tổ chức buổi giao lưu tại nhà văn hóa khu 2.</p>
<p>Các hội viên đã ngâm, đọc hơn 30 bài thơ về thầy cô, mái trường và quê hương vùng mỏ. Câu lạc bộ cũng trao 10 suất quà cho học sinh có hoàn cảnh khó khăn của các trường trên địa bàn.</p>',
  'Thu Hà',
  NULL,
  NULL,
  NULL,
  'thơ, ngày Nhà giáo Việt Nam, câu lạc bộ',
  'published',
  '2026-11-20 20:00:00',
  NULL);

-- A draft: never published.
INSERT INTO articles (site_id, id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  2,
  1007,
  103,
  'Dự thảo phương án sắp xếp điểm trông giữ xe trên đường Bến Đoan',
  'du-thao-phuong-an-sap-xep-diem-trong-giu-xe-ben-doan',
  'Bản nháp chưa được phê duyệt.',
  '<p>Nội dung đang được bộ phận quản lý đô thị hoàn thiện.</p>',
  'UBND phường Hồng Gai',
  NULL,
  NULL,
  NULL,
  NULL,
  'draft',
  '2026-11-25 09:00:00',
  NULL);

-- Scheduled: appears once its time has come.
INSERT INTO articles (site_id, id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  2,
  1008,
  101,
  'Chương trình nghệ thuật chào năm mới 2030 tại quảng trường 30/10',
  'chuong-trinh-nghe-thuat-chao-nam-moi-2030',
  'Chương trình nghệ thuật và bắn pháo hoa tầm thấp chào năm mới 2030 diễn ra từ 21 giờ ngày 31/12/2029.',
  '<p>Chương trình gồm các tiết mục ca múa nhạc của các câu lạc bộ văn nghệ phường và bắn pháo hoa tầm thấp lúc giao thừa.</p>',
  'Thu Hà',
  NULL,
  NULL,
  NULL,
  'năm mới, nghệ thuật',
  'published',
  '2030-01-01 00:00:00',
  NULL);

INSERT INTO article_categories (article_id, category_id) VALUES
  (1003, 103);

-- Phường Tuần Châu (site 3): categories from 201.
INSERT INTO categories (site_id, id, parent_id, slug, name, description) VALUES
  (3, 201, NULL, 'tin-tuc', 'Tin tức', 'Tin tức về hoạt động của chính quyền và đời sống Nhân dân phường Tuần Châu.'),
  (3, 202, NULL, 'thong-bao', 'Thông báo', 'Thông báo chính thức của UBND phường Tuần Châu.'),
  (3, 203, NULL, 'du-lich', 'Du lịch', 'Điểm đến, dịch vụ và lưu ý cho du khách tại Tuần Châu.'),
  (3, 204, NULL, 'an-ninh-trat-tu', 'An ninh – Trật tự', 'An ninh, trật tự, an toàn giao thông và cảnh báo lừa đảo.');

INSERT INTO articles (site_id, id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  3,
  2001,
  203,
  'Cảng tàu khách quốc tế Tuần Châu đón hơn 5.000 lượt khách dịp cuối tuần',
  'cang-tau-khach-quoc-te-tuan-chau-don-hon-5000-luot-khach',
  'Hai ngày cuối tuần, cảng đón hơn 5.000 lượt khách tham quan vịnh, trong đó khách quốc tế chiếm khoảng 40%.',
  '<p>Trong hai ngày 21 và 22/11, cảng tàu khách quốc tế Tuần Châu đón hơn 5.000 lượt khách đi tham quan vịnh Hạ Long, tăng khoảng 15% so với cùng kỳ năm trước. Khách quốc tế chiếm khoảng 40%, chủ yếu từ Hàn Quốc, Ấn Độ và châu Âu.</p>
<p>Để phục vụ khách, cảng bố trí thêm quầy bán vé, tăng cường lực lượng hướng dẫn và kiểm tra phương tiện trước mỗi chuyến. Các tàu đều được kiểm tra áo phao, thiết bị cứu sinh trước khi xuất bến.</p>',
  'Hoàng Yến',
  '/uploads/2026/11/cang-tuan-chau-cuoi-tuan.jpg',
  'Du khách làm thủ tục tại cảng tàu khách quốc tế Tuần Châu. Ảnh: Hoàng Yến',
  NULL,
  'cảng Tuần Châu, du lịch vịnh, khách quốc tế',
  'published',
  '2026-11-22 18:00:00',
  NULL);

INSERT INTO articles (site_id, id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  3,
  2002,
  202,
  'Thông báo phân luồng giao thông trên tuyến đường nối đảo Tuần Châu ngày 29 và 30/11',
  'thong-bao-phan-luong-giao-thong-duong-noi-dao-tuan-chau',
  'Xe trên 16 chỗ không đi vào tuyến đường nối đảo từ 6 giờ đến 22 giờ hai ngày 29 và 30/11/2026 để phục vụ giải chạy bộ ven biển.',
  '<p>Để bảo đảm an toàn cho giải chạy bộ ven biển, UBND phường Tuần Châu thông báo phân luồng giao thông trên tuyến đường nối đảo như sau:</p>
<ul>
<li>Từ 6 giờ đến 22 giờ ngày 29 và 30/11/2026, xe ô tô trên 16 chỗ không đi vào tuyến đường nối đảo.</li>
<li>Khách đi tàu tham quan vịnh gửi xe tại bãi đỗ đầu đường nối đảo và đi xe điện trung chuyển miễn phí vào cảng.</li>
</ul>
<p>Đề nghị người dân và du khách chấp hành hướng dẫn của lực lượng chức năng.</p>',
  'UBND phường Tuần Châu',
  NULL,
  NULL,
  NULL,
  'giao thông, phân luồng, thông báo',
  'published',
  '2026-11-27 14:00:00',
  NULL);

INSERT INTO articles (site_id, id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  3,
  2003,
  204,
  'Cảnh báo thủ đoạn lừa đảo đặt phòng, đặt vé tàu du lịch qua mạng',
  'canh-bao-lua-dao-dat-phong-dat-ve-tau-du-lich-qua-mang',
  'Nhiều du khách đã chuyển tiền đặt cọc cho các trang mạng giả mạo khách sạn, hãng tàu; Công an phường khuyến cáo chỉ giao dịch qua kênh chính thức.',
  '<p>Thời gian gần đây, Công an phường Tuần Châu tiếp nhận nhiều phản ánh của du khách bị lừa đảo khi đặt phòng khách sạn và vé tàu tham quan vịnh qua mạng xã hội. Các đối tượng lập trang giả mạo, đăng giá rẻ rồi yêu cầu chuyển khoản đặt cọc và chặn liên lạc.</p>
<p>Công an phường khuyến cáo du khách:</p>
<ul>
<li>chỉ đặt dịch vụ qua trang web, số điện thoại chính thức của cơ sở kinh doanh;</li>
<li>không chuyển tiền vào tài khoản cá nhân không rõ nguồn gốc;</li>
<li>khi nghi ngờ, liên hệ ngay Công an phường để được hỗ trợ.</li>
</ul>',
  'Công an phường Tuần Châu',
  NULL,
  NULL,
  NULL,
  'lừa đảo, cảnh báo, du lịch',
  'published',
  '2026-11-25 10:00:00',
  NULL);

INSERT INTO articles (site_id, id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  3,
  2004,
  201,
  'Hoàn thành lắp đặt hệ thống chiếu sáng dọc tuyến đê bao phía tây đảo',
  'hoan-thanh-lap-dat-chieu-sang-de-bao-phia-tay-dao-tuan-chau',
  'Gần 2 km đê bao phía tây đảo Tuần Châu đã có đèn chiếu sáng, thuận tiện cho người dân đi bộ, tập thể dục buổi tối.',
  '<p>Công trình lắp đặt 64 cột đèn năng lượng mặt trời dọc gần 2 km tuyến đê bao phía tây đảo Tuần Châu đã hoàn thành và đưa vào sử dụng từ tối 17/11.</p>
<p>Công trình do Nhân dân và doanh nghiệp trên địa bàn đóng góp kinh phí. Phường giao các khu phố phân công người theo dõi, bảo quản hệ thống đèn.</p>',
  'Hoàng Yến',
  '/uploads/2026/11/den-de-bao-tuan-chau.jpg',
  'Tuyến đê bao phía tây đảo sáng đèn. Ảnh: Hoàng Yến',
  NULL,
  'chiếu sáng, đê bao, đời sống',
  'published',
  '2026-11-18 19:30:00',
  NULL);

INSERT INTO articles (site_id, id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  3,
  2005,
  203,
  'Những lưu ý khi chèo thuyền kayak trên vịnh mùa gió đông bắc',
  'luu-y-khi-cheo-thuyen-kayak-tren-vinh-mua-gio-dong-bac',
  'Mặc áo phao, đi theo nhóm có hướng dẫn viên và theo dõi bản tin thời tiết là những điều du khách cần nhớ khi chèo kayak từ tháng 11.',
  '<p>Từ tháng 11, gió mùa đông bắc khiến mặt vịnh có lúc sóng lớn hơn, nhiệt độ nước giảm. Ban quản lý các điểm chèo kayak khuyến cáo du khách:</p>
<ol>
<li>luôn mặc áo phao và đi theo nhóm có hướng dẫn viên;</li>
<li>không chèo ra ngoài khu vực được khoanh vùng;</li>
<li>theo dõi bản tin thời tiết, không chèo khi có gió cấp 5 trở lên.</li>
</ol>
<p>Danh sách các điểm chèo kayak được cấp phép xem tại <a href="/du-lich/">chuyên mục Du lịch</a>.</p>',
  'Hoàng Yến',
  NULL,
  NULL,
  NULL,
  'kayak, an toàn, du lịch biển',
  'published',
  '2026-11-12 09:00:00',
  NULL);

INSERT INTO articles (site_id, id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  3,
  2006,
  201,
  'Đại biểu HĐND tỉnh tiếp xúc cử tri phường Tuần Châu',
  'dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-phuong-tuan-chau',
  'Cử tri kiến nghị về hạ tầng giao thông nối đảo, nước sinh hoạt và việc làm cho lao động địa phương trong ngành du lịch.',
  '<p>Ngày 8/11, tổ đại biểu HĐND tỉnh tiếp xúc cử tri phường Tuần Châu trước kỳ họp cuối năm. Hơn 150 cử tri đã dự và nêu 14 ý kiến, kiến nghị.</p>
<p>Các ý kiến tập trung vào việc mở rộng tuyến đường nối đảo, bảo đảm nước sinh hoạt mùa khô và ưu tiên tuyển dụng lao động địa phương vào các cơ sở du lịch. Các đại biểu đã tiếp thu và sẽ tổng hợp gửi các cơ quan có thẩm quyền.</p>',
  'Văn Long',
  NULL,
  NULL,
  NULL,
  'tiếp xúc cử tri, HĐND',
  'published',
  '2026-11-08 17:00:00',
  '2026-11-09 08:00:00');

INSERT INTO articles (site_id, id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  3,
  2007,
  204,
  'Diễn tập phòng cháy, chữa cháy và cứu nạn tại khu dịch vụ cảng Tuần Châu',
  'dien-tap-phong-chay-chua-chay-cuu-nan-khu-dich-vu-cang-tuan-chau',
  'Buổi diễn tập giả định cháy tại nhà hàng trong khu dịch vụ cảng, với sự tham gia của hơn 80 cán bộ, chiến sĩ và nhân viên cơ sở.',
  '<p>Sáng 20/11, Công an phường Tuần Châu phối hợp với Ban quản lý cảng tổ chức diễn tập phòng cháy, chữa cháy và cứu nạn, cứu hộ tại khu dịch vụ cảng.</p>
<p>Tình huống giả định: cháy tại bếp một nhà hàng vào giờ cao điểm, nhiều du khách mắc kẹt. Lực lượng tại chỗ đã hướng dẫn sơ tán hơn 200 người, dập tắt đám cháy ban đầu và phối hợp với lực lượng chuyên nghiệp cứu nạn.</p>',
  'Văn Long',
  '/uploads/2026/11/dien-tap-pccc-cang.jpg',
  'Lực lượng chữa cháy triển khai vòi tại khu dịch vụ cảng. Ảnh: Văn Long',
  NULL,
  'phòng cháy chữa cháy, diễn tập',
  'published',
  '2026-11-20 11:30:00',
  NULL);
