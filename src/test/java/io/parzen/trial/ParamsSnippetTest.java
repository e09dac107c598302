package io.parzen.trial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsSnippetTest {

  private static Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("lr", 1.0E-5);
    params.put("layers", 3L);
    params.put("optimizer", "adam \"fast\"");
    params.put("bn", true);
    params.put("dropout", null);
    params.put("seed", new BigInteger("123456789012345678901234567890"));
    return params;
  }

  @Test
  void jsonReadsBackAsTheSameParameters() throws Exception {
    String json = ParamsSnippet.JSON.format(params());
    Map<String, Object> back = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).readValue(json, new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() { });
    assertThat(back.keySet()).containsExactly("lr", "layers", "optimizer", "bn", "dropout", "seed");
    assertThat(back.get("lr")).isEqualTo(1.0E-5);
    assertThat(back.get("optimizer")).isEqualTo("adam \"fast\"");
    assertThat(back.get("dropout")).isNull();
    assertThat(back.get("seed")).isEqualTo(new BigInteger("123456789012345678901234567890"));
  }

  @Test
  void pythonIsADictLiteralWithPythonsKeywords() {
    assertThat(ParamsSnippet.PYTHON.format(params())).isEqualTo("{\"lr\": 1.0e-5, \"layers\": 3, "
        + "\"optimizer\": \"adam \\\"fast\\\"\", \"bn\": True, \"dropout\": None, "
        + "\"seed\": 123456789012345678901234567890}");
    assertThat(ParamsSnippet.PYTHON.format(Map.of("x", Double.NaN))).isEqualTo("{\"x\": float(\"nan\")}");
  }

  @Test
  void javaFillsAMapInOrderWithTypedLiterals() {
    assertThat(ParamsSnippet.JAVA.format(params())).isEqualTo("""
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("lr", 1.0E-5);
        params.put("layers", 3L);
        params.put("optimizer", "adam \\"fast\\"");
        params.put("bn", true);
        params.put("dropout", null);
        params.put("seed", new java.math.BigInteger("123456789012345678901234567890"));
        """);
  }

  @Test
  void nonAsciiAndControlCharactersAreEscaped() {
    assertThat(ParamsSnippet.PYTHON.format(Map.of("act", "tanh\u00e9\n"))).isEqualTo("{\"act\": \"tanh\\u00e9\\n\"}");
  }
}
