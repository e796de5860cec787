package news.panorama.flink;

import java.nio.file.Files;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A test class's embedded Kafka (KRaft) node, started before its tests and stopped after them. */
final class KafkaBroker implements BeforeAllCallback, AfterAllCallback {
  private EmbeddedKafka kafka;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    kafka = EmbeddedKafka.start(Files.createTempDirectory("panorama-kafka-"));
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
