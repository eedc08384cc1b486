package dev.awsconnectors.bundle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestHeaderTest {

    @Test
    void keepsCommasInsideQuotedVersionRanges() {
        List<ManifestHeader.Clause> clauses = ManifestHeader.parse(
                "jakarta.servlet;version=\"[6.0,7)\",org.slf4j;version=\"[2.0,3)\"");

        assertThat(clauses).extracting(ManifestHeader.Clause::name).containsExactly("jakarta.servlet", "org.slf4j");
        assertThat(clauses.get(0).attribute("version")).contains("[6.0,7)");
    }

    @Test
    void tellsOptionalImportsFromMandatoryOnes() {
        List<ManifestHeader.Clause> clauses = ManifestHeader.parse(
                "io.netty.handler;resolution:=optional,com.atlassian.sal.api.user");

        assertThat(clauses.get(0).isOptional()).isTrue();
        assertThat(clauses.get(1).isOptional()).isFalse();
    }

    @Test
    void givesEveryNameOfAGroupedClauseTheSameParameters() {
        List<ManifestHeader.Clause> clauses = ManifestHeader.parse("a;b;version=\"1.0\";resolution:=optional");

        assertThat(clauses).extracting(ManifestHeader.Clause::name).containsExactly("a", "b");
        assertThat(clauses).allSatisfy(clause -> {
            assertThat(clause.attribute("version")).contains("1.0");
            assertThat(clause.isOptional()).isTrue();
        });
    }

    @Test
    void readsNothingFromAnEmptyHeader() {
        assertThat(ManifestHeader.parse(null)).isEmpty();
        assertThat(ManifestHeader.parse(" ")).isEmpty();
    }
}
