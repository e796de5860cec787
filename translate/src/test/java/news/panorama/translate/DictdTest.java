package news.panorama.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dictd reader on dictionaries written here in the format dictfmt and dictzip write. */
class DictdTest {
  private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private static String b64(long v) {
    if (v == 0) return "A";
    StringBuilder s = new StringBuilder();
    for (; v > 0; v /= 64) s.insert(0, B64.charAt((int) (v % 64)));
    return s.toString();
  }

  /** Writes {@code name.index} and the entries, and returns the index. */
  private static Path dictionary(Path dir, String name, Map<String, String> entries, int chunk, boolean dictzip) throws IOException {
    StringBuilder data = new StringBuilder();
    StringBuilder index = new StringBuilder();
    List<String> heads = new ArrayList<>(entries.keySet());
    for (String head : heads) {
      String word = head.replaceFirst("#\\d$", "");
      String entry = word + " /x/\n" + entries.get(head) + "\n";
      int offset = data.toString().getBytes(StandardCharsets.UTF_8).length;
      int length = entry.getBytes(StandardCharsets.UTF_8).length;
      data.append(entry);
      index.append(word).append('\t').append(b64(offset)).append('\t').append(b64(length)).append('\n');
    }
    Files.writeString(dir.resolve(name + ".index"), index);
    byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
    if (dictzip) Files.write(dir.resolve(name + ".dict.dz"), dictzip(bytes, chunk));
    else Files.write(dir.resolve(name + ".dict"), bytes);
    return dir.resolve(name + ".index");
  }

  /** gzip with an RA field: chunks deflated with a full flush between them, as dictzip does. */
  static byte[] dictzip(byte[] data, int chunk) {
    Deflater deflater = new Deflater(9, true);
    List<byte[]> parts = new ArrayList<>();
    for (int at = 0; at < data.length; at += chunk) {
      int end = Math.min(data.length, at + chunk);
      deflater.setInput(data, at, end - at);
      ByteArrayOutputStream part = new ByteArrayOutputStream();
      byte[] buf = new byte[65536];
      if (end == data.length) {
        deflater.finish();
        while (!deflater.finished()) part.write(buf, 0, deflater.deflate(buf));
      } else {
        int n;
        do {
          n = deflater.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
          part.write(buf, 0, n);
        } while (n == buf.length);
      }
      parts.add(part.toByteArray());
    }
    ByteBuffer extra = ByteBuffer.allocate(4 + 6 + 2 * parts.size()).order(ByteOrder.LITTLE_ENDIAN);
    extra.put((byte) 'R').put((byte) 'A').putShort((short) (6 + 2 * parts.size()));
    extra.putShort((short) 1).putShort((short) chunk).putShort((short) parts.size());
    for (byte[] p : parts) extra.putShort((short) p.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 4 | 8, 0, 0, 0, 0, 2, 3});
    out.write(extra.capacity() & 0xFF);
    out.write(extra.capacity() >> 8);
    out.writeBytes(extra.array());
    out.writeBytes("test.dict\0".getBytes(StandardCharsets.US_ASCII));
    parts.forEach(out::writeBytes);
    CRC32 crc = new CRC32();
    crc.update(data);
    ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).putInt(data.length);
    out.writeBytes(trailer.array());
    return out.toByteArray();
  }

  private static Map<String, String> entries() {
    Map<String, String> e = new LinkedHashMap<>();
    e.put("Turquie", "Turkey");
    e.put("président", "1. chairman, president\n2. speaker");
    e.put("pomme de terre", "potato");
    e.put("le", "the");
    e.put("le#2", "him");
    for (int i = 0; i < 400; i++) e.put("mot" + i, "word number " + i + " with a gloss long enough to fill several chunks");
    e.put("トルコ", "Turkey");
    return e;
  }

  @Test
  void dictzip_readsEntriesAcrossChunks_byFoldedHeadword(@TempDir Path dir) throws IOException {
    Path index = dictionary(dir, "freedict-fra-eng", entries(), 1000, true);
    try (Dictd d = Dictd.open(index, dir.resolve("freedict-fra-eng.dict.dz"))) {
      assertThat(d.entries("turquie")).containsExactly("Turquie /x/\nTurkey\n");
      assertThat(d.entries("TURQUIE")).hasSize(1);
      assertThat(d.entries("Président")).containsExactly("président /x/\n1. chairman, president\n2. speaker\n");
      assertThat(d.entries("le")).as("homographs in the file's order").containsExactly("le /x/\nthe\n", "le /x/\nhim\n");
      assertThat(d.entries("mot399")).containsExactly("mot399 /x/\nword number 399 with a gloss long enough to fill several chunks\n");
      assertThat(d.entries("トルコ")).hasSize(1);
      assertThat(d.entries("absent")).isEmpty();
      assertThat(d.hasPrefix("pomme de")).isTrue();
      assertThat(d.hasPrefix("pomme x")).isFalse();
      List<String> all = new ArrayList<>();
      d.forEachEntry(all::add);
      assertThat(all).hasSize(406).first().isEqualTo("Turquie /x/\nTurkey\n");
    }
  }

  @Test
  void plainDictFiles_andBadIndexLines(@TempDir Path dir) throws IOException {
    Path index = dictionary(dir, "freedict-fra-eng", entries(), 1000, false);
    try (Dictd d = Dictd.open(index, dir.resolve("freedict-fra-eng.dict"))) {
      assertThat(d.entries("pomme de terre")).containsExactly("pomme de terre /x/\npotato\n");
    }
    Files.writeString(dir.resolve("bad.index"), "Turquie\tA\tB\nno tabs here\n");
    assertThatThrownBy(() -> Dictd.open(dir.resolve("bad.index"), dir.resolve("freedict-fra-eng.dict")))
        .isInstanceOf(IOException.class).hasMessageContaining("bad.index:2");
  }

  @Test
  void aDictionaryInTheFolder_glossesThroughTheWholePath(@TempDir Path dir) throws IOException {
    dictionary(dir, "freedict-fra-eng", entries(), 1000, true);
    try (Gloss g = new Gloss(List.of(dir))) {
      assertThat(g.dictionaryLanguages()).containsExactly("fr");
      assertThat(g.translate("le président", "fr", "en").text()).as("the cognate among the senses").isEqualTo("president");
      assertThat(g.translate("pomme de terre", "fr", "en").text()).isEqualTo("potato");
    }
  }

  @Test
  void aDamagedDictionary_isLeftOut_andTheGlossGoesOnWithCldr(@TempDir Path dir) throws IOException {
    dictionary(dir, "freedict-fra-eng", entries(), 1000, true);
    Files.write(dir.resolve("freedict-fra-eng.dict.dz"), new byte[] {1, 2, 3});
    try (Gloss g = new Gloss(List.of(dir))) {
      assertThat(g.translate("Turquie", "fr", "en").text()).isEqualTo("Turkey");
      assertThat(g.problems()).singleElement().asString().contains("freedict-fra-eng").contains("without it");
    }
  }

  @Test
  void senses_dropGrammarNotesAndBrackets() {
    assertThat(FreeDict.firstSense("Präsident /p/ <masc, n, sg>\npresident <n>Pres.,  /pɾˈeːs/\n   Synonym: {Präsidentin}\n"))
        .containsExactly("president");
    assertThat(FreeDict.firstSense(" [ichi1] 事件 /x/, じけん /y/\n(noun (common) (futsuumeishi))\nevent, affair, incident\n"))
        .containsExactly("event", "affair", "incident");
    assertThat(FreeDict.firstSense("する /s/\n1. (suru verb - irregular)\n\n         Note: word usually written using kana aloneto do\n"))
        .containsExactly("do");
    assertThat(FreeDict.firstSense("Warnstreik /v/ <masc, n, sg>\nwarning strike: token strike <n>\n")).containsExactly("warning strike");
    assertThat(FreeDict.firstSense("All… /ˈal/\nomni-\n")).isEmpty();
  }
}
