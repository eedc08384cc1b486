package dev.awsconnectors.paging;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class PageTest {
    private static final List<String> NAMES = names(120);

    private static List<String> names(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(String.format("team-%03d", i));
        }
        return List.copyOf(names);
    }

    @Test
    void theFirstPageHoldsTheFirstFiftyAndIsNotTheLast() {
        Page<String> page = Page.of(NAMES, PageRequest.first(), Function.identity());

        assertThat(page.values()).hasSize(50).startsWith("team-001").endsWith("team-050");
        assertThat(page.total()).isEqualTo(120);
        assertThat(page.isLast()).isFalse();
        assertThat(page.hasPrevious()).isFalse();
        assertThat(page.nextStart()).isEqualTo(50);
    }

    @Test
    void theLastPageHoldsTheRestAndSaysItIsLast() {
        Page<String> page = Page.of(NAMES, new PageRequest(100, 50, ""), Function.identity());

        assertThat(page.values()).containsExactly(NAMES.subList(100, 120).toArray(String[]::new));
        assertThat(page.isLast()).isTrue();
        assertThat(page.previousStart()).isEqualTo(50);
    }

    @Test
    void aStartPastTheEndIsAnEmptyLastPageWhosePreviousLeadsBackIntoTheList() {
        Page<String> page = Page.of(NAMES, new PageRequest(500, 50, ""), Function.identity());

        assertThat(page.values()).isEmpty();
        assertThat(page.startAt()).isEqualTo(500);
        assertThat(page.isLast()).isTrue();
        assertThat(page.previousStart()).isEqualTo(70);
    }

    @Test
    void theFilterKeepsMatchingNamesAndTheTotalCountsOnlyThem() {
        Page<String> page = Page.of(NAMES, new PageRequest(0, 5, "TEAM-11"), Function.identity());

        assertThat(page.values()).containsExactly("team-110", "team-111", "team-112", "team-113", "team-114");
        assertThat(page.total()).isEqualTo(10);
        assertThat(page.isLast()).isFalse();
    }

    @Test
    void maxResultsZeroAnswersTheTotalOnly() {
        Page<String> page = Page.of(NAMES, new PageRequest(0, 0, ""), Function.identity());

        assertThat(page.values()).isEmpty();
        assertThat(page.total()).isEqualTo(120);
        assertThat(page.isLast()).isFalse();
    }
}
