-- Example portal database for loa: news portal of Phường Bãi Cháy
-- (a ward of Hạ Long city, Quảng Ninh province, Vietnam).
-- Fictional site: https://baichay.example.org/ -- all people, figures and events are invented.
-- Times in published_at / updated_at are local time (Asia/Ho_Chi_Minh), 'YYYY-MM-DD HH:MM:SS'.
-- MariaDB/MySQL version, generated from bai-chay.sql by Scripts/make-mariadb-example.py.
-- Load it with: mariadb DBNAME < Examples/bai-chay.mariadb.sql

-- The SQLite script's strings use only '' as an escape; so does this one.
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

START TRANSACTION;

INSERT INTO categories (id, parent_id, slug, name, description) VALUES
  (1, NULL, 'tin-tuc', 'Tin tức', 'Tin tức về hoạt động của chính quyền, đoàn thể và đời sống Nhân dân phường Bãi Cháy.'),
  (2, 1, 'thoi-su', 'Thời sự', 'Các sự kiện thời sự, chỉ đạo điều hành và những vấn đề được dư luận trong phường quan tâm.'),
  (3, NULL, 'kinh-te', 'Kinh tế', 'Tình hình sản xuất, kinh doanh, thương mại, dịch vụ và thu ngân sách trên địa bàn phường.'),
  (4, NULL, 'van-hoa-xa-hoi', 'Văn hóa – Xã hội', 'Hoạt động văn hóa, thể thao, an sinh xã hội và phong trào thi đua ở các khu phố.'),
  (5, NULL, 'du-lich', 'Du lịch', 'Thông tin điểm đến, dịch vụ và kinh nghiệm du lịch tại Bãi Cháy, bên bờ vịnh Hạ Long.'),
  (6, 5, 'le-hoi', 'Lễ hội', 'Lễ hội, ngày hội và sự kiện văn hóa – du lịch được tổ chức trên địa bàn phường.'),
  (7, NULL, 'thong-bao', 'Thông báo', 'Thông báo chính thức của UBND phường Bãi Cháy gửi tới người dân, tổ chức và doanh nghiệp.'),
  (8, NULL, 'an-ninh-trat-tu', 'An ninh – Trật tự', 'Tin tức về an ninh, trật tự, an toàn giao thông, phòng cháy chữa cháy và cảnh báo các thủ đoạn phạm tội.'),
  (9, NULL, 'cai-cach-hanh-chinh', 'Cải cách hành chính', 'Hướng dẫn thủ tục hành chính, dịch vụ công trực tuyến và kết quả cải cách hành chính của phường.'),
  (10, NULL, 'y-te-giao-duc', 'Y tế – Giáo dục', 'Thông tin về chăm sóc sức khỏe Nhân dân, y tế dự phòng và hoạt động của các trường học trên địa bàn.');

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  1,
  3,
  'Hỗ trợ hộ kinh doanh ăn uống, lưu trú chuyển sang hóa đơn điện tử khởi tạo từ máy tính tiền',
  'ho-tro-ho-kinh-doanh-chuyen-sang-hoa-don-dien-tu-tu-may-tinh-tien',
  'Phường Bãi Cháy phối hợp với cơ quan thuế mở các buổi hướng dẫn tại chỗ, giúp hộ kinh doanh nhà hàng, khách sạn đăng ký và sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền.',
  '<p>Trong hai ngày 19 và 20/10, UBND phường Bãi Cháy phối hợp với cơ quan thuế tổ chức các buổi hướng dẫn tại nhà văn hóa khu phố 1 và khu phố 5 cho hơn 200 hộ kinh doanh trong lĩnh vực ăn uống, lưu trú.</p>
<p>Tại buổi hướng dẫn, cán bộ thuế đã giải thích quy định về hóa đơn điện tử khởi tạo từ máy tính tiền, trình tự đăng ký và cách xuất hóa đơn cho từng giao dịch. Các hộ kinh doanh được hỗ trợ cài đặt phần mềm, kết nối máy in và thử xuất hóa đơn ngay tại chỗ.</p>
<figure><img src="/uploads/2026/10/xuat-hoa-don-tai-cho.jpg" alt="Chủ nhà hàng thử xuất hóa đơn điện tử từ máy tính tiền"><figcaption>Chủ nhà hàng thử xuất hóa đơn điện tử ngay tại buổi hướng dẫn. Ảnh: Minh Khôi</figcaption></figure>
<p>Anh <strong>Lương Văn Tú</strong>, chủ một nhà hàng hải sản trên đường ven biển, cho biết: “Ban đầu tôi khá lo vì không rành công nghệ, nhưng được hướng dẫn từng bước nên chỉ sau một buổi là đã tự xuất được hóa đơn cho khách.”</p>
<p>Theo kế hoạch, đến hết năm 2026, toàn bộ hộ kinh doanh thuộc diện bắt buộc trên địa bàn phường sẽ chuyển sang sử dụng hóa đơn điện tử. Hộ kinh doanh cần hỗ trợ có thể đăng ký tại <a href="/thu-tuc-hanh-chinh/ho-tro-hoa-don-dien-tu">trang hỗ trợ</a> hoặc đến trực tiếp Bộ phận một cửa phường.</p>',
  'Minh Khôi – Lan Anh',
  '/uploads/2026/10/huong-dan-hoa-don-dien-tu.jpg',
  'Cán bộ thuế hướng dẫn hộ kinh doanh cài đặt phần mềm hóa đơn điện tử. Ảnh: Lan Anh',
  NULL,
  'hóa đơn điện tử, thuế, hộ kinh doanh',
  'published',
  '2026-10-20 10:10:00',
  '2026-10-19 22:00:00');

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  2,
  5,
  'Gợi ý lịch trình một ngày khám phá Bãi Cháy cho gia đình có trẻ nhỏ',
  'goi-y-lich-trinh-mot-ngay-kham-pha-bai-chay-cho-gia-dinh',
  'Chỉ trong một ngày, các gia đình có thể kết hợp tắm biển, vui chơi, ngắm toàn cảnh vịnh và thưởng thức hải sản ngay tại Bãi Cháy.',
  '<p>Bãi Cháy có nhiều điểm đến phù hợp với gia đình có trẻ nhỏ, lại nằm gần nhau nên du khách có thể di chuyển dễ dàng bằng xe điện hoặc đi bộ. Dưới đây là gợi ý lịch trình một ngày do bộ phận văn hóa – thông tin phường tổng hợp.</p>
<ul>
<li><strong>Buổi sáng:</strong> tắm biển và chơi cát tại bãi tắm Bãi Cháy; nên xuống nước trước 10 giờ khi nắng còn dịu.</li>
<li><strong>Buổi trưa:</strong> dùng bữa tại các nhà hàng hải sản ven biển đã niêm yết giá công khai.</li>
<li><strong>Buổi chiều:</strong> vui chơi tại khu công viên giải trí, đi cáp treo ngắm toàn cảnh vịnh Hạ Long.</li>
<li><strong>Buổi tối:</strong> dạo phố đi bộ, tham quan chợ đêm và ngắm cầu Bãi Cháy lên đèn.</li>
</ul>
<p>Du khách lưu ý mang theo kem chống nắng, nước uống cho trẻ và lưu số điện thoại của Ban quản lý bãi tắm để được hỗ trợ khi cần thiết. Trẻ em phải luôn có người lớn đi kèm khi xuống nước.</p>
<p>Thông tin chi tiết về các điểm đến, giá vé và giờ mở cửa xem tại chuyên mục <a href="/du-lich/">Du lịch</a>.</p>',
  'Vũ Nam',
  '/uploads/2026/11/lich-trinh-gia-dinh.png',
  'Trẻ em vui chơi trên bãi cát Bãi Cháy. Ảnh: Vũ Nam',
  '/du-lich/goi-y-lich-trinh-mot-ngay-kham-pha-bai-chay-1121.html',
  'du lịch gia đình, lịch trình, Bãi Cháy',
  'published',
  '2026-11-21 09:00:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  3,
  7,
  'Thông báo điều chỉnh giờ thu gom rác thải sinh hoạt tại các khu phố từ ngày 1/11/2026',
  'thong-bao-dieu-chinh-gio-thu-gom-rac-thai-sinh-hoat',
  'Từ ngày 1/11/2026, rác thải sinh hoạt tại các khu phố trên địa bàn phường Bãi Cháy được thu gom từ 18 giờ đến 21 giờ hằng ngày, không thu gom vào ban ngày.',
  '<p>Nhằm bảo đảm mỹ quan đô thị, hạn chế mùi hôi và ảnh hưởng đến hoạt động du lịch vào ban ngày, UBND phường Bãi Cháy thông báo điều chỉnh thời gian thu gom rác thải sinh hoạt, áp dụng từ ngày 1/11/2026.</p>
<ul>
<li><strong>Khu dân cư:</strong> thu gom từ 18 giờ đến 21 giờ hằng ngày;</li>
<li><strong>Tuyến đường ven biển, khu vực chợ đêm:</strong> thu gom bổ sung từ 23 giờ đến 1 giờ sáng hôm sau;</li>
<li><strong>Rác cồng kềnh:</strong> thu gom vào tối thứ Bảy của tuần thứ hai và tuần thứ tư hằng tháng.</li>
</ul>
<p>Người dân để rác đúng giờ, đúng nơi quy định; rác phải được đựng trong túi buộc kín. Không để rác ra đường ngoài khung giờ thu gom. Các trường hợp vi phạm sẽ bị xử lý theo quy định của pháp luật về bảo vệ môi trường.</p>
<p>Mọi phản ánh về công tác thu gom rác xin gửi về UBND phường hoặc qua mục <a href="/phan-anh-kien-nghi">Phản ánh – Kiến nghị</a>.</p>',
  NULL,
  NULL,
  NULL,
  '/thong-bao/dieu-chinh-gio-thu-gom-rac-tu-1-11-2026.html',
  'môi trường, thu gom rác',
  'published',
  '2026-10-28 10:20:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  4,
  9,
  'Bộ phận một cửa phường Bãi Cháy giải quyết đúng hạn 98,6% hồ sơ trong quý III/2026',
  'bo-phan-mot-cua-phuong-bai-chay-giai-quyet-dung-han-98-6-phan-tram-ho-so',
  'Trong quý III/2026, Bộ phận một cửa phường Bãi Cháy tiếp nhận 4.215 hồ sơ, trong đó 98,6% được giải quyết đúng hoặc trước hạn và 81% hồ sơ được nộp trực tuyến.',
  '<p>Theo báo cáo của UBND phường Bãi Cháy, trong quý III/2026, Bộ phận một cửa của phường đã tiếp nhận 4.215 hồ sơ thủ tục hành chính, tập trung nhiều nhất ở các lĩnh vực hộ tịch, chứng thực, đất đai và bảo trợ xã hội.</p>
<p>Phường đã giải quyết 4.102 hồ sơ, trong đó 98,6% đúng hoặc trước hạn. Số ít hồ sơ trễ hạn chủ yếu thuộc lĩnh vực đất đai do phải xác minh nguồn gốc, lấy ý kiến các cơ quan liên quan. Tỷ lệ hồ sơ nộp trực tuyến đạt 81%, tăng 17 điểm phần trăm so với quý trước.</p>
<blockquote><p>“Chúng tôi xác định người dân là trung tâm phục vụ. Mỗi hồ sơ trễ hạn đều được rà soát nguyên nhân và có văn bản xin lỗi gửi người dân”, bà <strong>Đinh Thị Ngọc</strong>, công chức phụ trách Bộ phận một cửa, cho biết.</p></blockquote>
<p>Mức độ hài lòng của người dân, doanh nghiệp đối với việc giải quyết thủ tục hành chính được đánh giá qua hệ thống điện tử đạt 97,2%. Kết quả giải quyết hồ sơ được cập nhật công khai hằng ngày tại <a href="/thu-tuc-hanh-chinh/ket-qua-giai-quyet">trang tra cứu</a>.</p>',
  'Lê Thu Trang',
  NULL,
  NULL,
  NULL,
  NULL,
  'published',
  '2026-10-06 14:25:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  5,
  9,
  'Hướng dẫn đăng ký khai sinh, thường trú và cấp thẻ BHYT cho trẻ dưới 6 tuổi qua mạng',
  'huong-dan-dang-ky-khai-sinh-thuong-tru-cap-the-bhyt-qua-mang',
  'Cha mẹ có thể thực hiện liên thông ba thủ tục đăng ký khai sinh, đăng ký thường trú và cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi hoàn toàn trực tuyến, không phải đến trụ sở.',
  '<p>Nhóm thủ tục liên thông “đăng ký khai sinh – đăng ký thường trú – cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi” giúp cha mẹ tiết kiệm thời gian, chỉ cần khai báo một lần trên Cổng Dịch vụ công quốc gia hoặc ứng dụng định danh điện tử.</p>
<h2>Các bước thực hiện</h2>
<ol>
<li>Đăng nhập bằng tài khoản định danh điện tử mức độ 2;</li>
<li>Chọn nhóm thủ tục “Đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi”;</li>
<li>Khai thông tin theo biểu mẫu điện tử, tải lên ảnh chụp giấy chứng sinh;</li>
<li>Theo dõi tình trạng hồ sơ và nhận kết quả điện tử qua tài khoản.</li>
</ol>
<p>Thời hạn giải quyết không quá 5 ngày làm việc. Người dân không phải nộp lệ phí khi đăng ký khai sinh đúng hạn.</p>
<figure><img src="/uploads/2026/10/nop-ho-so-khai-sinh-dien-thoai.jpg" alt="Người dân nộp hồ sơ khai sinh trực tuyến trên điện thoại"><figcaption>Người dân nộp hồ sơ đăng ký khai sinh cho con ngay trên điện thoại. Ảnh: Thu Trang</figcaption></figure>
<p>Trường hợp gặp khó khăn, người dân có thể đến Bộ phận một cửa phường để được công chức hướng dẫn trực tiếp, hoặc tham khảo hướng dẫn chi tiết tại <a href="/thu-tuc-hanh-chinh/lien-thong-khai-sinh">trang thủ tục hành chính</a> và mục <a href="https://baichay.example.org/thu-tuc-hanh-chinh/cau-hoi-thuong-gap">câu hỏi thường gặp</a>.</p>',
  'Đinh Thị Ngọc',
  '/uploads/2026/10/huong-dan-khai-sinh-truc-tuyen.jpg',
  'Công chức tư pháp – hộ tịch hướng dẫn người dân nộp hồ sơ trực tuyến. Ảnh: Thu Trang',
  '/cai-cach-hanh-chinh/huong-dan-lien-thong-khai-sinh-1015.html',
  'dịch vụ công trực tuyến, khai sinh, thủ tục hành chính',
  'published',
  '2026-10-15 09:30:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  6,
  7,
  'Thông báo lịch tiêm bổ sung vắc xin sởi – rubella cho trẻ từ 1 đến 5 tuổi trên địa bàn phường',
  'thong-bao-lich-tiem-bo-sung-vac-xin-soi-rubella',
  'Trạm Y tế phường Bãi Cháy tổ chức tiêm bổ sung vắc xin sởi – rubella miễn phí cho trẻ từ 1 đến 5 tuổi trong các ngày 14 và 15/11/2026.',
  '<p>Thực hiện kế hoạch phòng, chống dịch sởi của ngành y tế, Trạm Y tế phường Bãi Cháy tổ chức tiêm bổ sung vắc xin sởi – rubella (MR) <strong>miễn phí</strong> cho trẻ em từ 1 đến 5 tuổi chưa tiêm đủ mũi theo lịch.</p>
<h2>Thời gian và địa điểm</h2>
<ul>
<li>Thứ Bảy, ngày 14/11/2026: trẻ thuộc khu phố 1 đến khu phố 6, tại Trạm Y tế phường;</li>
<li>Chủ nhật, ngày 15/11/2026: trẻ thuộc khu phố 7 đến khu phố 12, tại nhà văn hóa khu phố 9.</li>
</ul>
<p>Thời gian tiêm: buổi sáng từ 7 giờ 30 đến 11 giờ, buổi chiều từ 13 giờ 30 đến 16 giờ 30. Cha mẹ, người chăm sóc trẻ mang theo sổ tiêm chủng hoặc giấy tờ có thông tin tiêm chủng của trẻ.</p>
<blockquote><p>Sau tiêm, trẻ cần được theo dõi tại điểm tiêm 30 phút và tiếp tục theo dõi tại nhà ít nhất 24 giờ. Nếu trẻ sốt cao, quấy khóc kéo dài hoặc có biểu hiện bất thường, cần đưa ngay đến cơ sở y tế gần nhất.</p></blockquote>
<p>Danh sách trẻ thuộc diện tiêm bổ sung đã được gửi về các khu phố. Thông tin chi tiết xin liên hệ Trạm Y tế phường hoặc xem tại trang <a href="/thong-bao/tiem-chung-mo-rong">Tiêm chủng mở rộng</a>.</p>',
  'Trạm Y tế phường',
  '/uploads/2026/11/tiem-chung-soi-rubella.jpg',
  'Nhân viên y tế khám sàng lọc cho trẻ trước khi tiêm. Ảnh: Trạm Y tế phường Bãi Cháy',
  NULL,
  'tiêm chủng, sởi – rubella, y tế',
  'published',
  '2026-11-10 08:00:00',
  '2026-11-12 09:00:00');

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  7,
  8,
  'Ra quân lập lại trật tự vỉa hè, xử lý 27 trường hợp lấn chiếm trên tuyến đường ven biển',
  'ra-quan-lap-lai-trat-tu-via-he-xu-ly-27-truong-hop-lan-chiem',
  'Trong đợt ra quân từ ngày 15 đến 19/10, tổ công tác liên ngành của phường Bãi Cháy đã nhắc nhở hơn 100 hộ kinh doanh và lập biên bản xử lý 27 trường hợp lấn chiếm vỉa hè.',
  '<p>Thực hiện kế hoạch lập lại trật tự đô thị trước mùa du lịch cuối năm, từ ngày 15 đến 19/10, tổ công tác liên ngành của phường Bãi Cháy gồm lực lượng công an, trật tự đô thị và cán bộ các khu phố đã ra quân kiểm tra trên tuyến đường ven biển và các tuyến phố lân cận.</p>
<p>Qua kiểm tra, tổ công tác đã tuyên truyền, nhắc nhở hơn 100 hộ kinh doanh; lập biên bản xử lý 27 trường hợp lấn chiếm vỉa hè, lòng đường để bày bán hàng hóa, đặt bàn ghế, dựng mái che trái phép; tạm giữ nhiều biển quảng cáo, kệ hàng đặt sai quy định.</p>
<p>Bên cạnh biện pháp xử lý, phường tổ chức cho các hộ kinh doanh ký cam kết không tái vi phạm và kẻ vạch sơn phân định phần vỉa hè được phép sử dụng tạm thời, bảo đảm lối đi tối thiểu 1,5 m cho người đi bộ.</p>
<p>UBND phường khẳng định sẽ duy trì kiểm tra thường xuyên, kể cả ngoài giờ hành chính, và xử lý nghiêm các trường hợp tái phạm.</p>',
  'Phạm Minh Đức',
  NULL,
  NULL,
  NULL,
  'trật tự đô thị, vỉa hè',
  'published',
  '2026-10-19 17:55:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  8,
  6,
  'Khai mạc Ngày hội ẩm thực biển Bãi Cháy 2026',
  'khai-mac-ngay-hoi-am-thuc-bien-bai-chay-2026',
  'Tối 9/10, Ngày hội ẩm thực biển Bãi Cháy 2026 khai mạc tại khu vực phố đi bộ ven biển, giới thiệu hơn 60 gian hàng hải sản và đặc sản của Quảng Ninh cùng nhiều địa phương.',
  '<p>Tối 9/10, tại khu vực phố đi bộ ven biển, UBND phường Bãi Cháy khai mạc Ngày hội ẩm thực biển Bãi Cháy 2026. Ngày hội kéo dài đến hết ngày 11/10 với hơn 60 gian hàng của các nhà hàng, hộ kinh doanh và chủ thể OCOP trong và ngoài tỉnh.</p>
<p>Du khách có dịp thưởng thức những món ăn đặc trưng của vùng biển Quảng Ninh như chả mực, sá sùng nướng, canh hà, gỏi cá nhệch, bên cạnh đặc sản của các tỉnh bạn. Các gian hàng đều cam kết bảo đảm an toàn thực phẩm và niêm yết giá rõ ràng.</p>
<figure><img src="/uploads/2026/10/dau-bep-tre-bai-chay.jpg" alt="Các đội thi tranh tài tại cuộc thi Đầu bếp trẻ Bãi Cháy"><figcaption>Các đội thi chế biến món ăn từ hải sản tại cuộc thi “Đầu bếp trẻ Bãi Cháy”. Ảnh: Thu Trang</figcaption></figure>
<p>Điểm nhấn của ngày hội là cuộc thi “Đầu bếp trẻ Bãi Cháy” với sự tham gia của 12 đội đến từ các nhà hàng, khách sạn trên địa bàn, cùng chương trình nghệ thuật đường phố và trình diễn ánh sáng vào mỗi tối.</p>
<p><em>Ngày hội mở cửa tự do từ 17 giờ đến 23 giờ.</em></p>',
  'Thu Trang',
  '/uploads/2026/10/ngay-hoi-am-thuc-bien.jpg',
  'Du khách thưởng thức hải sản tại Ngày hội ẩm thực biển. Ảnh: Thu Trang',
  NULL,
  'ẩm thực, ngày hội, hải sản',
  'published',
  '2026-10-09 19:00:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  9,
  3,
  'Thu ngân sách 10 tháng năm 2026 trên địa bàn phường Bãi Cháy đạt 92% dự toán',
  'thu-ngan-sach-10-thang-nam-2026-dat-92-phan-tram-du-toan',
  'Tổng thu ngân sách trên địa bàn phường Bãi Cháy 10 tháng đầu năm 2026 ước đạt 92% dự toán, trong đó thu từ khu vực dịch vụ du lịch tăng 15% so với cùng kỳ.',
  NULL,
  'Trung Kiên',
  NULL,
  NULL,
  NULL,
  NULL,
  'published',
  '2026-11-02 15:35:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  10,
  NULL,
  'Thư cảm ơn của UBND phường Bãi Cháy gửi các lực lượng và người dân tham gia ứng phó bão số 7',
  'thu-cam-on-cua-ubnd-phuong-bai-chay-ung-pho-bao-so-7',
  'UBND phường Bãi Cháy gửi lời cảm ơn chân thành tới các lực lượng, doanh nghiệp và người dân đã chung tay ứng phó, khắc phục hậu quả bão số 7.',
  '<p><em>Kính gửi: Các lực lượng vũ trang, cơ quan, đơn vị, doanh nghiệp và toàn thể Nhân dân phường Bãi Cháy.</em></p>
<p>Những ngày qua, bão số 7 đã gây mưa to, gió mạnh trên địa bàn phường, làm gãy đổ nhiều cây xanh, tốc mái một số nhà dân và gây sạt lở cục bộ tại khu phố 8. Trong hoàn cảnh đó, với tinh thần trách nhiệm cao, các lực lượng công an, quân sự, y tế, điện lực, môi trường cùng hàng trăm đoàn viên thanh niên và người dân đã không quản ngại khó khăn, có mặt kịp thời ở những nơi xung yếu nhất.</p>
<p>Nhờ sự chủ động và đồng lòng đó, phường Bãi Cháy không có thiệt hại về người; các tuyến đường chính được thông thoáng chỉ sau một ngày; điện, nước và các hoạt động du lịch, kinh doanh nhanh chóng trở lại bình thường.</p>
<p>Thay mặt chính quyền phường, UBND phường Bãi Cháy trân trọng cảm ơn và ghi nhận những đóng góp quý báu của các tập thể, cá nhân. Mong rằng tinh thần đoàn kết, tương thân tương ái ấy sẽ tiếp tục được phát huy để cùng xây dựng Bãi Cháy ngày càng an toàn, văn minh và phát triển.</p>
<p><strong>TM. UBND PHƯỜNG BÃI CHÁY<br>CHỦ TỊCH<br>Nguyễn Văn Thành</strong></p>',
  NULL,
  NULL,
  NULL,
  '/thu-cam-on-ung-pho-bao-so-7.html',
  NULL,
  'published',
  '2026-10-21 08:50:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  11,
  2,
  'UBND phường Bãi Cháy họp phiên thường kỳ tháng 10, bàn giải pháp hoàn thành chỉ tiêu năm 2026',
  'ubnd-phuong-bai-chay-hop-phien-thuong-ky-thang-10',
  'Tại phiên họp thường kỳ tháng 10, UBND phường Bãi Cháy đã đánh giá tình hình kinh tế – xã hội 10 tháng và thống nhất các giải pháp để hoàn thành các chỉ tiêu còn lại của năm 2026.',
  '<p>Chiều 30/10, UBND phường Bãi Cháy tổ chức phiên họp thường kỳ tháng 10 dưới sự chủ trì của ông <strong>Nguyễn Văn Thành</strong>, Chủ tịch UBND phường. Tham dự có đại diện Thường trực Đảng ủy, HĐND phường, Ủy ban MTTQ phường và trưởng các khu phố.</p>
<p>Theo báo cáo, trong 10 tháng, tổng lượt khách du lịch đến địa bàn phường ước đạt 2,1 triệu lượt, tăng 12% so với cùng kỳ; thu ngân sách đạt 92% dự toán; công tác cải cách hành chính có nhiều chuyển biến, tỷ lệ hồ sơ nộp trực tuyến đạt 81%.</p>
<figure><img src="/uploads/2026/10/chu-tich-ubnd-phat-bieu.jpg" alt="Chủ tịch UBND phường phát biểu kết luận phiên họp"><figcaption>Chủ tịch UBND phường Nguyễn Văn Thành phát biểu kết luận phiên họp. Ảnh: Phạm Minh Đức</figcaption></figure>
<h2>Tập trung vào ba nhóm nhiệm vụ trọng tâm</h2>
<p>Phát biểu kết luận, Chủ tịch UBND phường yêu cầu các bộ phận chuyên môn tập trung vào ba nhóm nhiệm vụ trong hai tháng cuối năm:</p>
<ul>
<li>Đôn đốc thu ngân sách, chống thất thu trong lĩnh vực kinh doanh dịch vụ du lịch;</li>
<li>Hoàn thành các công trình chỉnh trang đô thị trước ngày 15/12;</li>
<li>Bảo đảm an ninh, trật tự và an toàn thực phẩm dịp Tết Dương lịch 2027.</li>
</ul>
<p>Cũng tại phiên họp, UBND phường đã cho ý kiến vào dự thảo kế hoạch phát triển kinh tế – xã hội năm 2027 trước khi trình HĐND phường xem xét, quyết định.</p>',
  'Phạm Minh Đức, Lê Thu Trang',
  '/uploads/2026/10/phien-hop-thuong-ky-thang-10.jpg',
  'Quang cảnh phiên họp thường kỳ tháng 10 của UBND phường Bãi Cháy. Ảnh: Lê Thu Trang',
  '/tin-tuc/ubnd-phuong-hop-phien-thuong-ky-thang-10-1103.html',
  'UBND phường, phiên họp thường kỳ, kinh tế – xã hội',
  'published',
  '2026-10-30 17:10:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  12,
  2,
  'Khắc phục hậu quả bão số 7: Bãi Cháy dọn xong cây đổ, khôi phục điện cho các khu dân cư',
  'khac-phuc-hau-qua-bao-so-7-bai-chay-don-xong-cay-do',
  'Chỉ sau hơn một ngày bão đi qua, các tuyến đường chính của phường Bãi Cháy đã được thông thoáng, điện lưới được khôi phục và 86 hộ dân sơ tán đã trở về nhà an toàn.',
  '<p>Ngay khi bão số 7 suy yếu, sáng 17/10, phường Bãi Cháy đã huy động hơn 300 lượt cán bộ, chiến sĩ công an, dân quân, đoàn viên thanh niên và công nhân môi trường ra quân khắc phục hậu quả.</p>
<p>Theo thống kê ban đầu, bão làm gãy đổ 74 cây xanh, tốc mái 19 nhà dân, sạt lở taluy dương tại hai vị trí ở khu phố 8; không có thiệt hại về người. Đến 18 giờ ngày 17/10, toàn bộ cây đổ trên các tuyến đường chính đã được cắt tỉa, thu dọn.</p>
<figure><img src="/uploads/2026/10/don-cay-do-sau-bao.jpg" alt="Công nhân cắt tỉa cây đổ trên đường ven biển"><figcaption>Công nhân môi trường thu dọn cây xanh gãy đổ trên tuyến đường ven biển sáng 17/10. Ảnh: Đức Thắng</figcaption></figure>
<p>Ngành điện đã khôi phục cấp điện cho toàn bộ khu dân cư vào đêm 17/10. Các hộ dân sơ tán đã trở về nhà; những hộ bị tốc mái được hỗ trợ tôn, vật liệu và nhân công để sửa chữa.</p>
<p>UBND phường đề nghị người dân tiếp tục theo dõi, phát hiện kịp thời các vết nứt, dấu hiệu sạt lở mới và báo ngay cho trưởng khu phố để được xử lý.</p>',
  'Đức Thắng, Hải Yến',
  '/uploads/2026/10/khac-phuc-hau-qua-bao.jpg',
  'Lực lượng dân quân phường giúp người dân lợp lại mái nhà bị tốc sau bão. Ảnh: Hải Yến',
  NULL,
  'bão số 7, khắc phục hậu quả, phòng chống lụt bão',
  'published',
  '2026-10-18 11:25:00',
  '2026-10-18 20:00:00');

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  13,
  4,
  'Học sinh Bãi Cháy tri ân thầy cô nhân kỷ niệm 44 năm Ngày Nhà giáo Việt Nam',
  'hoc-sinh-bai-chay-tri-an-thay-co-ngay-nha-giao-viet-nam',
  'Các trường học trên địa bàn phường Bãi Cháy đã tổ chức nhiều hoạt động ý nghĩa nhân kỷ niệm 44 năm Ngày Nhà giáo Việt Nam 20/11/2026.',
  '<p>Sáng 20/11, các trường mầm non, tiểu học và trung học cơ sở trên địa bàn phường Bãi Cháy đồng loạt tổ chức lễ kỷ niệm 44 năm Ngày Nhà giáo Việt Nam (20/11/1982 – 20/11/2026). Lãnh đạo Đảng ủy, UBND phường đã đến thăm, tặng hoa chúc mừng đội ngũ thầy cô giáo.</p>
<p>Tại Trường Tiểu học Bãi Cháy, các em học sinh mang đến những tiết mục văn nghệ, những tấm thiệp tự làm và tờ báo tường với chủ đề “Lời tri ân gửi thầy cô”. Trong đợt thi đua cao điểm trước đó, giáo viên toàn trường đã đăng ký hơn 1.200 “giờ học tốt, tiết học hay”.</p>
<figure><img src="/uploads/2026/11/van-nghe-chao-mung-20-11.jpg" alt="Học sinh biểu diễn văn nghệ chào mừng Ngày Nhà giáo Việt Nam"><figcaption>Tiết mục văn nghệ của học sinh chào mừng Ngày Nhà giáo Việt Nam. Ảnh: Lan Anh</figcaption></figure>
<blockquote><p>“Món quà ý nghĩa nhất với thầy cô chính là sự trưởng thành và tiến bộ của học trò mỗi ngày”, cô <strong>Nguyễn Thị Phương</strong>, giáo viên có 25 năm gắn bó với nghề, xúc động chia sẻ.</p></blockquote>
<p>Nhân dịp này, UBND phường đã khen thưởng 18 giáo viên có thành tích xuất sắc trong năm học 2025–2026 và trao 30 suất học bổng “Tiếp bước đến trường” cho học sinh vượt khó học giỏi.</p>',
  'Lan Anh – Trung Kiên – Minh Khôi',
  '/uploads/2026/11/tri-an-thay-co-20-11.jpg',
  'Học sinh Trường Tiểu học Bãi Cháy tặng hoa thầy cô. Ảnh: Trung Kiên',
  'https://baichay.example.org/van-hoa-xa-hoi/hoc-sinh-bai-chay-tri-an-thay-co-20-11.html',
  '20/11, giáo dục, trường học',
  'published',
  '2026-11-20 11:40:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  14,
  7,
  'Thông báo lấy ý kiến người dân về phương án chỉnh trang vỉa hè tuyến đường ven biển',
  'thong-bao-lay-y-kien-nguoi-dan-ve-phuong-an-chinh-trang-via-he',
  'UBND phường Bãi Cháy niêm yết công khai và lấy ý kiến người dân về phương án chỉnh trang vỉa hè, cây xanh trên tuyến đường ven biển từ ngày 13/10 đến hết ngày 27/10/2026.',
  '<p>UBND phường Bãi Cháy thông báo lấy ý kiến người dân, hộ kinh doanh về phương án chỉnh trang vỉa hè, thay thế cây xanh và bố trí lại điểm đỗ xe trên tuyến đường ven biển, đoạn từ chân cầu Bãi Cháy đến khu vực quảng trường.</p>
<p><strong>Thời gian lấy ý kiến:</strong> từ ngày 13/10 đến hết ngày 27/10/2026.</p>
<p><strong>Hình thức góp ý:</strong></p>
<ul>
<li>Trực tiếp tại Bộ phận một cửa UBND phường hoặc nhà văn hóa các khu phố 1, 2, 3;</li>
<li>Gửi phiếu góp ý qua trưởng khu phố;</li>
<li>Góp ý trực tuyến tại <a href="https://baichay.example.org/lay-y-kien/chinh-trang-duong-ven-bien">trang lấy ý kiến</a>.</li>
</ul>
<p>Hồ sơ phương án, bản vẽ phối cảnh được niêm yết công khai tại trụ sở UBND phường và các nhà văn hóa khu phố. UBND phường trân trọng đề nghị người dân tích cực tham gia góp ý để phương án được hoàn thiện, phù hợp với thực tế.</p>',
  'Văn phòng UBND phường',
  NULL,
  NULL,
  NULL,
  'lấy ý kiến, chỉnh trang đô thị',
  'published',
  '2026-10-13 09:05:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  15,
  1,
  'Hơn 600 người dân Bãi Cháy ra quân “Chủ nhật xanh” làm sạch bờ biển và khu dân cư',
  'hon-600-nguoi-dan-bai-chay-ra-quan-chu-nhat-xanh',
  'Sáng 11/10, hơn 600 đoàn viên, hội viên và người dân phường Bãi Cháy đã tham gia dọn vệ sinh bãi biển, khơi thông cống rãnh và thu gom gần 5 tấn rác thải.',
  '<p>Hưởng ứng phong trào “Chủ nhật xanh” do UBND phường phát động, ngay từ 6 giờ sáng 11/10, hơn 600 người dân, đoàn viên thanh niên, hội viên phụ nữ và cựu chiến binh của 12 khu phố đã có mặt tại các điểm ra quân.</p>
<p>Tại bãi tắm Bãi Cháy, lực lượng đoàn viên thanh niên thu gom rác thải nhựa, xốp và lưới đánh cá trôi dạt dọc bờ biển. Ở các khu dân cư, người dân phát quang bụi rậm, khơi thông cống rãnh và bóc xóa các quảng cáo rao vặt dán trái phép trên tường, cột điện.</p>
<figure><img src="/uploads/2026/10/thu-gom-rac-ven-bien.jpg" alt="Người dân thu gom rác thải dọc bờ biển Bãi Cháy"><figcaption>Hội viên phụ nữ khu phố 1 thu gom rác thải dọc bờ kè. Ảnh: Hoàng Yến</figcaption></figure>
<ul>
<li>Thu gom gần <strong>5 tấn</strong> rác thải các loại;</li>
<li>Khơi thông khoảng 2 km cống rãnh thoát nước;</li>
<li>Bóc xóa hơn 300 quảng cáo rao vặt trái phép.</li>
</ul>
<p>Bà <strong>Lê Thị Mai Anh</strong>, Phó Chủ tịch UBND phường, cho biết phong trào sẽ được duy trì vào Chủ nhật tuần thứ hai hằng tháng. Mỗi khu phố chủ động đăng ký tuyến đường, đoạn bờ biển phụ trách và báo cáo kết quả về UBND phường.</p>
<p>Danh sách các điểm ra quân tháng tới sẽ được đăng tải tại chuyên mục <a href="/thong-bao/">Thông báo</a>.</p>',
  'Hoàng Yến và Vũ Nam',
  '/uploads/2026/10/chu-nhat-xanh-bai-bien.jpg',
  'Đoàn viên thanh niên thu gom rác thải trên bãi biển Bãi Cháy. Ảnh: Vũ Nam',
  NULL,
  'môi trường, Chủ nhật xanh, Bãi Cháy',
  'published',
  '2026-10-11 18:20:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  16,
  1,
  'Phường Bãi Cháy đón nhận danh hiệu “Phường đạt chuẩn văn minh đô thị” năm 2026',
  'phuong-bai-chay-don-nhan-danh-hieu-phuong-dat-chuan-van-minh-do-thi',
  NULL,
  '<p>Sáng 19/11, phường Bãi Cháy long trọng tổ chức lễ đón nhận danh hiệu “Phường đạt chuẩn văn minh đô thị” năm 2026. Đây là kết quả của quá trình nỗ lực bền bỉ trong hơn ba năm của cả hệ thống chính trị và Nhân dân trong phường.</p>
<p>Theo báo cáo, đến nay 12/12 khu phố của phường đạt danh hiệu “Khu phố văn hóa”, tỷ lệ hộ gia đình văn hóa đạt 96,5%. Hệ thống hạ tầng giao thông, chiếu sáng, cây xanh được đầu tư đồng bộ; môi trường sống ngày càng xanh, sạch, đẹp; an ninh, trật tự được giữ vững.</p>
<blockquote><p>“Danh hiệu hôm nay không phải là đích đến mà là điểm khởi đầu để Bãi Cháy tiếp tục xây dựng một đô thị du lịch thân thiện, văn minh và đáng sống.”</p><p>— Bà <em>Đỗ Thị Hồng Nhung</em>, Bí thư Đảng ủy phường</p></blockquote>
<p>Dịp này, UBND phường đã khen thưởng 15 tập thể và 32 cá nhân có thành tích xuất sắc trong phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”.</p>',
  'Nguyễn Hà',
  '/uploads/2026/11/don-nhan-danh-hieu-van-minh-do-thi.jpg',
  'Lãnh đạo phường Bãi Cháy đón nhận danh hiệu “Phường đạt chuẩn văn minh đô thị”. Ảnh: Minh Khôi',
  '/tin-tuc/phuong-bai-chay-don-nhan-danh-hieu-van-minh-do-thi-1916.html',
  'văn minh đô thị, Bãi Cháy',
  'published',
  '2026-11-19 10:05:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  17,
  2,
  'Cầu Bãi Cháy hạn chế phương tiện hai đêm để kiểm tra dây văng',
  'cau-bai-chay-han-che-phuong-tien-de-kiem-tra-day-vang',
  'Trong hai đêm 9 và 10/11, cầu Bãi Cháy sẽ hạn chế phương tiện lưu thông theo từng làn để đơn vị quản lý kiểm tra định kỳ hệ thống dây văng và khe co giãn.',
  '<p>Theo thông báo của đơn vị quản lý, từ 23 giờ ngày 9/11 đến 4 giờ sáng ngày 11/11 (hai đêm liên tiếp), cầu Bãi Cháy sẽ được kiểm tra định kỳ hệ thống dây văng, gối cầu và khe co giãn. Trong thời gian này, phương tiện được lưu thông luân phiên trên một làn mỗi chiều.</p>
<p>Hoạt động kiểm tra được thực hiện hằng năm nhằm đánh giá tình trạng kỹ thuật của cây cầu dây văng một mặt phẳng dây – công trình đã trở thành biểu tượng của Hạ Long kể từ khi đưa vào sử dụng năm 2006.</p>
<figure><img src="/uploads/2026/11/kiem-tra-day-vang-cau-bai-chay.jpg" alt="Kỹ sư kiểm tra hệ thống dây văng cầu Bãi Cháy"><figcaption>Kỹ sư kiểm tra hệ thống dây văng trong đợt kiểm định năm trước. Ảnh tư liệu</figcaption></figure>
<ul>
<li>Xe khách trên 16 chỗ và xe tải trên 10 tấn không được lưu thông qua cầu trong khung giờ kiểm tra;</li>
<li>Xe máy, ô tô con đi theo sự hướng dẫn của lực lượng điều tiết giao thông;</li>
<li>Không dừng, đỗ phương tiện trên cầu để quay phim, chụp ảnh.</li>
</ul>
<p>UBND phường Bãi Cháy đề nghị các doanh nghiệp vận tải và cơ sở du lịch chủ động điều chỉnh lịch trình đưa đón khách, tránh khung giờ nói trên. Sơ đồ phân luồng chi tiết được đăng tại <a href="https://baichay.example.org/thong-bao/phan-luong-cau-bai-chay-thang-11.html">trang thông báo của phường</a>.</p>',
  'Quang Huy',
  '/uploads/2026/11/cau-bai-chay.jpg',
  'Cầu Bãi Cháy về đêm. Ảnh: Quang Huy',
  NULL,
  'cầu Bãi Cháy, giao thông, phân luồng',
  'published',
  '2026-11-04 14:00:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  18,
  6,
  'Khởi động chuẩn bị Lễ hội Carnaval Hạ Long 2027, Bãi Cháy đăng ký hai khối diễu hành',
  'le-hoi-carnaval-ha-long-2027-bai-chay-dang-ky-hai-khoi-dieu-hanh',
  'Phường Bãi Cháy đã đăng ký tham gia hai khối diễu hành tại Lễ hội Carnaval Hạ Long 2027 và bắt đầu tuyển chọn diễn viên quần chúng.',
  '<p>Ngày 17/11, UBND phường Bãi Cháy họp triển khai công tác chuẩn bị tham gia Lễ hội <strong>Carnaval Hạ Long 2027</strong>. Theo kế hoạch, phường đăng ký hai khối diễu hành với chủ đề “Biển xanh Bãi Cháy” và “Sắc màu kỳ quan”, với tổng số khoảng 300 diễn viên quần chúng.</p>
<p>Khối “Biển xanh Bãi Cháy” tái hiện đời sống ngư dân vùng biển xưa với thuyền nan, lưới chài và những điệu hò trên biển. Khối “Sắc màu kỳ quan” lấy cảm hứng từ các hang động, đảo đá trên vịnh Hạ Long, kết hợp trang phục phát quang và vũ đạo hiện đại.</p>
<figure><img src="/uploads/2026/11/hop-trien-khai-carnaval.jpg" alt="Cuộc họp triển khai công tác chuẩn bị Carnaval Hạ Long 2027"><figcaption>Quang cảnh cuộc họp triển khai công tác chuẩn bị Carnaval Hạ Long 2027. Ảnh: Minh Khôi</figcaption></figure>
<h2>Tuyển chọn diễn viên quần chúng</h2>
<p>Phường đang tuyển chọn diễn viên là học sinh, sinh viên, đoàn viên thanh niên và người dân từ 16 đến 45 tuổi, có sức khỏe tốt, có thể tham gia tập luyện vào buổi tối. Hồ sơ đăng ký nộp tại nhà văn hóa khu phố hoặc đăng ký trực tuyến tại <a href="/le-hoi/carnaval-2027/dang-ky">trang đăng ký</a>.</p>
<p>Những năm qua, các khối diễu hành của Bãi Cháy luôn để lại dấu ấn đậm nét trong lòng du khách. Năm nay, phường đặt mục tiêu xây dựng các tiết mục có tính tương tác cao, thu hút du khách cùng tham gia.</p>',
  'Minh Khôi',
  '/uploads/2026/11/carnaval-ha-long.jpg',
  'Một khối diễu hành của phường Bãi Cháy tại Carnaval Hạ Long năm trước. Ảnh: Minh Khôi',
  '/le-hoi/le-hoi-carnaval-ha-long-2027-1117.html',
  'Carnaval, lễ hội, Bãi Cháy',
  'published',
  '2026-11-17 10:30:00',
  '2026-11-18 08:20:00');

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  19,
  5,
  'Du lịch đêm ở Bãi Cháy: phố đi bộ, chợ đêm và ẩm thực',
  'du-lich-dem-o-bai-chay',
  'Với phố đi bộ, chợ đêm, các khu ẩm thực và chương trình biểu diễn nghệ thuật, Bãi Cháy đang dần trở thành điểm đến về đêm hấp dẫn của du khách.',
  '<p>Khi màn đêm buông xuống, tuyến đường ven biển Bãi Cháy bừng sáng với hệ thống đèn trang trí dọc bờ kè. Từ 19 giờ các tối thứ Sáu, thứ Bảy và Chủ nhật, đoạn phố đi bộ dài gần 1 km cấm phương tiện cơ giới, nhường chỗ cho du khách dạo bộ, chụp ảnh và thưởng thức các tiết mục nghệ thuật đường phố.</p>
<h2>Ẩm thực – “đặc sản” của đêm Bãi Cháy</h2>
<p>Không thể thiếu trong hành trình khám phá Bãi Cháy về đêm là các món hải sản tươi sống như sam, ghẹ, tu hài, ốc hương cùng những món ăn dân dã như bánh cuốn chả mực, bún bề bề. Khu ẩm thực cạnh chợ đêm luôn đông khách đến tận khuya.</p>
<figure><img src="/uploads/2026/10/pho-di-bo-ven-bien.jpg" alt="Du khách dạo phố đi bộ ven biển Bãi Cháy về đêm"><figcaption>Phố đi bộ ven biển Bãi Cháy thu hút đông đảo du khách vào buổi tối. Ảnh: Lan Anh</figcaption></figure>
<p>Theo UBND phường, để phát triển kinh tế đêm bền vững, thời gian tới phường sẽ tiếp tục kiểm soát giá cả, chất lượng dịch vụ, vệ sinh an toàn thực phẩm và kiên quyết xử lý tình trạng chèo kéo khách.</p>
<p>Du khách có thể tham khảo các điểm vui chơi, ẩm thực về đêm trên <a href="https://baichay.example.org/du-lich/ban-do-du-lich-dem">bản đồ du lịch đêm Bãi Cháy</a>.</p>',
  'Lan Anh',
  '/uploads/2026/10/du-lich-dem-bai-chay.jpg',
  'Tuyến phố đi bộ ven biển Bãi Cháy lung linh về đêm. Ảnh: Lan Anh',
  NULL,
  'du lịch đêm, phố đi bộ, ẩm thực',
  'published',
  '2026-10-24 21:05:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  20,
  4,
  'Rộn ràng Ngày hội Đại đoàn kết toàn dân tộc tại khu phố 3, phường Bãi Cháy',
  'ron-rang-ngay-hoi-dai-doan-ket-toan-dan-toc-tai-khu-pho-3',
  'Ngày hội Đại đoàn kết toàn dân tộc năm 2026 tại khu phố 3 diễn ra trong không khí vui tươi với các hoạt động văn nghệ, thể thao, trao quà cho hộ khó khăn và biểu dương gia đình văn hóa tiêu biểu.',
  '<p>Hướng tới kỷ niệm 96 năm Ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam (18/11/1930 – 18/11/2026), ngày 15/11, khu phố 3, phường Bãi Cháy tổ chức Ngày hội Đại đoàn kết toàn dân tộc với sự tham gia của hơn 400 hộ dân.</p>
<p>Phần lễ, ông <strong>Đặng Văn Hùng</strong>, Trưởng ban công tác Mặt trận khu phố, ôn lại truyền thống vẻ vang của Mặt trận và điểm lại những kết quả nổi bật của khu phố trong năm: 100% hộ dân ký cam kết giữ gìn vệ sinh môi trường; người dân đóng góp hơn 120 triệu đồng cùng hàng trăm ngày công để làm mới tuyến ngõ dài 350 m.</p>
<p>Phần hội diễn ra sôi nổi với các tiết mục văn nghệ do chính người dân biểu diễn, các trò chơi dân gian như kéo co, nhảy bao bố, bịt mắt bắt dê và mâm cỗ đoàn kết do các gia đình cùng chuẩn bị.</p>
<figure><img src="/uploads/2026/11/ngay-hoi-dai-doan-ket-kp3.jpg" alt="Người dân khu phố 3 thi kéo co tại Ngày hội Đại đoàn kết"><figcaption>Thi kéo co giữa các tổ dân cư tại Ngày hội. Ảnh: Bùi Thu Hương</figcaption></figure>
<p>Dịp này, khu phố đã trao 15 suất quà cho các hộ có hoàn cảnh khó khăn và biểu dương 20 gia đình văn hóa tiêu biểu.</p>',
  'Bùi Thu Hương và Phạm Thị Hoa',
  'https://baichay.example.org/uploads/2026/11/ngay-hoi-dai-doan-ket.jpg',
  'Các gia đình cùng chuẩn bị mâm cỗ đoàn kết. Ảnh: Phạm Thị Hoa',
  NULL,
  'Ngày hội Đại đoàn kết, Mặt trận Tổ quốc, khu phố 3',
  'published',
  '2026-11-15 20:00:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  21,
  NULL,
  'Bình minh trên cầu Bãi Cháy những ngày cuối thu',
  'binh-minh-tren-cau-bai-chay',
  NULL,
  '<p>Mùa thu là thời điểm đẹp nhất để ngắm bình minh ở Bãi Cháy. Khi sương sớm còn phủ mờ mặt vịnh, những tia nắng đầu tiên xuyên qua các trụ tháp của cầu Bãi Cháy, nhuộm vàng cả một vùng trời.</p>
<figure><img src="/uploads/2026/10/cau-bai-chay-binh-minh-2.jpg" alt="Cầu Bãi Cháy lúc bình minh nhìn từ bờ kè"><figcaption>Cầu Bãi Cháy trong ánh bình minh nhìn từ bờ kè ven biển. Ảnh: Minh Khôi</figcaption></figure>
<p>Mới khoảng 5 giờ 30 sáng, trên bờ kè ven biển đã có không ít người dân tập thể dục, những nhiếp ảnh gia nghiệp dư kiên nhẫn chờ khoảnh khắc mặt trời nhô lên sau dãy núi phía đông. Dưới chân cầu, những chiếc thuyền nhỏ lặng lẽ trở về sau một đêm đánh bắt.</p>
<p>Cầu Bãi Cháy không chỉ là công trình giao thông nối hai bờ cửa Lục mà còn là điểm nhấn kiến trúc, là niềm tự hào của người dân nơi đây. Mỗi mùa, mỗi thời khắc trong ngày, cây cầu lại mang một vẻ đẹp riêng.</p>
<p>Bạn đọc có những bức ảnh đẹp về Bãi Cháy có thể gửi về Ban Biên tập qua trang <a href="/lien-he">Liên hệ</a> để cùng chia sẻ trên cổng thông tin.</p>',
  'Minh Khôi',
  '/uploads/2026/10/Cầu Bãi Cháy bình minh.jpg',
  'Cầu Bãi Cháy lúc bình minh. Ảnh: Minh Khôi',
  NULL,
  'cầu Bãi Cháy, ảnh đẹp, vịnh Hạ Long',
  'published',
  '2026-10-10 06:30:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  22,
  4,
  'Tủ sách cộng đồng ở nhà văn hóa khu phố 2 thu hút thiếu nhi đến đọc mỗi cuối tuần',
  'tu-sach-cong-dong-nha-van-hoa-khu-pho-2',
  'Với hơn 1.500 đầu sách do người dân quyên góp, tủ sách cộng đồng tại nhà văn hóa khu phố 2 đã trở thành điểm sinh hoạt bổ ích của thiếu nhi vào dịp cuối tuần.',
  '<p>Mỗi sáng thứ Bảy và Chủ nhật, nhà văn hóa khu phố 2 lại rộn tiếng cười nói của các em nhỏ đến đọc sách. Tủ sách cộng đồng được Chi đoàn thanh niên khu phố khởi xướng từ tháng 6/2026, ban đầu chỉ có khoảng 200 cuốn sách cũ.</p>
<p>Đến nay, nhờ sự quyên góp của người dân, các trường học và một số nhà sách, tủ sách đã có hơn 1.500 đầu sách gồm truyện thiếu nhi, sách khoa học phổ thông, sách kỹ năng sống và sách tìm hiểu về biển, đảo Việt Nam.</p>
<ul>
<li>Mở cửa: 8 giờ – 11 giờ và 15 giờ – 17 giờ thứ Bảy, Chủ nhật;</li>
<li>Mượn sách về nhà: tối đa 2 cuốn trong 7 ngày;</li>
<li>Nhận sách quyên góp: tại nhà văn hóa hoặc qua trưởng khu phố.</li>
</ul>
<p>Em <strong>Vũ Bảo Ngọc</strong>, học sinh lớp 4, cho biết cuối tuần nào em cũng rủ các bạn cùng đến: “Ở đây có nhiều truyện hay, đọc xong chúng em còn được các anh chị hướng dẫn vẽ tranh và kể chuyện.”</p>',
  'Lê Thu Trang, Vũ Nam, Hoàng Yến',
  NULL,
  NULL,
  NULL,
  'văn hóa đọc, thiếu nhi, khu phố 2',
  'published',
  '2026-11-23 14:15:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  23,
  3,
  'Bảng giá tham khảo dịch vụ lưu trú tại Bãi Cháy dịp cuối năm 2026',
  'bang-gia-tham-khao-dich-vu-luu-tru-tai-bai-chay',
  'Tổng hợp mức giá phòng tham khảo tại các khách sạn, nhà nghỉ trên địa bàn phường Bãi Cháy trong tháng 12/2026.',
  '<p>Theo khảo sát của bộ phận văn hóa – thông tin phường, giá phòng khách sạn 3 sao trên địa bàn dao động từ 600.000 đến 1.200.000 đồng/đêm, khách sạn 4–5 sao từ 1.500.000 đến 4.000.000 đồng/đêm tùy thời điểm và hạng phòng.</p>
<p>Nhà nghỉ, homestay trong các khu dân cư có mức giá từ 300.000 đến 600.000 đồng/đêm. Giá dịch vụ có thể tăng vào các dịp cuối tuần và Tết Dương lịch.</p>
<p>Các cơ sở lưu trú có trách nhiệm niêm yết công khai giá phòng tại quầy lễ tân và trên các kênh bán hàng trực tuyến, không thu cao hơn giá đã niêm yết.</p>
<p><em>Bảng giá chỉ mang tính tham khảo; du khách nên liên hệ trực tiếp cơ sở lưu trú để biết giá chính xác.</em></p>',
  'Trung Kiên',
  '/uploads/2026/11/bang-gia-luu-tru.png',
  NULL,
  NULL,
  'lưu trú, giá dịch vụ',
  'deleted',
  '2026-11-09 08:40:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  24,
  8,
  'Cảnh giác với thủ đoạn lừa đảo đặt phòng khách sạn, vé tàu du lịch qua mạng xã hội',
  'canh-giac-lua-dao-dat-phong-khach-san-ve-tau-qua-mang-xa-hoi',
  'Công an phường Bãi Cháy cảnh báo tình trạng các đối tượng giả mạo trang của khách sạn, tàu du lịch trên mạng xã hội để lừa du khách chuyển tiền đặt cọc.',
  '<p>Thời gian gần đây, Công an phường Bãi Cháy tiếp nhận nhiều trình báo của du khách về việc bị lừa đảo khi đặt phòng khách sạn, vé tàu tham quan vịnh qua mạng xã hội. Riêng trong tháng 10, đã có 9 trường hợp bị chiếm đoạt tổng số tiền hơn 80 triệu đồng.</p>
<h2>Thủ đoạn của các đối tượng</h2>
<p>Các đối tượng lập trang mạng xã hội, trang web giả mạo có tên, hình ảnh giống hệt cơ sở lưu trú, doanh nghiệp tàu du lịch uy tín, chạy quảng cáo với giá rẻ bất thường. Khi khách liên hệ, đối tượng yêu cầu chuyển khoản đặt cọc từ 30% đến 100% giá trị dịch vụ, sau đó chặn liên lạc.</p>
<p>Để phòng tránh, Công an phường khuyến cáo:</p>
<ul>
<li>Chỉ đặt dịch vụ qua kênh chính thức của cơ sở hoặc các ứng dụng đặt phòng uy tín;</li>
<li>Gọi điện xác minh tới số điện thoại niêm yết của cơ sở trước khi chuyển tiền;</li>
<li>Cảnh giác với mức giá rẻ bất thường và yêu cầu chuyển khoản vào tài khoản cá nhân;</li>
<li>Khi phát hiện dấu hiệu lừa đảo, báo ngay cho cơ quan công an gần nhất.</li>
</ul>
<p>Danh sách các cơ sở lưu trú đã được cấp phép trên địa bàn phường được công khai tại <a href="https://baichay.example.org/du-lich/co-so-luu-tru">cổng thông tin điện tử phường</a>.</p>',
  'Công an phường Bãi Cháy',
  '/uploads/2026/11/canh-bao-lua-dao.jpg',
  NULL,
  'https://baichay.example.org/an-ninh-trat-tu/canh-giac-lua-dao-dat-phong.html',
  'lừa đảo, cảnh báo, du lịch',
  'published',
  '2026-11-03 10:45:00',
  '2026-11-05 11:00:00');

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  25,
  4,
  'Câu lạc bộ dưỡng sinh người cao tuổi Bãi Cháy duy trì tập luyện mỗi sáng bên bờ biển',
  'cau-lac-bo-duong-sinh-nguoi-cao-tuoi-bai-chay',
  'Hơn 10 năm qua, Câu lạc bộ dưỡng sinh của Hội Người cao tuổi phường Bãi Cháy vẫn đều đặn tập luyện mỗi sáng, trở thành hình ảnh quen thuộc trên bãi biển.',
  '<p>5 giờ 30 sáng, khi bãi biển Bãi Cháy còn vắng du khách, hơn 60 hội viên Câu lạc bộ dưỡng sinh người cao tuổi đã có mặt đông đủ. Trong bộ quần áo đồng phục màu trắng, các cụ nhịp nhàng thực hiện những bài tập thở, khí công và thái cực quyền theo tiếng nhạc.</p>
<p>Câu lạc bộ được thành lập từ năm 2015 với 18 thành viên ban đầu. Đến nay, số hội viên đã tăng lên 65 người, người cao tuổi nhất là cụ <strong>Trịnh Văn Khang</strong>, 89 tuổi.</p>
<blockquote><p>“Tập đều mỗi sáng, tôi thấy người khỏe ra, ăn ngon, ngủ tốt. Quan trọng hơn là được gặp gỡ bạn bè, tinh thần lúc nào cũng vui vẻ”, cụ Khang chia sẻ.</p></blockquote>
<p>Ngoài tập luyện, câu lạc bộ còn tổ chức sinh hoạt chuyên đề về chăm sóc sức khỏe người cao tuổi, tham gia các hội thi do phường, tỉnh tổ chức và nhiều năm liền được công nhận là câu lạc bộ tiêu biểu.</p>',
  'Hoàng Yến',
  '/uploads/2026/10/clb-duong-sinh.jpg',
  'Hội viên Câu lạc bộ dưỡng sinh tập luyện trên bãi biển lúc bình minh. Ảnh: Hoàng Yến',
  NULL,
  NULL,
  'published',
  '2026-10-05 07:45:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  26,
  9,
  'Phường Bãi Cháy trả kết quả thủ tục hành chính bản điện tử có ký số, người dân không cần đến trụ sở',
  'phuong-bai-chay-tra-ket-qua-thu-tuc-hanh-chinh-ban-dien-tu-co-ky-so',
  'Từ ngày 1/12/2026, người dân nộp hồ sơ trực tuyến tại phường Bãi Cháy sẽ nhận kết quả bản điện tử có chữ ký số, có giá trị pháp lý như bản giấy.',
  '<p>UBND phường Bãi Cháy vừa ban hành kế hoạch trả kết quả giải quyết thủ tục hành chính bằng bản điện tử có ký số đối với 45 thủ tục thuộc các lĩnh vực hộ tịch, chứng thực, bảo trợ xã hội, áp dụng từ ngày 1/12/2026.</p>
<p>Theo đó, khi hồ sơ được giải quyết xong, kết quả điện tử sẽ được gửi vào kho dữ liệu cá nhân của người dân trên Cổng Dịch vụ công quốc gia. Người dân có thể tải về, sử dụng để thực hiện các giao dịch khác mà không phải đến trụ sở nhận bản giấy. Trường hợp có nhu cầu, người dân vẫn có thể đề nghị nhận thêm bản giấy.</p>
<h2>Giảm chi phí, thời gian đi lại</h2>
<p>Theo tính toán của Bộ phận một cửa, mỗi năm phường trả khoảng 9.000 kết quả thủ tục hành chính. Việc trả kết quả điện tử sẽ giúp người dân tiết kiệm đáng kể thời gian, chi phí đi lại, đồng thời giúp cơ quan nhà nước giảm lưu trữ giấy tờ.</p>
<p>Danh mục 45 thủ tục áp dụng được công khai <a href="/thu-tuc-hanh-chinh/danh-muc-tra-ket-qua-dien-tu">tại đây</a>.</p>',
  'Phạm Minh Đức',
  '/uploads/2026/11/ky-so-ket-qua-dien-tu.webp',
  'Công chức ký số kết quả giải quyết thủ tục hành chính. Ảnh: Phạm Minh Đức',
  'https://baichay.example.org/cai-cach-hanh-chinh/tra-ket-qua-dien-tu-co-ky-so.html',
  'ký số, dịch vụ công trực tuyến, cải cách hành chính',
  'published',
  '2026-11-24 10:50:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  27,
  7,
  'Thông báo lịch tiếp công dân định kỳ của Chủ tịch UBND phường Bãi Cháy tháng 11/2026',
  'thong-bao-lich-tiep-cong-dan-dinh-ky-thang-11-2026',
  'Chủ tịch UBND phường Bãi Cháy tiếp công dân định kỳ vào sáng thứ Năm các ngày 5/11 và 19/11/2026 tại Trụ sở tiếp công dân của phường.',
  '<p>Thực hiện quy định của pháp luật về tiếp công dân, UBND phường Bãi Cháy thông báo lịch tiếp công dân định kỳ của Chủ tịch UBND phường trong tháng 11/2026 như sau:</p>
<ul>
<li><strong>Thứ Năm, ngày 5/11/2026:</strong> từ 7 giờ 30 đến 11 giờ 30;</li>
<li><strong>Thứ Năm, ngày 19/11/2026:</strong> từ 7 giờ 30 đến 11 giờ 30.</li>
</ul>
<p>Địa điểm: Trụ sở tiếp công dân, UBND phường Bãi Cháy. Trường hợp Chủ tịch UBND phường bận công tác đột xuất, việc tiếp công dân sẽ do Phó Chủ tịch UBND phường được ủy quyền thực hiện.</p>
<p>Công dân đến trình bày khiếu nại, tố cáo, kiến nghị, phản ánh cần mang theo căn cước hoặc giấy tờ tùy thân và các tài liệu liên quan. Ngoài lịch định kỳ, Trụ sở tiếp công dân tiếp nhận đơn thư trong giờ hành chính các ngày làm việc.</p>
<p>Tham khảo thêm <a href="/thu-tuc-hanh-chinh/quy-che-tiep-cong-dan">Quy chế tiếp công dân</a> của UBND phường.</p>',
  NULL,
  NULL,
  NULL,
  '/thong-bao/lich-tiep-cong-dan-thang-11-2026.html',
  'tiếp công dân, thông báo',
  'published',
  '2026-10-29 08:00:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  28,
  7,
  'Thông báo tạm ngừng cung cấp điện tại khu phố 5 và khu phố 6 ngày 12/11/2026',
  'thong-bao-tam-ngung-cung-cap-dien-khu-pho-5-khu-pho-6',
  'Để bảo dưỡng đường dây và thay thế máy biến áp, ngành điện sẽ tạm ngừng cung cấp điện tại một phần khu phố 5 và khu phố 6 từ 7 giờ đến 15 giờ ngày 12/11/2026.',
  '<p>UBND phường Bãi Cháy nhận được thông báo của đơn vị điện lực về kế hoạch tạm ngừng cung cấp điện để bảo dưỡng đường dây trung thế và thay thế máy biến áp tại trạm biến áp khu phố 5.</p>
<p><strong>Thời gian:</strong> từ 7 giờ đến 15 giờ, thứ Năm ngày 12/11/2026.</p>
<p><strong>Khu vực ảnh hưởng:</strong></p>
<ul>
<li>Tổ 1, tổ 2, tổ 4 khu phố 5;</li>
<li>Tổ 1, tổ 2, tổ 3 khu phố 6;</li>
<li>Các cơ sở kinh doanh dọc tuyến phố đi bộ, đoạn từ nhà văn hóa khu phố 5 đến ngã ba chợ.</li>
</ul>
<p>Trường hợp công việc hoàn thành sớm, điện sẽ được đóng lại trước thời gian nêu trên mà không báo trước. Đề nghị người dân, cơ sở kinh doanh chủ động sắp xếp công việc và không tự ý đến gần khu vực thi công.</p>
<p><em>Cập nhật lúc 16 giờ 30 ngày 11/11: bổ sung tổ 3 khu phố 6 vào khu vực bị ảnh hưởng.</em></p>',
  'Văn phòng UBND phường',
  '/uploads/2026/11/thong-bao-cat-dien.png',
  NULL,
  'https://baichay.example.org/thong-bao/tam-ngung-cung-cap-dien-12-11-2026.html',
  'cắt điện, thông báo',
  'published',
  '2026-11-10 08:00:00',
  '2026-11-11 16:30:00');

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  29,
  3,
  'Hơn 90% hộ kinh doanh ven biển Bãi Cháy đã chấp nhận thanh toán bằng mã QR',
  'hon-90-phan-tram-ho-kinh-doanh-ven-bien-bai-chay-thanh-toan-ma-qr',
  'Sau 6 tháng triển khai mô hình “Tuyến phố thanh toán không dùng tiền mặt”, hầu hết hộ kinh doanh trên tuyến ven biển Bãi Cháy đã niêm yết mã QR để du khách thanh toán.',
  '<p>Tháng 5/2026, phường Bãi Cháy phối hợp với các ngân hàng thương mại ra mắt mô hình “Tuyến phố thanh toán không dùng tiền mặt” trên tuyến đường ven biển. Đến nay, 312/340 hộ kinh doanh trên tuyến, tương đương hơn 91%, đã niêm yết mã QR tại quầy.</p>
<p>Chị <strong>Ngô Thị Hạnh</strong>, chủ một quầy hải sản khô, chia sẻ: “Trước đây nhiều khách nước ngoài không mang theo tiền Việt nên rất khó mua hàng. Từ khi có mã QR, khách chỉ cần quét là thanh toán xong, tôi cũng không phải lo chuyện trả lại tiền lẻ.”</p>
<figure><img src="/uploads/2026/11/quay-hang-ma-qr.jpg" alt="Mã QR niêm yết tại quầy hàng hải sản khô"><figcaption>Mã QR được niêm yết ngay tại quầy hàng hải sản khô trên đường ven biển. Ảnh: Phạm Thị Hoa</figcaption></figure>
<h2>Tiếp tục mở rộng sang các khu phố</h2>
<p>Theo UBND phường, trong năm 2027, mô hình sẽ được nhân rộng ra chợ Bãi Cháy và các tuyến phố trung tâm. Các ngân hàng tiếp tục hỗ trợ miễn phí loa thông báo số tiền nhận được và hướng dẫn hộ kinh doanh nhận biết các thủ đoạn gian lận khi thanh toán.</p>
<p>Người dân, hộ kinh doanh cần hỗ trợ có thể liên hệ tổ công nghệ số cộng đồng tại khu phố hoặc xem hướng dẫn trên <a href="https://baichay.example.org/chuyen-doi-so/thanh-toan-khong-dung-tien-mat">cổng thông tin phường</a>.</p>',
  'Phạm Thị Hoa',
  'https://baichay.example.org/uploads/2026/11/thanh-toan-qr.jpg',
  'Du khách quét mã QR thanh toán tại một quầy hàng trên đường ven biển. Ảnh: Phạm Thị Hoa',
  NULL,
  'thanh toán không dùng tiền mặt, chuyển đổi số, hộ kinh doanh',
  'published',
  '2026-11-06 09:50:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  30,
  5,
  'Sun World Hạ Long tổ chức chuỗi sự kiện cuối tuần, ưu đãi giá vé cho người dân Quảng Ninh',
  'sun-world-ha-long-chuoi-su-kien-cuoi-tuan-uu-dai-nguoi-dan-quang-ninh',
  'Từ giữa tháng 11 đến hết tháng 12, khu vui chơi Sun World Hạ Long tại phường Bãi Cháy tổ chức chuỗi sự kiện âm nhạc, ẩm thực cuối tuần và giảm giá vé cho người dân thường trú tại Quảng Ninh.',
  '<p>Nhằm kích cầu du lịch mùa thấp điểm, khu vui chơi Sun World Hạ Long trên địa bàn phường Bãi Cháy triển khai chuỗi sự kiện cuối tuần kéo dài từ ngày 14/11 đến hết ngày 31/12/2026.</p>
<p>Theo kế hoạch, tối thứ Bảy hằng tuần sẽ có chương trình nhạc sống ngoài trời tại khu vực quảng trường, kết hợp với không gian ẩm thực đường phố và các hoạt động vui chơi cho thiếu nhi. Vòng quay Mặt Trời và tuyến cáp treo kéo dài thời gian hoạt động đến 22 giờ vào các tối cuối tuần.</p>
<figure><img src="/uploads/2026/11/nhac-song-quang-truong.jpg" alt="Đêm nhạc sống ngoài trời tại quảng trường"><figcaption>Đêm nhạc ngoài trời mở màn chuỗi sự kiện cuối tuần. Ảnh: Nguyễn Hà</figcaption></figure>
<h2>Ưu đãi cho người dân địa phương</h2>
<p>Người dân có căn cước ghi nơi thường trú tại tỉnh Quảng Ninh được <strong>giảm 50% giá vé</strong> cáp treo và các trò chơi trong nhà; trẻ em cao dưới 1 m được miễn vé. Ưu đãi áp dụng khi mua vé trực tiếp tại quầy.</p>
<p>UBND phường Bãi Cháy đề nghị các lực lượng chức năng tăng cường bảo đảm an ninh, trật tự, an toàn giao thông ở khu vực xung quanh trong các tối diễn ra sự kiện. Thông tin phân luồng xem tại chuyên mục <a href="/thong-bao/">Thông báo</a>.</p>',
  'Nguyễn Hà',
  '/uploads/2026/11/sun-world-ha-long.webp',
  'Vòng quay Mặt Trời tại khu vui chơi Sun World Hạ Long về đêm. Ảnh: Nguyễn Hà',
  NULL,
  'Sun World, du lịch, sự kiện',
  'published',
  '2026-11-12 12:00:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  31,
  6,
  'Lễ hội Hoa Bãi Cháy lần thứ nhất thu hút hàng chục nghìn lượt du khách và người dân',
  'le-hoi-hoa-bai-chay-lan-thu-nhat',
  'Trong hai ngày 31/10 và 1/11, Lễ hội Hoa Bãi Cháy lần thứ nhất đã thu hút khoảng 35.000 lượt khách đến tham quan, chụp ảnh với hàng trăm tiểu cảnh hoa.',
  '<p>Lễ hội Hoa Bãi Cháy lần thứ nhất với chủ đề “Sắc hoa bên vịnh” đã diễn ra trong hai ngày 31/10 và 1/11 tại quảng trường ven biển. Đây là sự kiện văn hóa – du lịch mới của phường, góp phần kích cầu du lịch cuối năm.</p>
<figure><img src="/uploads/2026/11/tieu-canh-thuyen-hoa.jpg" alt="Tiểu cảnh thuyền hoa tại Lễ hội Hoa Bãi Cháy"><figcaption>Tiểu cảnh “Thuyền hoa” được nhiều du khách chọn làm điểm chụp ảnh. Ảnh: Hải Yến</figcaption></figure>
<p>Khoảng 150 tiểu cảnh được tạo nên từ hơn 200.000 chậu hoa các loại như cúc, hồng, dạ yến thảo, lan… Nhiều tiểu cảnh như “Thuyền hoa”, “Cầu Bãi Cháy”, “Cổng trời” thu hút đông đảo du khách đến chụp ảnh lưu niệm.</p>
<p>Bên cạnh không gian trưng bày, lễ hội còn có các chương trình biểu diễn nghệ thuật, cuộc thi cắm hoa dành cho hội viên phụ nữ các khu phố và khu giới thiệu sản phẩm hoa, cây cảnh của các nhà vườn.</p>
<p>Theo Ban tổ chức, lễ hội đã đón khoảng 35.000 lượt khách. Phường Bãi Cháy sẽ tổng kết, rút kinh nghiệm để tổ chức lễ hội định kỳ hằng năm. Xem thêm hình ảnh tại <a href="https://baichay.example.org/thu-vien-anh/le-hoi-hoa-2026">thư viện ảnh</a>.</p>',
  'Hải Yến',
  '/uploads/2026/11/Lễ hội hoa.jpg',
  'Du khách tham quan Lễ hội Hoa Bãi Cháy lần thứ nhất. Ảnh: Hải Yến',
  NULL,
  'Lễ hội Hoa, lễ hội, du lịch',
  'published',
  '2026-11-01 19:50:00',
  '2026-11-02 10:30:00');

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  32,
  2,
  'HĐND phường Bãi Cháy tổ chức kỳ họp chuyên đề, thông qua kế hoạch đầu tư công năm 2027',
  'hdnd-phuong-bai-chay-ky-hop-chuyen-de-ke-hoach-dau-tu-cong-2027',
  'Kỳ họp chuyên đề của HĐND phường Bãi Cháy đã thông qua 4 nghị quyết, trong đó có nghị quyết về kế hoạch đầu tư công năm 2027 với 11 dự án hạ tầng đô thị và dân sinh.',
  '<p>Chiều 13/11, HĐND phường Bãi Cháy nhiệm kỳ 2026–2031 tổ chức kỳ họp chuyên đề để xem xét, quyết định một số nội dung quan trọng thuộc thẩm quyền. Ông <strong>Vũ Minh Hải</strong>, Chủ tịch HĐND phường, chủ trì kỳ họp.</p>
<p>Các đại biểu đã thảo luận, thông qua 4 nghị quyết gồm: kế hoạch đầu tư công năm 2027; điều chỉnh dự toán ngân sách năm 2026; đặt tên một số tuyến phố mới; chương trình giám sát năm 2027 của HĐND phường.</p>
<h2>Ưu tiên công trình dân sinh</h2>
<p>Theo nghị quyết, năm 2027 phường dự kiến triển khai 11 dự án với tổng vốn hơn 68 tỷ đồng, ưu tiên cải tạo hệ thống thoát nước tại các khu dân cư thường xuyên ngập khi mưa lớn, nâng cấp nhà văn hóa khu phố và xây dựng kè chống sạt lở tại khu phố 8.</p>
<blockquote><p>“Mỗi đồng vốn đầu tư công phải được dùng đúng chỗ, đúng việc và được người dân giám sát”, Chủ tịch HĐND phường nhấn mạnh khi bế mạc kỳ họp.</p></blockquote>
<p>Toàn văn các nghị quyết được công khai tại mục <a href="/van-ban/nghi-quyet-hdnd">Văn bản – Nghị quyết</a> trên cổng thông tin của phường.</p>',
  'Lê Thu Trang',
  '/uploads/2026/11/ky-hop-chuyen-de-hdnd.jpg',
  'Các đại biểu biểu quyết thông qua nghị quyết tại kỳ họp. Ảnh: Lê Thu Trang',
  '/thoi-su/hdnd-phuong-ky-hop-chuyen-de-2027-1131.html',
  'HĐND phường, đầu tư công, kỳ họp',
  'published',
  '2026-11-13 16:20:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  33,
  7,
  'Thông báo phân luồng, cấm phương tiện qua một số tuyến phố phục vụ Lễ hội Hoa Bãi Cháy',
  'thong-bao-phan-luong-phuc-vu-le-hoi-hoa-bai-chay',
  NULL,
  '<p>Để phục vụ Lễ hội Hoa Bãi Cháy lần thứ nhất, UBND phường Bãi Cháy thông báo tổ chức phân luồng giao thông như sau:</p>
<p><strong>Thời gian:</strong> từ 6 giờ ngày 30/10 đến 24 giờ ngày 1/11/2026.</p>
<ul>
<li>Cấm ô tô, xe máy lưu thông trên tuyến đường ven biển, đoạn từ quảng trường đến nhà văn hóa khu phố 2 (trừ xe ưu tiên và xe phục vụ lễ hội);</li>
<li>Ô tô khách từ 16 chỗ trở lên đón, trả khách tại bãi đỗ xe tạm phía sau chợ đêm;</li>
<li>Xe máy gửi tại các điểm trông giữ xe được bố trí dọc các tuyến phố lân cận.</li>
</ul>
<p>Đề nghị người dân và du khách chấp hành sự hướng dẫn của lực lượng chức năng. Sơ đồ phân luồng chi tiết xem <a href="/le-hoi/le-hoi-hoa-2026/so-do-phan-luong">tại đây</a>.</p>',
  'Công an phường Bãi Cháy',
  '/uploads/2026/10/so-do-phan-luong-le-hoi-hoa.png',
  'Sơ đồ phân luồng giao thông phục vụ Lễ hội Hoa Bãi Cháy.',
  NULL,
  NULL,
  'published',
  '2026-10-27 09:15:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  34,
  1,
  'Lãnh đạo tỉnh Quảng Ninh kiểm tra công tác chỉnh trang đô thị tại phường Bãi Cháy',
  'lanh-dao-tinh-quang-ninh-kiem-tra-cong-tac-chinh-trang-do-thi-tai-phuong-bai-chay',
  'Chiều 22/10, đoàn công tác của tỉnh Quảng Ninh đã kiểm tra tiến độ chỉnh trang các tuyến phố ven biển và công tác chuẩn bị đón khách du lịch dịp cuối năm tại phường Bãi Cháy.',
  '<p>Chiều 22/10, đoàn công tác của tỉnh Quảng Ninh do Phó Chủ tịch UBND tỉnh làm trưởng đoàn đã đi kiểm tra thực tế tại tuyến đường ven biển, khu vực quảng trường và một số khu dân cư trên địa bàn phường Bãi Cháy.</p>
<p>Báo cáo với đoàn, ông <strong>Nguyễn Văn Thành</strong>, Chủ tịch UBND phường, cho biết từ đầu năm đến nay phường đã hoàn thành lát lại 3,2 km vỉa hè, trồng mới hơn 400 cây xanh và lắp đặt hệ thống chiếu sáng mỹ thuật tại hai nút giao chính. Các hạng mục còn lại dự kiến hoàn thành trước ngày 15/12.</p>
<figure><img src="/uploads/2026/10/kiem-tra-chinh-trang-do-thi.jpg" alt="Đoàn công tác kiểm tra tuyến vỉa hè ven biển Bãi Cháy"><figcaption>Đoàn công tác kiểm tra tuyến vỉa hè mới được lát lại trên đường ven biển. Ảnh: Trần Thanh</figcaption></figure>
<p>Ghi nhận những kết quả phường đạt được, trưởng đoàn đề nghị địa phương tiếp tục rà soát, xử lý dứt điểm tình trạng lấn chiếm vỉa hè, đồng thời bảo đảm vệ sinh môi trường tại các điểm tập kết rác, nhất là trong những dịp cao điểm du lịch.</p>
<p>Phường Bãi Cháy cam kết huy động tối đa nguồn lực để hoàn thành các công trình đúng tiến độ, góp phần xây dựng diện mạo đô thị du lịch văn minh, sạch đẹp.</p>',
  'Trần Thanh – Lương Huấn',
  'https://baichay.example.org/uploads/2026/10/doan-cong-tac-tinh.jpg',
  'Đoàn công tác của tỉnh làm việc với lãnh đạo phường Bãi Cháy. Ảnh: Lương Huấn',
  'https://baichay.example.org/tin-tuc/lanh-dao-tinh-kiem-tra-chinh-trang-do-thi-bai-chay.html',
  'chỉnh trang đô thị, Bãi Cháy, du lịch',
  'published',
  '2026-10-22 16:45:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  35,
  8,
  'Diễn tập phương án chữa cháy và cứu nạn, cứu hộ tại khách sạn cao tầng trên địa bàn phường',
  'dien-tap-phuong-an-chua-chay-cuu-nan-cuu-ho-tai-khach-san-cao-tang',
  'Buổi diễn tập với tình huống cháy tại tầng 12 của một khách sạn 20 tầng đã giúp nâng cao khả năng phối hợp giữa lực lượng tại chỗ và lực lượng chữa cháy chuyên nghiệp.',
  '<p>Chiều 18/11, Công an phường Bãi Cháy phối hợp với lực lượng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ tổ chức diễn tập phương án chữa cháy tại một khách sạn 20 tầng trên tuyến đường ven biển.</p>
<p>Tình huống giả định: đám cháy phát sinh tại phòng kho tầng 12 do chập điện, khói lan nhanh ra hành lang khiến nhiều du khách bị mắc kẹt. Lực lượng bảo vệ, nhân viên khách sạn đã kịp thời báo động, dùng bình chữa cháy xách tay dập lửa ban đầu và hướng dẫn khách thoát nạn theo cầu thang bộ.</p>
<figure><img src="/uploads/2026/11/dien-tap-pccc-khach-san.jpg" alt="Lực lượng chữa cháy triển khai xe thang cứu hộ tại khách sạn"><figcaption>Lực lượng chữa cháy sử dụng xe thang cứu người bị mắc kẹt trong tình huống giả định. Ảnh: Đức Thắng</figcaption></figure>
<p>Ngay khi nhận tin báo, các xe chữa cháy và xe thang đã có mặt, triển khai lăng phun nước, cứu thành công 5 “nạn nhân” và bàn giao cho lực lượng y tế sơ cứu.</p>
<p>Qua buổi diễn tập, Công an phường đề nghị các cơ sở lưu trú thường xuyên kiểm tra hệ thống báo cháy, lối thoát nạn và tổ chức huấn luyện cho nhân viên ít nhất mỗi năm một lần.</p>',
  'Đức Thắng',
  NULL,
  NULL,
  NULL,
  'phòng cháy chữa cháy, diễn tập, khách sạn',
  'published',
  '2026-11-18 15:40:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  36,
  5,
  'Chuyến tàu biển quốc tế đầu tiên của mùa du lịch đưa hơn 2.000 khách đến Bãi Cháy',
  'chuyen-tau-bien-quoc-te-dau-tien-cua-mua-du-lich',
  'Sáng 8/11, tàu du lịch biển quốc tế đưa hơn 2.000 hành khách cập cảng tại Bãi Cháy, mở đầu mùa đón khách tàu biển 2026–2027.',
  '<p>Sáng 8/11, con tàu du lịch biển dài gần 300 m cùng hơn 2.000 hành khách, chủ yếu đến từ Mỹ, Úc và các nước châu Âu, đã cập cảng tàu khách quốc tế trên địa bàn phường Bãi Cháy. Đây là chuyến tàu đầu tiên của mùa du lịch tàu biển 2026–2027.</p>
<p>Tại cảng, du khách được chào đón bằng các tiết mục múa lân và hát giao duyên. Sau khi hoàn tất thủ tục nhập cảnh, nhiều đoàn khách đã lên tàu tham quan vịnh Hạ Long, trong khi một số khác lựa chọn dạo chơi, mua sắm tại khu vực Bãi Cháy.</p>
<figure><img src="/uploads/2026/11/don-khach-tau-bien.jpg" alt="Múa lân chào đón du khách tàu biển tại cảng"><figcaption>Tiết mục múa lân chào đón du khách tàu biển tại cảng. Ảnh: Đức Thắng</figcaption></figure>
<p>Bà <strong>Catherine O''Neill</strong>, du khách đến từ Úc, cho biết: “Tôi rất ấn tượng với khung cảnh vịnh lúc tàu vào cảng và sự thân thiện của người dân ở đây.”</p>
<p>Để phục vụ khách tàu biển, UBND phường đã bố trí các điểm hướng dẫn du lịch, tăng cường lực lượng giữ gìn trật tự và đề nghị các cơ sở kinh doanh niêm yết giá bằng tiếng Anh.</p>',
  'Trần Thanh, Đức Thắng',
  'https://baichay.example.org/uploads/2026/11/tau-bien-quoc-te.jpg',
  'Tàu du lịch biển quốc tế cập cảng sáng 8/11. Ảnh: Trần Thanh',
  'https://baichay.example.org/du-lich/chuyen-tau-bien-quoc-te-dau-tien-mua-du-lich.html',
  'tàu biển, khách quốc tế, du lịch',
  'published',
  '2026-11-08 13:10:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  37,
  2,
  'Đại biểu HĐND tỉnh tiếp xúc cử tri phường Bãi Cháy trước kỳ họp cuối năm 2026',
  'dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-phuong-bai-chay',
  'Tại buổi tiếp xúc, cử tri phường Bãi Cháy đã kiến nghị nhiều nội dung về ngập úng cục bộ, cấp giấy chứng nhận quyền sử dụng đất và quản lý hoạt động kinh doanh du lịch.',
  '<p>Tối 25/11, tại nhà văn hóa khu phố 2, tổ đại biểu HĐND tỉnh đã tiếp xúc cử tri phường Bãi Cháy trước kỳ họp thường lệ cuối năm 2026 của HĐND tỉnh. Hơn 150 cử tri đại diện cho 12 khu phố đã tham dự.</p>
<p>Các đại biểu đã thông báo với cử tri dự kiến nội dung, chương trình kỳ họp, trong đó có các nghị quyết về kế hoạch phát triển kinh tế – xã hội và dự toán ngân sách năm 2027.</p>
<p>Phát biểu tại buổi tiếp xúc, cử tri <strong>Phạm Văn Lợi</strong> (khu phố 6) phản ánh tình trạng ngập úng cục bộ trên một số tuyến phố mỗi khi có mưa lớn, đề nghị sớm cải tạo hệ thống thoát nước. Cử tri <strong>Trần Thị Thoa</strong> (khu phố 9) kiến nghị đẩy nhanh việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân đã sử dụng đất ổn định nhiều năm.</p>
<p>Thay mặt tổ đại biểu, đại biểu <em>Hoàng Minh Tuấn</em> đã tiếp thu, giải trình một số nội dung thuộc thẩm quyền và cam kết tổng hợp đầy đủ các ý kiến, kiến nghị để gửi đến cơ quan có thẩm quyền xem xét, trả lời cử tri.</p>',
  'Thu Hà - Quang Huy',
  NULL,
  NULL,
  NULL,
  'tiếp xúc cử tri, HĐND tỉnh',
  'published',
  '2026-11-25 19:30:00',
  '2026-11-26 07:40:00');

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  38,
  8,
  'Công an phường Bãi Cháy phối hợp người dân lắp đặt 120 camera an ninh tại các khu phố',
  'cong-an-phuong-bai-chay-lap-dat-120-camera-an-ninh',
  'Mô hình “Camera an ninh khu phố” do người dân cùng đóng góp đã giúp Công an phường Bãi Cháy phát hiện, xử lý nhanh nhiều vụ việc về trật tự xã hội.',
  '<p>Từ tháng 3/2026, Công an phường Bãi Cháy phối hợp với các khu phố vận động người dân lắp đặt camera an ninh tại các ngõ, ngách, nút giao thông và khu vực công cộng. Đến nay, toàn phường đã có 120 camera được kết nối, trong đó 46 camera do người dân tự nguyện đóng góp kinh phí.</p>
<p>Hình ảnh từ camera được lưu trữ và chia sẻ với Công an phường khi cần thiết, phục vụ công tác phòng ngừa, phát hiện vi phạm. Nhờ đó, trong 9 tháng, lực lượng công an đã xác minh, làm rõ 14 vụ trộm cắp tài sản và nhiều vụ gây rối trật tự công cộng.</p>
<figure><img src="/uploads/2026/10/camera-an-ninh-khu-pho.jpg" alt="Camera an ninh lắp đặt tại ngõ khu phố 4"><figcaption>Camera an ninh được lắp tại đầu ngõ khu phố 4. Ảnh: Trung Kiên</figcaption></figure>
<p>Thượng tá <strong>Phạm Đức Long</strong>, Trưởng Công an phường, cho biết: “Camera là ‘con mắt’ hỗ trợ rất hiệu quả, nhưng quan trọng nhất vẫn là tinh thần cảnh giác và sự phối hợp chặt chẽ của người dân với lực lượng công an.”</p>
<p>Thời gian tới, Công an phường sẽ tiếp tục nhân rộng mô hình, phấn đấu đến năm 2027 mỗi khu phố có ít nhất 15 camera an ninh.</p>',
  'Trung Kiên',
  '/uploads/2026/10/lap-dat-camera-an-ninh.jpg',
  'Cán bộ Công an phường kiểm tra hệ thống camera an ninh khu phố. Ảnh: Trung Kiên',
  NULL,
  'an ninh trật tự, camera, công an phường',
  'published',
  '2026-10-07 16:00:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  39,
  5,
  'Tập huấn kỹ năng giao tiếp, phục vụ du khách cho 150 chủ cơ sở lưu trú trên địa bàn phường',
  'tap-huan-ky-nang-phuc-vu-du-khach-cho-150-co-so-luu-tru',
  'Ngày 14/10, UBND phường Bãi Cháy tổ chức lớp tập huấn về kỹ năng giao tiếp, ứng xử văn minh và khai báo lưu trú trực tuyến cho 150 chủ cơ sở lưu trú và nhân viên lễ tân.',
  NULL,
  'Đức Thắng',
  '/uploads/2026/10/tap-huan-luu-tru.jpg',
  'Quang cảnh lớp tập huấn. Ảnh: Đức Thắng',
  'https://baichay.example.org/du-lich/tap-huan-ky-nang-phuc-vu-du-khach.html',
  'du lịch, lưu trú, tập huấn',
  'published',
  '2026-10-14 15:20:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  40,
  1,
  'Phường Bãi Cháy ra mắt cổng thông tin điện tử phiên bản mới, hỗ trợ tra cứu thủ tục trực tuyến',
  'phuong-bai-chay-ra-mat-cong-thong-tin-dien-tu-phien-ban-moi',
  'Cổng thông tin điện tử phường Bãi Cháy phiên bản mới chính thức hoạt động từ ngày 1/10, với giao diện thân thiện trên điện thoại, chức năng tra cứu thủ tục hành chính và đăng ký nhận tin mới.',
  '<p>Sáng 1/10, UBND phường Bãi Cháy tổ chức lễ ra mắt cổng thông tin điện tử phiên bản mới tại địa chỉ <a href="https://baichay.example.org/">baichay.example.org</a>. Đây là kênh thông tin chính thức của chính quyền phường, thay thế trang thông tin cũ được xây dựng từ năm 2017.</p>
<p>So với phiên bản trước, cổng thông tin mới hiển thị tốt trên điện thoại di động, tốc độ tải trang nhanh hơn và được sắp xếp lại theo các chuyên mục: Tin tức, Kinh tế, Văn hóa – Xã hội, Du lịch, Thông báo, An ninh – Trật tự và Cải cách hành chính.</p>
<figure><img src="/uploads/2026/10/giao-dien-cong-thong-tin-moi.jpg" alt="Giao diện cổng thông tin điện tử phường Bãi Cháy trên điện thoại"><figcaption>Giao diện mới của cổng thông tin hiển thị trên điện thoại di động. Ảnh: Ban Biên tập</figcaption></figure>
<h2>Tra cứu thủ tục ngay trên cổng thông tin</h2>
<p>Điểm mới đáng chú ý là mục <a href="/thu-tuc-hanh-chinh/">Thủ tục hành chính</a>, cho phép người dân tra cứu thành phần hồ sơ, thời hạn giải quyết, lệ phí và tải về các mẫu đơn, tờ khai. Người dân cũng có thể theo dõi tình trạng hồ sơ đã nộp bằng mã số ghi trên giấy biên nhận.</p>
<blockquote><p>“Chúng tôi mong muốn mỗi người dân, mỗi du khách đều có thể tìm thấy thông tin cần thiết chỉ sau vài lần chạm trên điện thoại”, ông <strong>Nguyễn Văn Thành</strong>, Chủ tịch UBND phường, phát biểu tại buổi ra mắt.</p></blockquote>
<p>Trong thời gian vận hành thử nghiệm, mọi ý kiến góp ý của bạn đọc xin gửi về mục <a href="/lien-he">Liên hệ</a> hoặc trực tiếp tại Bộ phận một cửa của phường.</p>',
  'Ban Biên tập',
  '/uploads/2026/10/ra-mat-cong-thong-tin.jpg',
  'Lãnh đạo phường Bãi Cháy bấm nút ra mắt cổng thông tin điện tử phiên bản mới. Ảnh: Minh Khôi',
  NULL,
  'cổng thông tin, chuyển đổi số, Bãi Cháy',
  'published',
  '2026-10-01 09:30:00',
  '2026-10-02 08:00:00');

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  41,
  2,
  'Phường Bãi Cháy tổng kết công tác phòng thủ dân sự và phòng, chống thiên tai năm 2026',
  'phuong-bai-chay-tong-ket-cong-tac-phong-chong-thien-tai-nam-2026',
  'Dự thảo bài tổng kết công tác phòng, chống thiên tai năm 2026, chờ bổ sung số liệu thiệt hại và danh sách khen thưởng.',
  '<p>[DỰ THẢO – CHƯA XUẤT BẢN] Năm 2026, phường Bãi Cháy chịu ảnh hưởng trực tiếp của hai cơn bão và năm đợt mưa lớn kéo dài. Với phương châm “4 tại chỗ”, công tác phòng, chống thiên tai đã được triển khai chủ động, kịp thời.</p>
<p>Số liệu thiệt hại cả năm: <strong>chờ bổ sung từ báo cáo của Ban Chỉ huy phòng thủ dân sự phường</strong>.</p>
<p>Danh sách tập thể, cá nhân được khen thưởng: <em>chờ quyết định của UBND phường</em>.</p>
<p>Phương hướng năm 2027: rà soát khu vực có nguy cơ sạt lở, kiện toàn lực lượng xung kích ở các khu phố, tổ chức diễn tập ứng phó bão ít nhất một lần trước mùa mưa.</p>
<p><em>Ghi chú biên tập: bổ sung ảnh và trích dẫn ý kiến lãnh đạo phường trước khi xuất bản.</em></p>',
  'Nguyễn Hà',
  NULL,
  NULL,
  NULL,
  NULL,
  'draft',
  '2026-11-26 15:00:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  42,
  9,
  'Tổ công nghệ số cộng đồng “đi từng ngõ, gõ từng nhà” hướng dẫn người dân dùng dịch vụ công',
  'to-cong-nghe-so-cong-dong-huong-dan-nguoi-dan-dung-dich-vu-cong',
  '12 tổ công nghệ số cộng đồng của phường Bãi Cháy đã đến từng hộ gia đình, giúp hàng nghìn người dân kích hoạt tài khoản định danh điện tử và nộp hồ sơ trực tuyến.',
  '<p>Mỗi tối, sau giờ làm việc, các thành viên tổ công nghệ số cộng đồng khu phố 10 lại chia nhau đến từng nhà trong khu phố. Người hướng dẫn người cao tuổi kích hoạt tài khoản định danh điện tử, người giúp các hộ kinh doanh cài ứng dụng thanh toán, nộp thuế điện tử.</p>
<p>Toàn phường Bãi Cháy hiện có 12 tổ công nghệ số cộng đồng với 86 thành viên, chủ yếu là đoàn viên thanh niên, công an khu vực và cán bộ khu phố. Từ đầu năm, các tổ đã hỗ trợ hơn 4.600 lượt người dân thực hiện dịch vụ công trực tuyến.</p>
<ul>
<li>Hướng dẫn nộp hồ sơ trực tuyến các thủ tục thường gặp như chứng thực, hộ tịch, cư trú;</li>
<li>Hỗ trợ thanh toán lệ phí, hóa đơn điện, nước qua ứng dụng ngân hàng;</li>
<li>Tuyên truyền kỹ năng bảo vệ thông tin cá nhân, phòng tránh lừa đảo trên mạng.</li>
</ul>
<p>Bà <strong>Nguyễn Thị Lý</strong>, 68 tuổi, ở khu phố 10 kể: “Trước tôi nghĩ làm giấy tờ trên điện thoại khó lắm, giờ được các cháu chỉ cho mấy lần là tự làm được.”</p>
<p>Lịch hỗ trợ của các tổ công nghệ số cộng đồng được đăng tại <a href="/chuyen-doi-so/to-cong-nghe-so">trang chuyển đổi số</a> của phường.</p>',
  'Thu Hà',
  '/uploads/2026/11/to-cong-nghe-so-cong-dong.jpg',
  'Thành viên tổ công nghệ số cộng đồng hướng dẫn người cao tuổi dùng ứng dụng định danh điện tử. Ảnh: Thu Hà',
  NULL,
  'chuyển đổi số, dịch vụ công trực tuyến, tổ công nghệ số',
  'published',
  '2026-11-05 17:05:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  43,
  3,
  'Chợ đêm Bãi Cháy mở rộng thêm 40 gian hàng, ưu tiên giới thiệu sản phẩm OCOP của tỉnh',
  'cho-dem-bai-chay-mo-rong-them-40-gian-hang',
  'Từ ngày 10/10, chợ đêm Bãi Cháy có thêm 40 gian hàng mới, trong đó một nửa dành cho các sản phẩm OCOP và đặc sản của Quảng Ninh.',
  '<p>Sau hơn một năm hoạt động, chợ đêm Bãi Cháy đã trở thành điểm đến quen thuộc của du khách mỗi tối. Để đáp ứng nhu cầu ngày càng tăng, UBND phường đã phối hợp với đơn vị quản lý chợ mở rộng thêm 40 gian hàng dọc tuyến phố đi bộ, nâng tổng số gian hàng lên 160.</p>
<p>Đáng chú ý, 20 gian hàng mới được ưu tiên bố trí cho các chủ thể sản phẩm OCOP của tỉnh với những mặt hàng như chả mực, sá sùng khô, trà hoa vàng, rượu ba kích… Các gian hàng được thiết kế thống nhất về kiểu dáng, biển hiệu và niêm yết giá công khai.</p>
<figure><img src="/uploads/2026/10/cho-dem-bai-chay.jpg" alt="Du khách tham quan các gian hàng tại chợ đêm Bãi Cháy"><figcaption>Du khách mua sắm tại chợ đêm Bãi Cháy. Ảnh: Hải Yến</figcaption></figure>
<p>Chợ mở cửa từ 18 giờ đến 23 giờ hằng ngày. Ban quản lý chợ cam kết kiểm soát chặt chẽ nguồn gốc hàng hóa, bảo đảm an toàn thực phẩm và xử lý nghiêm các trường hợp nâng giá, chèo kéo khách.</p>
<p>Các hộ kinh doanh có nhu cầu đăng ký gian hàng trong đợt tiếp theo xem hướng dẫn <a href="/thu-tuc-hanh-chinh/dang-ky-gian-hang-cho-dem">tại đây</a>.</p>',
  'Hải Yến',
  '/uploads/2026/10/cho-dem-bai-chay-mo-rong.webp',
  'Khu gian hàng OCOP mới tại chợ đêm Bãi Cháy. Ảnh: Hải Yến',
  '/kinh-te/cho-dem-bai-chay-mo-rong-40-gian-hang-1008.html',
  'chợ đêm, OCOP, kinh tế đêm',
  'published',
  '2026-10-08 20:15:00',
  '2026-10-10 09:00:00');

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  44,
  7,
  'Thông báo lịch làm việc của Bộ phận một cửa phường Bãi Cháy dịp Tết Dương lịch',
  'thong-bao-lich-lam-viec-bo-phan-mot-cua-dip-tet-duong-lich',
  'Bộ phận một cửa phường Bãi Cháy thông báo lịch nghỉ và lịch trực tiếp nhận hồ sơ dịp Tết Dương lịch.',
  '<p>Bộ phận một cửa UBND phường Bãi Cháy nghỉ Tết Dương lịch theo quy định. Trong thời gian nghỉ, bộ phận bố trí công chức trực để tiếp nhận hồ sơ đăng ký khai tử và giải quyết các trường hợp khẩn cấp.</p>
<p>Người dân có thể tiếp tục nộp hồ sơ qua <a href="/dich-vu-cong">dịch vụ công trực tuyến</a>; hồ sơ sẽ được xử lý ngay khi cơ quan làm việc trở lại.</p>
<p>Kết quả giải quyết thủ tục hành chính có hẹn trả trong những ngày nghỉ sẽ được trả vào ngày làm việc đầu tiên sau kỳ nghỉ. UBND phường xin thông báo để người dân, tổ chức biết và chủ động sắp xếp thời gian.</p>',
  'Văn phòng UBND phường',
  NULL,
  NULL,
  NULL,
  'một cửa, Tết Dương lịch, thông báo',
  'published',
  '2099-01-01 08:00:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  45,
  6,
  'Bãi Cháy lên kế hoạch tổ chức đêm nghệ thuật và bắn pháo hoa chào năm mới 2027',
  'bai-chay-len-ke-hoach-dem-nghe-thuat-va-phao-hoa-chao-nam-moi-2027',
  'Đêm 31/12/2026, quảng trường ven biển Bãi Cháy sẽ là nơi diễn ra chương trình nghệ thuật đặc sắc và màn bắn pháo hoa tầm thấp chào đón năm mới 2027.',
  '<p>UBND phường Bãi Cháy vừa ban hành kế hoạch tổ chức chương trình nghệ thuật “Chào năm mới 2027” tại quảng trường ven biển vào tối 31/12/2026. Chương trình kéo dài từ 20 giờ 30 đến 0 giờ 15 ngày 1/1/2027, với điểm nhấn là màn bắn pháo hoa tầm thấp trong 15 phút vào thời khắc chuyển giao năm mới.</p>
<p>Chương trình có sự tham gia của các ca sĩ, nhóm nhảy, câu lạc bộ văn nghệ quần chúng, cùng khu vực đếm ngược với màn hình LED cỡ lớn đặt hướng ra vịnh.</p>
<h2>Bảo đảm an ninh, an toàn cho người dân và du khách</h2>
<p>UBND phường giao Công an phường chủ trì xây dựng phương án bảo đảm an ninh, trật tự, phân luồng giao thông; Trạm Y tế phường bố trí nhân lực, xe cứu thương túc trực. Vị trí các bãi đỗ xe tạm sẽ được công bố trước ngày 20/12.</p>
<p>Người dân và du khách theo dõi thông tin chính thức về chương trình trên cổng thông tin điện tử của phường tại <a href="https://baichay.example.org/le-hoi/chao-nam-moi-2027">baichay.example.org</a>.</p>',
  'Quang Huy',
  '/uploads/2026/11/phao-hoa-bai-chay.jpg',
  'Pháo hoa rực sáng trên bầu trời Bãi Cháy đêm giao thừa năm trước. Ảnh tư liệu',
  NULL,
  'năm mới, pháo hoa, lễ hội',
  'published',
  '2026-11-27 16:00:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  46,
  4,
  'Bàn giao ba căn nhà Đại đoàn kết cho hộ nghèo tại khu phố 7 và khu phố 9',
  'ban-giao-ba-can-nha-dai-doan-ket-cho-ho-ngheo',
  'Ba hộ nghèo tại phường Bãi Cháy đã chuyển về ở trong những căn nhà mới khang trang, được xây dựng từ Quỹ “Vì người nghèo” và sự chung tay của cộng đồng.',
  '<p>Chiều 27/10, Ủy ban MTTQ phường Bãi Cháy tổ chức bàn giao ba căn nhà Đại đoàn kết cho các hộ nghèo tại khu phố 7 và khu phố 9. Mỗi căn nhà có diện tích từ 45 đến 60 m², tổng kinh phí xây dựng hơn 240 triệu đồng.</p>
<p>Trong đó, Quỹ “Vì người nghèo” của phường hỗ trợ 60 triệu đồng mỗi căn; phần còn lại do các doanh nghiệp, nhà hảo tâm, họ hàng và hàng xóm đóng góp bằng tiền, vật liệu xây dựng và ngày công lao động.</p>
<figure><img src="/uploads/2026/10/nha-dai-doan-ket-khu-pho-9.jpg" alt="Căn nhà Đại đoàn kết mới xây tại khu phố 9"><figcaption>Căn nhà Đại đoàn kết của gia đình bà Lê Thị Sen ở khu phố 9. Ảnh: Thu Trang</figcaption></figure>
<p>Cầm chìa khóa căn nhà mới, bà <strong>Lê Thị Sen</strong> (khu phố 9), năm nay 71 tuổi, không giấu được niềm vui: “Cả đời tôi chưa bao giờ nghĩ có ngày được ở nhà kiên cố thế này. Mùa mưa bão năm nay tôi không còn phải lo mái dột nữa.”</p>
<p>Từ đầu năm đến nay, phường Bãi Cháy đã hỗ trợ xây mới và sửa chữa 7 căn nhà cho hộ nghèo, hộ cận nghèo. Phường phấn đấu không còn hộ nghèo theo chuẩn của tỉnh vào cuối năm 2027.</p>',
  'Thu Trang',
  '/uploads/2026/10/ban-giao-nha-dai-doan-ket.jpg',
  'Lãnh đạo phường trao chìa khóa nhà mới cho bà Lê Thị Sen. Ảnh: Thu Trang',
  NULL,
  'an sinh xã hội, nhà Đại đoàn kết, hộ nghèo',
  'published',
  '2026-10-27 16:30:00',
  NULL);

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  47,
  2,
  'Bãi Cháy chủ động ứng phó bão số 7, di dời 86 hộ dân khỏi khu vực có nguy cơ sạt lở',
  'bai-chay-chu-dong-ung-pho-bao-so-7-di-doi-86-ho-dan',
  'Trước diễn biến phức tạp của bão số 7, phường Bãi Cháy đã kích hoạt phương án “4 tại chỗ”, di dời 86 hộ dân với 274 nhân khẩu đến nơi ở an toàn và hướng dẫn tàu thuyền vào nơi neo đậu.',
  '<p>Thực hiện công điện của UBND tỉnh về ứng phó với bão số 7, chiều 16/10, Ban Chỉ huy phòng thủ dân sự phường Bãi Cháy đã họp khẩn, triển khai các biện pháp ứng phó theo phương châm <strong>“4 tại chỗ”</strong>: chỉ huy tại chỗ, lực lượng tại chỗ, phương tiện – vật tư tại chỗ và hậu cần tại chỗ.</p>
<p>Đến 21 giờ cùng ngày, phường đã hoàn thành việc di dời <strong>86 hộ dân với 274 nhân khẩu</strong> sống ở các khu vực chân đồi, ven taluy có nguy cơ sạt lở tại khu phố 4, khu phố 8 và khu phố 11 đến nhà văn hóa khu phố và nhà người thân. Các điểm sơ tán đều được bố trí nước uống, lương thực, đèn pin và lực lượng trực 24/24 giờ.</p>
<figure><img src="/uploads/2026/10/so-tan-dan-khu-pho-8.jpg" alt="Người dân khu phố 8 được đưa đến điểm sơ tán"><figcaption>Các hộ dân khu phố 8 được đưa đến nhà văn hóa khu phố để tránh trú bão. Ảnh: Nguyễn Hà</figcaption></figure>
<h2>Tàu du lịch đã vào nơi tránh trú an toàn</h2>
<p>Phối hợp với các đơn vị chức năng, phường đã kiểm đếm và hướng dẫn toàn bộ tàu du lịch, tàu cá của người dân vào nơi neo đậu an toàn; các bãi tắm tạm dừng đón khách kể từ 12 giờ ngày 16/10.</p>
<p>Người dân cần hỗ trợ khẩn cấp xin liên hệ ngay trưởng khu phố hoặc đường dây nóng của Ban Chỉ huy phòng thủ dân sự phường được công bố tại <a href="/thong-bao/duong-day-nong-phong-chong-thien-tai">trang thông báo</a>.</p>
<p><em>Tin bài tiếp tục được cập nhật.</em></p>',
  'Nguyễn Hà – Minh Khôi',
  '/uploads/2026/10/ung-pho-bao-so-7.jpg',
  'Lực lượng dân quân hỗ trợ người dân khu phố 8 di dời đồ đạc đến nơi an toàn. Ảnh: Minh Khôi',
  'https://baichay.example.org/thoi-su/bai-chay-chu-dong-ung-pho-bao-so-7.html',
  'phòng chống lụt bão, bão số 7, sơ tán',
  'published',
  '2026-10-16 21:40:00',
  '2026-10-17 07:15:00');

INSERT INTO articles (id, category_id, title, slug, summary, content_html, author, image_url, image_caption, url, tags, status, published_at, updated_at) VALUES (
  48,
  5,
  'Bãi tắm Bãi Cháy vẫn đông khách cuối mùa, khách quốc tế tăng mạnh so với cùng kỳ',
  'bai-tam-bai-chay-van-dong-khach-cuoi-mua',
  'Dù đã bước sang tháng 10, bãi tắm Bãi Cháy vẫn đón trung bình 3.000 lượt khách mỗi ngày cuối tuần, trong đó khách quốc tế chiếm gần một phần ba.',
  '<p>Những ngày đầu tháng 10, thời tiết Hạ Long vẫn nắng ấm, nhiệt độ nước biển duy trì ở mức 26–27°C, thuận lợi cho hoạt động tắm biển. Theo Ban quản lý bãi tắm, mỗi ngày cuối tuần bãi tắm Bãi Cháy đón trung bình 3.000 lượt khách, ngày thường khoảng 1.200 lượt.</p>
<p>Đáng chú ý, lượng khách quốc tế tăng mạnh, chủ yếu đến từ Hàn Quốc, Trung Quốc, Ấn Độ và các nước châu Âu. Nhiều du khách kết hợp tắm biển với tham quan vịnh Hạ Long và các khu vui chơi trên địa bàn phường.</p>
<figure><img src="/uploads/2026/10/bai-tam-cuoi-mua.jpg" alt="Du khách tắm biển tại bãi tắm Bãi Cháy"><figcaption>Du khách tắm biển tại bãi tắm Bãi Cháy chiều 3/10. Ảnh: Quang Huy</figcaption></figure>
<p>Để bảo đảm an toàn, lực lượng cứu hộ duy trì 12 chòi quan sát và trực liên tục từ 6 giờ đến 18 giờ. Khu vực tắm được giới hạn bằng phao tiêu; du khách được khuyến cáo không bơi ra ngoài phạm vi phao và không xuống biển khi có cờ đỏ.</p>
<p>Lịch trực cứu hộ và các khuyến cáo an toàn được cập nhật thường xuyên tại <a href="/du-lich/an-toan-tam-bien">chuyên trang du lịch</a> của phường.</p>',
  'Quang Huy - Thu Trang',
  '/uploads/2026/10/bai-tam-bai-chay.jpg',
  'Bãi tắm Bãi Cháy trong một ngày cuối tuần đầu tháng 10. Ảnh: Quang Huy',
  '/du-lich/bai-tam-bai-chay-van-dong-khach-cuoi-mua-1003.html',
  'bãi tắm, Bãi Cháy, du lịch biển',
  'published',
  '2026-10-03 17:30:00',
  NULL);

COMMIT;
