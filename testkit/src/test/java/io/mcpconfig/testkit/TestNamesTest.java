package io.mcpconfig.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TestNamesTest {

  private static final String VALID = "[a-z][a-z0-9_]{0,39}";

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "simple", "ClientCacheIT.restartCatchesUp", "123starts_with_digit", "__leading", "trailing__",
      "dots.and-dashes and spaces", "ÜnïcödéÉ", "_", "---", "a",
      "a_very_long_base_name_that_goes_on_and_on_far_beyond_forty_characters_for_sure"})
  void namesAreValidIdentifiers(String base) {
    String name = TestNames.unique(base);

    assertThat(name).matches(VALID).hasSizeLessThanOrEqualTo(TestNames.MAX_LENGTH).doesNotContain("__");
  }

  @Test
  void keepsTheBaseRecognizable() {
    assertThat(TestNames.unique("ClientCacheIT.restart")).startsWith("clientcacheit_restart_");
    assertThat(TestNames.unique("9lives")).startsWith("t9lives_");
  }

  @Test
  void longBasesAreCutNotTheUniquePart() {
    String a = TestNames.unique("x".repeat(100));
    String b = TestNames.unique("x".repeat(100));

    assertThat(a).hasSize(TestNames.MAX_LENGTH).isNotEqualTo(b);
  }

  @Test
  void namesAreUniqueAcrossThreads() {
    Set<String> names = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 10_000).parallel().forEach(i -> names.add(TestNames.unique("same")));

    assertThat(names).hasSize(10_000);
  }

  @Test
  void namesFromOneJvmShareARandomTokenSoOtherJvmsDiffer() {
    List<String> names = List.of(TestNames.unique("a"), TestNames.unique("b"));
    Set<String> tokens = new HashSet<>();
    for (String name : names) {
      tokens.add(name.substring(name.lastIndexOf('_') + 1));
    }

    assertThat(tokens).singleElement().asString().matches("[a-z0-9]{6}");
  }
}
