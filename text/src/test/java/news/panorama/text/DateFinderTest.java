package news.panorama.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateFinderTest {
  /** Tuesday. */
  private static final LocalDate PUBLISHED = LocalDate.of(2025, 11, 18);

  private static List<String> values(String text, String language) {
    return DateFinder.find(text, language, PUBLISHED).stream()
        .map(f -> text.substring(f.start(), f.end()) + "=" + f.value()).toList();
  }

  @Test
  void weekdayResolvesForward_whenSentenceSpeaksOfTheFuture() {
    assertThat(values("Zelensky will travel to Turkey on Wednesday to revive talks.", "en"))
        .containsExactly("Wednesday=2025-11-19");
    assertThat(values("The talks collapsed on Friday after two hours.", "en")).containsExactly("Friday=2025-11-14");
    assertThat(values("Zelensky met Erdogan last Wednesday.", "en")).containsExactly("last Wednesday=2025-11-12");
  }

  @Test
  void absoluteAndRelativeDatesResolve_inEnglish() {
    assertThat(values("On Nov. 19, a day after yesterday's strike, the war begun in February 2022 went on; "
        + "last week and this year too. Signed 2025-03-01 and 19.11.2024.", "en")).containsExactly(
        "Nov. 19=2025-11-19", "yesterday=2025-11-17", "February 2022=2022-02", "last week=2025-W46",
        "this year=2025", "2025-03-01=2025-03-01", "19.11.2024=2024-11-19");
  }

  @Test
  void writtenDatesResolve_inSevenOtherLanguages() {
    assertThat(values("Le président arrivera mercredi 19 novembre à Ankara ; hier, il était à Madrid.", "fr"))
        .contains("19 novembre=2025-11-19", "hier=2025-11-17");
    assertThat(values("Am 19. November 2025 trifft er Erdoğan; gestern war er in Madrid.", "de"))
        .containsExactly("19. November 2025=2025-11-19", "gestern=2025-11-17");
    assertThat(values("El 19 de noviembre viajará a Turquía; la semana pasada estuvo en Madrid.", "es"))
        .containsExactly("19 de noviembre=2025-11-19", "la semana pasada=2025-W46");
    assertThat(values("Зеленский в среду встретится с Эрдоганом. Вчера он был в Мадриде, 19 ноября 2025 года.", "ru"))
        .containsExactly("среду=2025-11-19", "Вчера=2025-11-17", "19 ноября 2025 года=2025-11-19");
    assertThat(values("Зеленський у середу прибуде до Анкари. Минулого тижня він був у Мадриді.", "uk"))
        .containsExactly("середу=2025-11-19", "Минулого тижня=2025-W46");
    assertThat(values("Zelenskiy 19 Kasım'da Ankara'ya gelecek. Dün Madrid'deydi.", "tr"))
        .containsExactly("19 Kasım=2025-11-19", "Dün=2025-11-17");
    assertThat(values("ゼレンスキー大統領は11月19日にアンカラを訪問する。昨日はマドリードにいた。2022年2月に侵攻が始まった。", "ja"))
        .containsExactly("11月19日=2025-11-19", "昨日=2025-11-17", "2022年2月=2022-02");
    // a day with its year keeps that year (it took the publication's: 2025-07-15)
    assertThat(values("国土交通省、2006年7月15日。事故は7月15日に起きた。", "ja"))
        .containsExactly("2006年7月15日=2006-07-15", "7月15日=2025-07-15");
  }

  @Test
  void wordsThatOnlyLookLikeDatesAreLeftAlone() {
    assertThat(values("He may march on, среди прочего, with 2000 troops.", "en")).isEmpty();
    assertThat(values("Среди прочего обсуждали 2000 солдат.", "ru")).isEmpty();
  }

  @Test
  void relativeDatesHaveNoValue_whenPublicationDateIsUnknown() {
    List<DateFinder.Found> found = DateFinder.find("He arrived yesterday, on 19 November 2025.", "en", null);
    assertThat(found).extracting(DateFinder.Found::value).containsExactly("", "2025-11-19");
    assertThat(found).extracting(DateFinder.Found::granularity).containsExactly("day", "day");
  }

  @Test
  void datelinesWithShortYearsOrDashesResolve_andNoDateSpansALineBreak() {
    assertThat(values("11/28/05\nAftershocks jolt the island.", "en")).containsExactly("11/28/05=2005-11-28");
    assertThat(values("POSTED: 04/02/07, 9:00 PM PDT", "en")).containsExactly("04/02/07=2007-04-02");
    assertThat(values("He was born on 10/23/66 in Dallas.", "en")).containsExactly("10/23/66=1966-10-23");
    assertThat(values("Updated 11/27/2005 3:41 PM", "en")).containsExactly("11/27/2005=2005-11-27");
    assertThat(values("Sunday, November 27-2005 at 16:12", "en")).contains("November 27-2005=2005-11-27");
    assertThat(values("The survey puts the magnitude at 6.1.\nNovember 28, 2005\nTen people were killed.", "en"))
        .containsExactly("November 28, 2005=2005-11-28");
    assertThat(values("Scores of 1/2/345 and 24/7/365 are no dates.", "en")).isEmpty();
  }

  @Test
  void twoDigitYearsTakeTheCenturyOfThePublicationDate() {
    assertThat(DateFinder.fullYear(5, LocalDate.of(2005, 11, 28))).isEqualTo(2005);
    assertThat(DateFinder.fullYear(26, LocalDate.of(2025, 11, 28))).isEqualTo(2026);
    assertThat(DateFinder.fullYear(27, LocalDate.of(2025, 11, 28))).isEqualTo(1927);
    assertThat(DateFinder.fullYear(99, LocalDate.of(2001, 1, 1))).isEqualTo(1999);
    assertThat(DateFinder.fullYear(66, null)).isEqualTo(1966);
    assertThat(DateFinder.fullYear(13, null)).isEqualTo(2013);
  }
}
