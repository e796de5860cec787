package news.panorama.flink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * One record of the input topic as the job first sees it: its bytes (up to the configured limit),
 * where it came from, its timestamp and its input position. A Flink POJO.
 */
public final class InputRecord {
  /** The header in which {@code panorama flink produce} numbers the records of its input. */
  public static final String SEQ_HEADER = "panorama-seq";
  /** How much of a refused record's value the dead letter keeps. */
  static final int EXCERPT_BYTES = 1000;

  public String topic = "";
  public int partition;
  public long offset;
  /** The record's timestamp (epoch ms): when it was fetched or produced. */
  public long timestamp;
  public long seq;
  /** The value, or its first {@value #EXCERPT_BYTES} bytes when it is over the limit. */
  public byte @Nullable [] value;
  /** The value's full size when it was over the limit, else 0. */
  public int oversize;

  public InputRecord() {}

  /** Reads records, keeping at most {@code maxBytes} of a value (larger ones are refused downstream). */
  static final class Deserializer implements KafkaRecordDeserializationSchema<InputRecord> {
    private static final long serialVersionUID = 1L;
    private final int maxBytes;

    Deserializer(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<InputRecord> out) throws IOException {
      InputRecord r = new InputRecord();
      r.topic = record.topic();
      r.partition = record.partition();
      r.offset = record.offset();
      r.timestamp = record.timestamp();
      Header h = record.headers().lastHeader(SEQ_HEADER);
      // without a producer's numbering: the offset, partitions interleaved (a deterministic order)
      r.seq = h != null && h.value() != null && h.value().length == Long.BYTES ? ByteBuffer.wrap(h.value()).getLong()
          : record.offset() * 1024 + record.partition();
      byte[] v = record.value();
      if (v != null && v.length > maxBytes) {
        r.oversize = v.length;
        v = Arrays.copyOf(v, EXCERPT_BYTES);
      }
      r.value = v;
      out.collect(r);
    }

    @Override
    public TypeInformation<InputRecord> getProducedType() {
      return TypeInformation.of(InputRecord.class);
    }
  }
}
