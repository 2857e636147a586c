/*
 * rss_writer: the serializer limit for `loa`'s RSS2Serializer (issue 7).
 *
 * Reads an items file written by `loa-bench export-items` (format: Benchmarks/LoaBench/
 * ItemsFile.swift) and writes the same RSS 2.0 bytes as Sources/LoaKit/Serialization/
 * RSS2Serializer.swift, through xmlTextWriter as a C program would use it: a memory writer
 * with libxml2's two-space indent, the same elements and attributes in the same order (loa
 * itself writes the indentation as one raw write per gap and hands libxml2 text that needs no
 * escaping as raw bytes, issue 16; the bytes are the same), the summary escaped
 * for HTML before the writer escapes it for XML, content in CDATA split after every "]]",
 * RFC 822 dates formatted by hand per item, and a final newline. Each repetition builds
 * the whole document from the loaded items, like loa does per feed; only that loop is timed
 * (CLOCK_MONOTONIC). Benchmarks/run.sh checks that `cmp` finds the two outputs equal.
 *
 * Build: gcc -O2 -o rss_writer rss_writer.c $(pkg-config --cflags --libs libxml-2.0)
 * Usage: rss_writer --items FILE --repeat R --out FILE
 * Prints: median_ns=… min_ns=… bytes=… items=…
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/xmlwriter.h>

typedef struct {
  int64_t utc;
  int32_t offset;
} Stamp;

typedef struct {
  int64_t id;
  char *guid, *title, *link, *summary, *content;
  uint32_t n_authors, n_categories;
  char **authors, **categories;
  /* The names joined with ", ", as FeedItem's byline when the items file gives none: RSS has
     one dc:creator holding the whole byline. */
  char *byline;
  Stamp published, updated;
  int has_image;
  char *image_url, *image_mime, *image_caption;
} Item;

typedef struct {
  char *title, *link, *description, *language, *copyright, *generator, *base, *image;
  Stamp updated;
  uint32_t n_hubs;
  char **hubs;
  uint32_t n_items;
  Item *items;
} Channel;

static void die(const char *what) {
  fprintf(stderr, "rss_writer: %s\n", what);
  exit(1);
}

/* ---- items file ---------------------------------------------------------------------- */

static const unsigned char *cur, *lim;

static void need(size_t n) {
  if ((size_t)(lim - cur) < n) die("items file truncated");
}
static uint32_t rd_u32(void) {
  need(4);
  uint32_t v = (uint32_t)cur[0] | (uint32_t)cur[1] << 8 | (uint32_t)cur[2] << 16 | (uint32_t)cur[3] << 24;
  cur += 4;
  return v;
}
static int64_t rd_i64(void) {
  need(8);
  uint64_t v = 0;
  for (int k = 0; k < 8; k++) v |= (uint64_t)cur[k] << (8 * k);
  cur += 8;
  return (int64_t)v;
}
static char *rd_bytes(uint32_t n) {
  need(n);
  char *s = malloc((size_t)n + 1);
  if (!s) die("out of memory");
  memcpy(s, cur, n);
  s[n] = 0;
  cur += n;
  return s;
}
static char *rd_str(void) { return rd_bytes(rd_u32()); }
static char *rd_opt(void) {
  uint32_t n = rd_u32();
  return n == 0xFFFFFFFFu ? NULL : rd_bytes(n);
}
static Stamp rd_time(void) {
  Stamp t;
  t.utc = rd_i64();
  t.offset = (int32_t)rd_u32();
  return t;
}
static char **rd_list(uint32_t *count) {
  *count = rd_u32();
  char **a = calloc(*count ? *count : 1, sizeof *a);
  for (uint32_t i = 0; i < *count; i++) a[i] = rd_str();
  return a;
}

static void load(const char *path, Channel *ch) {
  FILE *f = fopen(path, "rb");
  if (!f) die("cannot open the items file");
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *buf = malloc((size_t)size);
  if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size) die("cannot read the items file");
  fclose(f);
  cur = buf;
  lim = buf + size;
  need(12);
  if (memcmp(cur, "LOAITEMS", 8) != 0) die("not an items file");
  cur += 8;
  if (rd_u32() != 1) die("items file version not supported");
  ch->title = rd_str();
  ch->link = rd_str();
  ch->description = rd_str();
  ch->language = rd_str();
  ch->copyright = rd_opt();
  ch->updated = rd_time();
  ch->generator = rd_str();
  ch->base = rd_str();
  ch->hubs = rd_list(&ch->n_hubs);
  ch->image = rd_opt();
  ch->n_items = rd_u32();
  ch->items = calloc(ch->n_items ? ch->n_items : 1, sizeof(Item));
  for (uint32_t i = 0; i < ch->n_items; i++) {
    Item *it = &ch->items[i];
    it->id = rd_i64();
    it->guid = rd_str();
    it->title = rd_str();
    it->link = rd_str();
    it->summary = rd_opt();
    it->content = rd_opt();
    it->authors = rd_list(&it->n_authors);
    size_t len = 1;
    for (uint32_t k = 0; k < it->n_authors; k++) len += strlen(it->authors[k]) + 2;
    it->byline = malloc(len);
    if (!it->byline) die("out of memory");
    it->byline[0] = 0;
    for (uint32_t k = 0; k < it->n_authors; k++) {
      if (k) strcat(it->byline, ", ");
      strcat(it->byline, it->authors[k]);
    }
    it->categories = rd_list(&it->n_categories);
    it->published = rd_time();
    it->updated = rd_time();
    need(1);
    it->has_image = *cur++ != 0;
    if (it->has_image) {
      it->image_url = rd_str();
      it->image_mime = rd_opt();
      it->image_caption = rd_opt();
    }
  }
  free(buf);
}

/* ---- helpers, as in LoaKit ----------------------------------------------------------- */

/* Civil date from days since 1970-01-01 (Howard Hinnant's civil_from_days), as Timestamp.swift. */
static void civil(int64_t z, int64_t *y, int64_t *m, int64_t *d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2 ? 1 : 0);
}

static void two(char **p, int64_t v) {
  *(*p)++ = (char)('0' + v / 10);
  *(*p)++ = (char)('0' + v % 10);
}

/* "Sun, 29 Nov 2026 14:00:00 +0700", as DateFormats.rfc822. out has room for 32 bytes. */
static void rfc822(Stamp t, char *out) {
  static const char *days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int64_t local = t.utc + t.offset;
  int64_t dn = local / 86400, secs = local % 86400;
  if (secs < 0) {
    secs += 86400;
    dn -= 1;
  }
  int64_t y, m, d;
  civil(dn, &y, &m, &d);
  int64_t w = (dn + 4) % 7;
  if (w < 0) w += 7;
  char *p = out;
  memcpy(p, days[w], 3);
  p += 3;
  *p++ = ',';
  *p++ = ' ';
  two(&p, d);
  *p++ = ' ';
  memcpy(p, months[m - 1], 3);
  p += 3;
  *p++ = ' ';
  if (y < 0) y = 0;
  if (y > 9999) y = 9999;
  *p++ = (char)('0' + y / 1000);
  *p++ = (char)('0' + (y / 100) % 10);
  *p++ = (char)('0' + (y / 10) % 10);
  *p++ = (char)('0' + y % 10);
  *p++ = ' ';
  two(&p, secs / 3600);
  *p++ = ':';
  two(&p, (secs % 3600) / 60);
  *p++ = ':';
  two(&p, secs % 60);
  *p++ = ' ';
  int32_t off = t.offset;
  *p++ = off < 0 ? '-' : '+';
  int64_t mins = (off < 0 ? -(int64_t)off : off) / 60;
  two(&p, mins / 60);
  two(&p, mins % 60);
  *p = 0;
}

/* `& < > "` escaped for HTML, as HTMLText.escaped; returns s itself when nothing needs it. */
static char *html_buf;
static size_t html_cap;
static const char *html_escaped(const char *s) {
  if (!strpbrk(s, "&<>\"")) return s;
  size_t n = strlen(s);
  if (html_cap < n * 6 + 1) {
    html_cap = n * 6 + 1;
    html_buf = realloc(html_buf, html_cap);
    if (!html_buf) die("out of memory");
  }
  char *o = html_buf;
  for (const char *c = s; *c; c++) {
    switch (*c) {
    case '&': memcpy(o, "&amp;", 5); o += 5; break;
    case '<': memcpy(o, "&lt;", 4); o += 4; break;
    case '>': memcpy(o, "&gt;", 4); o += 4; break;
    case '"': memcpy(o, "&quot;", 6); o += 6; break;
    default: *o++ = *c;
    }
  }
  *o = 0;
  return html_buf;
}

#define X(s) BAD_CAST(s)
#define CHECK(call)                                                                              \
  do {                                                                                           \
    if ((call) < 0) die(#call);                                                                  \
  } while (0)

/* Writes `value` as consecutive CDATA sections, cut after "]]" of every "]]>", as
   XMLText.cdataPieces + XMLStreamWriter.cdata. Cuts in place and restores the byte. */
static void write_cdata(xmlTextWriterPtr w, char *value) {
  char *start = value;
  char *hit;
  while ((hit = strstr(start, "]]>")) != NULL) {
    char *cut = hit + 2;
    char saved = *cut;
    *cut = 0;
    CHECK(xmlTextWriterWriteCDATA(w, X(start)));
    *cut = saved;
    start = cut;
  }
  CHECK(xmlTextWriterWriteCDATA(w, X(start)));
}

static void write_item(xmlTextWriterPtr w, Item *it) {
  char date[40];
  CHECK(xmlTextWriterStartElement(w, X("item")));
  CHECK(xmlTextWriterWriteElement(w, X("title"), X(it->title)));
  CHECK(xmlTextWriterWriteElement(w, X("link"), X(it->link)));
  if (it->summary) CHECK(xmlTextWriterWriteElement(w, X("description"), X(html_escaped(it->summary))));
  if (it->content) {
    CHECK(xmlTextWriterStartElement(w, X("content:encoded")));
    write_cdata(w, it->content);
    CHECK(xmlTextWriterEndElement(w));
  }
  if (it->n_authors > 0)
    CHECK(xmlTextWriterWriteElement(w, X("dc:creator"), X(it->byline)));
  for (uint32_t k = 0; k < it->n_categories; k++)
    CHECK(xmlTextWriterWriteElement(w, X("category"), X(it->categories[k])));
  CHECK(xmlTextWriterStartElement(w, X("guid")));
  CHECK(xmlTextWriterWriteAttribute(w, X("isPermaLink"), X("false")));
  CHECK(xmlTextWriterWriteString(w, X(it->guid)));
  CHECK(xmlTextWriterEndElement(w));
  rfc822(it->published, date);
  CHECK(xmlTextWriterWriteElement(w, X("pubDate"), X(date)));
  if (it->has_image) {
    const char *type = it->image_mime ? it->image_mime : "image/jpeg";
    CHECK(xmlTextWriterStartElement(w, X("enclosure")));
    CHECK(xmlTextWriterWriteAttribute(w, X("url"), X(it->image_url)));
    CHECK(xmlTextWriterWriteAttribute(w, X("length"), X("0")));
    CHECK(xmlTextWriterWriteAttribute(w, X("type"), X(type)));
    CHECK(xmlTextWriterEndElement(w));
    CHECK(xmlTextWriterStartElement(w, X("media:content")));
    CHECK(xmlTextWriterWriteAttribute(w, X("url"), X(it->image_url)));
    if (it->image_mime) CHECK(xmlTextWriterWriteAttribute(w, X("type"), X(it->image_mime)));
    CHECK(xmlTextWriterWriteAttribute(w, X("medium"), X("image")));
    if (it->image_caption) {
      CHECK(xmlTextWriterStartElement(w, X("media:description")));
      CHECK(xmlTextWriterWriteAttribute(w, X("type"), X("plain")));
      CHECK(xmlTextWriterWriteString(w, X(it->image_caption)));
      CHECK(xmlTextWriterEndElement(w));
    }
    CHECK(xmlTextWriterEndElement(w));
  }
  CHECK(xmlTextWriterEndElement(w));
}

/* One document, as RSS2Serializer.serialize + XMLStreamWriter.withDocument. Returns a
   malloc'ed copy of the bytes (with a final newline) and its length. */
static unsigned char *serialize(Channel *ch, size_t *length) {
  char date[40];
  xmlBufferPtr buffer = xmlBufferCreate();
  if (!buffer) die("xmlBufferCreate");
  xmlTextWriterPtr w = xmlNewTextWriterMemory(buffer, 0);
  if (!w) die("xmlNewTextWriterMemory");
  CHECK(xmlTextWriterSetIndent(w, 1));
  CHECK(xmlTextWriterSetIndentString(w, X("  ")));
  CHECK(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
  CHECK(xmlTextWriterStartElement(w, X("rss")));
  CHECK(xmlTextWriterWriteAttribute(w, X("version"), X("2.0")));
  CHECK(xmlTextWriterWriteAttribute(w, X("xmlns:atom"), X("http://www.w3.org/2005/Atom")));
  CHECK(xmlTextWriterWriteAttribute(w, X("xmlns:content"), X("http://purl.org/rss/1.0/modules/content/")));
  CHECK(xmlTextWriterWriteAttribute(w, X("xmlns:dc"), X("http://purl.org/dc/elements/1.1/")));
  CHECK(xmlTextWriterWriteAttribute(w, X("xmlns:media"), X("http://search.yahoo.com/mrss/")));
  CHECK(xmlTextWriterStartElement(w, X("channel")));
  CHECK(xmlTextWriterWriteElement(w, X("title"), X(ch->title)));
  CHECK(xmlTextWriterWriteElement(w, X("link"), X(ch->link)));
  CHECK(xmlTextWriterWriteElement(w, X("description"), X(ch->description)));
  CHECK(xmlTextWriterWriteElement(w, X("language"), X(ch->language)));
  if (ch->copyright) CHECK(xmlTextWriterWriteElement(w, X("copyright"), X(ch->copyright)));
  rfc822(ch->updated, date);
  CHECK(xmlTextWriterWriteElement(w, X("lastBuildDate"), X(date)));
  CHECK(xmlTextWriterWriteElement(w, X("generator"), X(ch->generator)));
  CHECK(xmlTextWriterWriteElement(w, X("docs"), X("https://www.rssboard.org/rss-specification")));
  char self[2048];
  snprintf(self, sizeof self, "%srss.xml", ch->base);
  CHECK(xmlTextWriterStartElement(w, X("atom:link")));
  CHECK(xmlTextWriterWriteAttribute(w, X("href"), X(self)));
  CHECK(xmlTextWriterWriteAttribute(w, X("rel"), X("self")));
  CHECK(xmlTextWriterWriteAttribute(w, X("type"), X("application/rss+xml")));
  CHECK(xmlTextWriterEndElement(w));
  for (uint32_t k = 0; k < ch->n_hubs; k++) {
    CHECK(xmlTextWriterStartElement(w, X("atom:link")));
    CHECK(xmlTextWriterWriteAttribute(w, X("href"), X(ch->hubs[k])));
    CHECK(xmlTextWriterWriteAttribute(w, X("rel"), X("hub")));
    CHECK(xmlTextWriterEndElement(w));
  }
  if (ch->image) {
    CHECK(xmlTextWriterStartElement(w, X("image")));
    CHECK(xmlTextWriterWriteElement(w, X("url"), X(ch->image)));
    CHECK(xmlTextWriterWriteElement(w, X("title"), X(ch->title)));
    CHECK(xmlTextWriterWriteElement(w, X("link"), X(ch->link)));
    CHECK(xmlTextWriterEndElement(w));
  }
  for (uint32_t i = 0; i < ch->n_items; i++) write_item(w, &ch->items[i]);
  CHECK(xmlTextWriterEndElement(w));
  CHECK(xmlTextWriterEndElement(w));
  CHECK(xmlTextWriterEndDocument(w));
  xmlFreeTextWriter(w); /* flushes into the buffer */
  size_t n = (size_t)xmlBufferLength(buffer);
  const xmlChar *content = xmlBufferContent(buffer);
  unsigned char *out = malloc(n + 1);
  if (!out) die("out of memory");
  memcpy(out, content, n);
  if (n == 0 || out[n - 1] != '\n') out[n++] = '\n';
  xmlBufferFree(buffer);
  *length = n;
  return out;
}

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  const char *items = NULL, *out = NULL;
  long repeat = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!strcmp(argv[i], "--items")) items = argv[i + 1];
    else if (!strcmp(argv[i], "--repeat")) repeat = strtol(argv[i + 1], NULL, 10);
    else if (!strcmp(argv[i], "--out")) out = argv[i + 1];
    else if (!strcmp(argv[i], "--format")) {
      if (strcmp(argv[i + 1], "rss")) die("only --format rss");
    } else die("usage: rss_writer --items FILE --repeat R --out FILE");
  }
  if (!items || !out || repeat < 1) die("usage: rss_writer --items FILE --repeat R --out FILE");
  xmlInitParser();
  Channel ch;
  load(items, &ch);
  uint64_t *times = calloc((size_t)repeat, sizeof *times);
  unsigned char *last = NULL;
  size_t length = 0;
  for (long r = 0; r < repeat; r++) {
    uint64_t t0 = now_ns();
    unsigned char *doc = serialize(&ch, &length);
    uint64_t t1 = now_ns();
    times[r] = t1 - t0;
    free(last);
    last = doc;
  }
  FILE *f = fopen(out, "wb");
  if (!f || fwrite(last, 1, length, f) != length || fclose(f) != 0) die("cannot write --out");
  qsort(times, (size_t)repeat, sizeof *times, cmp_u64);
  uint64_t median = repeat % 2 ? times[repeat / 2] : (times[repeat / 2 - 1] + times[repeat / 2]) / 2;
  printf("median_ns=%llu min_ns=%llu bytes=%zu items=%u\n", (unsigned long long)median,
         (unsigned long long)times[0], length, ch.n_items);
  return 0;
}
