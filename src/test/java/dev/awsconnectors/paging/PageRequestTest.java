package dev.awsconnectors.paging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PageRequestTest {

    @Test
    void withoutParametersAsksForTheFirstFiftyUnfiltered() {
        PageRequest request = PageRequest.parse(null, " ", null);

        assertThat(request).isEqualTo(new PageRequest(0, 50, ""));
        assertThat(request.filtered()).isFalse();
    }

    @Test
    void lowersAMaxResultsAboveTheMaximumToItAsJiraDoes() {
        assertThat(PageRequest.parse("0", "5000", null).maxResults()).isEqualTo(PageRequest.MAX_RESULTS);
        assertThat(PageRequest.parse("0", "99999999999999", null).maxResults()).isEqualTo(PageRequest.MAX_RESULTS);
    }

    @Test
    void takesMaxResultsZeroToAskForTheTotalOnly() {
        assertThat(PageRequest.parse("0", "0", null).maxResults()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "1.5", "1e3", "+3", "0x10"})
    void refusesAStartAtThatIsNotAWholeNumberOfZeroOrMoreNamingIt(String value) {
        InvalidPageRequestException refused = catchThrowableOfType(InvalidPageRequestException.class,
                () -> PageRequest.parse(value, null, null));

        assertThat(refused.parameter()).isEqualTo("startAt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "ten", "2,000"})
    void refusesAMaxResultsThatIsNotAWholeNumberOfZeroOrMoreNamingIt(String value) {
        InvalidPageRequestException refused = catchThrowableOfType(InvalidPageRequestException.class,
                () -> PageRequest.parse("0", value, null));

        assertThat(refused.parameter()).isEqualTo("maxResults");
    }

    @Test
    void matchesNamesContainingTheQueryInAnyCase() {
        PageRequest request = PageRequest.parse(null, null, "  DeV ");

        assertThat(request.query()).isEqualTo("DeV");
        assertThat(request.matches("Developers (role)")).isTrue();
        assertThat(request.matches("web-dev")).isTrue();
        assertThat(request.matches("Break glass")).isFalse();
        assertThat(request.matches(null)).isFalse();
    }

    @Test
    void cutsAQueryLongerThanAnyNameCouldBe() {
        assertThat(PageRequest.parse(null, null, "x".repeat(10_000)).query()).hasSize(PageRequest.MAX_QUERY_LENGTH);
    }
}
