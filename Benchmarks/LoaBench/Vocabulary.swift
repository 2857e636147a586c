import Foundation

/// The word lists the corpus is built from, written for this generator: everyday Vietnamese
/// news vocabulary (with every kind of diacritic), names and section titles. Each word is held
/// as UTF-8 bytes in NFC and in NFD, plain and capitalized, so generating a row is only byte
/// copies.
struct Vocabulary: Sendable {
  /// One word in its four spellings.
  struct Word: Sendable {
    var nfc: [UInt8]
    var nfd: [UInt8]
    var capitalizedNFC: [UInt8]
    var capitalizedNFD: [UInt8]

    init(_ s: String) {
      nfc = Array(s.precomposedStringWithCanonicalMapping.utf8)
      nfd = Array(s.decomposedStringWithCanonicalMapping.utf8)
      let cap = s.prefix(1).uppercased() + s.dropFirst()
      capitalizedNFC = Array(cap.precomposedStringWithCanonicalMapping.utf8)
      capitalizedNFD = Array(cap.decomposedStringWithCanonicalMapping.utf8)
    }

    func bytes(nfd decomposed: Bool, capitalized: Bool = false) -> [UInt8] {
      switch (decomposed, capitalized) {
      case (false, false): return nfc
      case (true, false): return nfd
      case (false, true): return capitalizedNFC
      case (true, true): return capitalizedNFD
      }
    }
  }

  let words: [Word]
  /// ASCII slug of each word (diacritics removed, đ → d), same indexes as `words`.
  let slugs: [[UInt8]]
  let familyNames: [Word]
  let givenNames: [Word]
  let topics: [String]
  let subTopics: [String]
  let tags: [Word]

  static let shared = Vocabulary()

  private init() {
    let text = """
      người dân phường thành phố tỉnh quảng ninh hạ long bãi cháy kinh tế văn hóa xã hội du lịch \
      lễ hội giáo dục y tế công nghệ môi trường giao thông an ninh trật tự chính quyền đoàn thể \
      hoạt động phát triển bền vững kế hoạch năm tháng tuần ngày sáng chiều tối mới lớn nhỏ \
      nhiều được đã đang sẽ và của cho với trong ngoài trên dưới tại từ đến theo về những các \
      một hai ba bốn học sinh giáo viên bệnh viện trạm khu phố tổ cư hộ gia đình doanh nghiệp \
      sản xuất dịch vụ thương mại biển vịnh đảo cầu đường cảng chợ nhà quảng trường công viên \
      mùa hè đông xuân thu mưa nắng bão lũ rừng cây xanh rác thải nước sạch điện hóa đơn thuế \
      ngân sách đầu tư dự án công trình khởi công hoàn thành nghiệm bàn giao tổ chức hội nghị \
      tuyên truyền vận động hỗ trợ khen thưởng kiểm tra giám sát xử lý vi phạm cảnh báo thủ \
      đoạn lừa đảo trực tuyến thủ tục hành chính cửa điện tử cổng thông tin chuyển đổi số tiêm \
      chủng sức khỏe khám chữa thể thao bóng đá bơi lội nghệ thuật biểu diễn pháo hoa ẩm thực \
      hải sản khách sạn nhà hàng lưu trú du khách quốc tế nội địa tăng giảm ổn định hiệu quả \
      tích cực quan trọng đặc biệt thường xuyên kịp thời nghiêm túc nhân ủy ban mặt trận phụ \
      nữ cựu chiến binh thanh niên thiếu nhi cao tuổi khuyết tật an sinh nghèo cận ngư nghề \
      thuyền bè lồng bè nuôi trồng thủy sản hợp tác xã tiểu thương chủ tịch bí thư đồng chí \
      triển khai thực hiện đánh giá kết quả tiếp nhận phản ánh kiến nghị giải quyết dứt điểm \
      ưu tiên nguồn lực huy động xã hội hóa bảo đảm phòng chống thiên tai cứu hộ cứu nạn
      """
    words = text.split(separator: " ").map { Word(String($0)) }
    slugs = words.map { Array(Self.slug(String(decoding: $0.nfc, as: UTF8.self)).utf8) }
    familyNames = [
      "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
      "Hồ", "Ngô", "Dương", "Lý", "Lương", "Đinh", "Trịnh", "Mai",
    ].map(Word.init)
    givenNames = [
      "Thanh", "Huấn", "Minh Khôi", "Lan Anh", "Quang Huy", "Vũ Nam", "Thu Hà", "Đức Anh",
      "Hải Yến", "Ngọc Ánh", "Tuấn", "Hương", "Phương Thảo", "Trọng Nghĩa", "Bảo Ngọc",
      "Khánh Linh", "Văn Tú", "Thị Mai", "Hữu Phước", "Diệu Linh", "Quốc Việt", "Ánh Dương",
    ].map(Word.init)
    topics = [
      "Thời sự", "Kinh tế", "Văn hóa", "Xã hội", "Du lịch", "Lễ hội", "Thể thao", "Giáo dục",
      "Y tế", "Pháp luật", "Khoa học", "Công nghệ", "Đời sống", "Môi trường", "Nông nghiệp",
      "Giao thông", "Quốc phòng", "An ninh – Trật tự", "Bất động sản", "Ẩm thực",
      "Cải cách hành chính", "Thông báo", "Chuyển đổi số", "Biển đảo", "Khu phố",
    ]
    subTopics = [
      "Tin nhanh", "Phóng sự", "Ảnh", "Góc nhìn", "Hỏi đáp", "Chính sách", "Sự kiện",
      "Địa phương", "Nhân vật", "Bạn đọc", "Điều tra", "Chuyện lạ",
    ]
    tags = [
      "Bãi Cháy", "Hạ Long", "Quảng Ninh", "du lịch biển", "hóa đơn điện tử", "an toàn giao thông",
      "phòng cháy chữa cháy", "chuyển đổi số", "lễ hội Carnaval", "vịnh Hạ Long", "ẩm thực đường phố",
      "cải cách hành chính", "y tế dự phòng", "tuyển sinh", "bão số 3", "môi trường biển",
      "nông thôn mới", "người cao tuổi", "thanh niên tình nguyện", "khu phố văn hóa",
    ].map(Word.init)
  }

  /// Lowercase ASCII slug: diacritics dropped (NFD, combining marks removed), đ → d, anything
  /// else that is not a letter or digit becomes one `-`.
  static func slug(_ s: String) -> String {
    var out: [UInt8] = []
    var dash = false
    for u in s.decomposedStringWithCanonicalMapping.unicodeScalars {
      var v = u.value
      if (0x300...0x36F).contains(v) { continue }
      if v == 0x111 || v == 0x110 { v = 0x64 }  // đ Đ
      if v >= 0x41 && v <= 0x5A { v += 0x20 }
      if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
        if dash && !out.isEmpty { out.append(0x2D) }
        dash = false
        out.append(UInt8(v))
      } else {
        dash = true
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
