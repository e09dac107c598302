package io.parzen.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading the time stamps of a study file without a formatter. */
class SqliteTimeTest {

  @Test
  void readsTheTimesOptunaAndWeWrite() {
    assertThat(SqliteStorage.parseTime("2024-05-01 10:00:00.123456"))
        .isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 0, 0, 123_456_000));
    assertThat(SqliteStorage.parseTime("2024-05-01T23:59:59")).isEqualTo(LocalDateTime.of(2024, 5, 1, 23, 59, 59));
    assertThat(SqliteStorage.parseTime("1999-12-31 00:00:07.5")).isEqualTo(LocalDateTime.of(1999, 12, 31, 0, 0, 7,
        500_000_000));
    assertThat(SqliteStorage.parseTime("2024-05-01 10:00:00.123456789"))
        .isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 0, 0, 123_456_789));
  }

  @Test
  void leavesAnythingElseToTheFormatter() {
    assertThat(SqliteStorage.parseTime("2024-02-30 10:00:00")).isNull();  // no such day
    assertThat(SqliteStorage.parseTime("2024-05-01 10:00")).isNull();
    assertThat(SqliteStorage.parseTime("2024-05-01 24:00:00")).isNull();
    assertThat(SqliteStorage.parseTime("2024-05-01 10:00:00.")).isNull();
    assertThat(SqliteStorage.parseTime("2024-05-01 10:00:00.1234567890")).isNull();
    assertThat(SqliteStorage.parseTime("2024-05-01 10:0x:00")).isNull();
    assertThat(SqliteStorage.parseTime("2024/05/01 10:00:00")).isNull();
  }

  @Test
  void agreesWithTheFormatterOnRandomTimes() {
    DateTimeFormatter micros = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      LocalDateTime time = LocalDateTime.of(1970 + random.nextInt(100), 1 + random.nextInt(12), 1 + random.nextInt(28),
          random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000) * 1_000);
      assertThat(SqliteStorage.parseTime(micros.format(time))).isEqualTo(time);
    }
  }
}
