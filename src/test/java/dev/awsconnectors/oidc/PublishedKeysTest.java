package dev.awsconnectors.oidc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read-only view of the signing keys an admin sees: each published key with its state and times, through a
 * rotation's whole life, and never any key material.
 */
class PublishedKeysTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path shared;

    private final ManualClock clock = new ManualClock(NOW);

    private IdentityTokens tokens() {
        return new IdentityTokens(new Site("https://jira.example.com/jira/", Optional.of(shared), Optional.empty()),
                clock);
    }

    @Test
    void aNewIssuerPublishesOneKeyThatSignsNowAndIsTheOneTheJwksNames() {
        IdentityTokens tokens = tokens();

        List<PublishedKey> keys = tokens.keys();

        assertThat(keys).singleElement().satisfies(key -> {
            assertThat(key.state()).isEqualTo(KeyState.CURRENT);
            assertThat(key.publishedAt()).isEqualTo(NOW);
            assertThat(key.signsFrom()).isEmpty();
            assertThat(key.publishedUntil()).isEmpty();
        });
        assertThat(keys).extracting(PublishedKey::kid).isEqualTo(tokens.publishedKeyIds());
    }

    @Test
    void aRotationShowsTheNextKeyWithWhenItSignsThenTheReplacedKeyWithUntilWhenItStaysPublished() {
        IdentityTokens tokens = tokens();
        String first = tokens.keys().get(0).kid();
        clock.advance(Duration.ofMinutes(3));

        KeyRotation rotation = tokens.publishNextKey();

        assertThat(rotation.added()).isTrue();
        Instant signsFrom = NOW.plus(Duration.ofMinutes(63));
        assertThat(rotation.next().signsFrom()).contains(signsFrom);
        assertThat(tokens.keys()).containsExactly(
                new PublishedKey(rotation.next().kid(), KeyState.NEXT, NOW.plus(Duration.ofMinutes(3)),
                        Optional.of(signsFrom), Optional.empty()),
                new PublishedKey(first, KeyState.CURRENT, NOW, Optional.empty(), Optional.empty()));

        clock.advance(Duration.ofMinutes(60));
        assertThat(tokens.keys()).extracting(PublishedKey::kid, PublishedKey::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(rotation.next().kid(), KeyState.CURRENT),
                org.assertj.core.groups.Tuple.tuple(first, KeyState.PREVIOUS));
        assertThat(tokens.keys().get(1).publishedUntil()).as("its tokens' longest life plus AWS's clock skew")
                .contains(signsFrom.plus(IdentityTokens.PREVIOUS_KEY_KEPT));
        assertThat(tokens.keys()).extracting(PublishedKey::kid).isEqualTo(tokens.publishedKeyIds());

        clock.advance(IdentityTokens.PREVIOUS_KEY_KEPT);
        assertThat(tokens.keys()).extracting(PublishedKey::kid).containsExactly(rotation.next().kid());
    }

    @Test
    void rotatingAgainWhileTheNextKeyWaitsAddsNothingAndSaysWhichKeyWaitsAndWhenItSigns() {
        IdentityTokens tokens = tokens();
        KeyRotation first = tokens.publishNextKey();
        clock.advance(Duration.ofMinutes(20));

        KeyRotation second = tokens.publishNextKey();

        assertThat(second.added()).isFalse();
        assertThat(second.next()).isEqualTo(first.next());
        assertThat(second.next().signsFrom()).contains(NOW.plus(tokens.publicationLead()));
        assertThat(tokens.keys()).hasSize(2);
    }

    @Test
    void theViewHoldsNoKeyMaterialAndItsListCannotBeChanged() throws Exception {
        IdentityTokens tokens = tokens();
        tokens.publishNextKey();
        String file = Files.readString(shared.resolve("aws-connectors").resolve("oidc-signing-keys"));

        List<PublishedKey> keys = tokens.keys();

        assertThat(Arrays.stream(PublishedKey.class.getRecordComponents()).map(component -> component.getType()))
                .noneMatch(Key.class::isAssignableFrom);
        for (String line : file.lines().filter(line -> line.startsWith("key.")).toList()) {
            String material = line.substring(line.lastIndexOf(' ') + 1);
            assertThat(keys.toString()).doesNotContain(material.substring(100, 140));
        }
        assertThatThrownBy(() -> keys.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
