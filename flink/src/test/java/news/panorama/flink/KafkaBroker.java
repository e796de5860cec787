package news.panorama.flink;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A test class's embedded Kafka (KRaft) node, started before its tests and stopped after them. */
final class KafkaBroker implements BeforeAllCallback, AfterAllCallback {
  private EmbeddedKafka kafka;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    // the broker's retention checks every second from the start (not after 30 s, every 5 minutes):
    // records that time retention would delete are gone within the test, every time
    kafka = EmbeddedKafka.start(Files.createTempDirectory("panorama-kafka-"),
        Map.of("log.initial.task.delay.ms", "0", "log.retention.check.interval.ms", "1000"));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (kafka != null) kafka.close();
  }

  EmbeddedKafka kafka() {
    return kafka;
  }

  String bootstrap() {
    return kafka.bootstrap();
  }

}
