import Testing

@testable import LoaKit

/// The permalink's empty segments are collapsed the same way over bytes (ASCII, the fast path)
/// as over characters.
@Suite struct TemplateTests {
  @Test(arguments: [
    "", "/", "//", "///", "a", "/a//b/", "//x", "https://", "https:///", "https://x.org",
    "https://x.org/", "https://x.org//a//b//", "http://x.org/tin-tuc//bai-1.html", "a://b//c",
    "x://", ":///a", "://", "https://x.org:8080//a?q=1//2#f//g", "/{category}//{slug}",
    "https://a//b://c//d", "ftp:/x//y",
  ])
  func bytesAndCharactersAgree(path: String) {
    #expect(Template.collapsingEmptySegments(path) == Template.collapsingEmptySegmentsByCharacter(path))
  }

  @Test func collapsesWhatAnEmptyPlaceholderLeaves() {
    #expect(Template.collapsingEmptySegments("https://phuong.gov.vn//bai-viet-1.html") == "https://phuong.gov.vn/bai-viet-1.html")
    #expect(Template.collapsingEmptySegments("/tin-tuc//đảo/") == "/tin-tuc/đảo/")
  }
}
