package news.panorama.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class JsonServiceTest {
  @Test
  void retryAfter_readsSecondsAndHttpDates() {
    assertThat(JsonService.parseRetryAfter("7")).contains(Duration.ofSeconds(7));
    assertThat(JsonService.parseRetryAfter(" 120 ")).contains(Duration.ofSeconds(120));
    String inTwoMinutes = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(125).format(DateTimeFormatter.RFC_1123_DATE_TIME);
    assertThat(JsonService.parseRetryAfter(inTwoMinutes).orElseThrow()).isBetween(Duration.ofSeconds(110), Duration.ofSeconds(126));
    assertThat(JsonService.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
    assertThat(JsonService.parseRetryAfter("soon")).isEmpty();
  }

  @Test
  void backoff_doublesFromTheFirstWait_upToAMinute() {
    JsonService s = new JsonService("test", JsonService.client(Services.quick(0)),
        new JsonService.Settings(Duration.ofSeconds(1), 10, 1, Duration.ofSeconds(5), Duration.ofMillis(500)), d -> { });
    assertThat(s.backoff(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(s.backoff(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.backoff(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(s.backoff(12)).isEqualTo(Duration.ofSeconds(60));
  }
}
