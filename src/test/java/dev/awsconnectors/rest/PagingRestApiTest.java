package dev.awsconnectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsconnectors.rest.RestCalls.Answer;
import dev.awsconnectors.rest.RestCalls.Who;
import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.demo.DemoHost;
import dev.awsconnectors.testhost.demo.DemoOptions;
import dev.awsconnectors.testhost.demo.ManyConnectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.awsconnectors.rest.RestCalls.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists of the REST API in Jira's page shape, over real HTTP to the demo host with the built plugin, after an
 * administrator added 120 connectors ({@code team-001} to {@code team-120}) that alice's group may use: alice may
 * use 123 connectors (the three demo ones), the administrator 124 ("Break glass" too), bob none.
 */
@OnBuiltJar
class PagingRestApiTest {
    private static final int ADDED = 120;
    private static final int ALICES = ADDED + 3;

    @TempDir
    static Path home;

    private static DemoHost jira;
    private static RestCalls rest;

    @BeforeAll
    static void startTheDemoHostWithManyConnectors() {
        jira = DemoHost.start(DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).build());
        rest = new RestCalls(jira);
        ManyConnectors.add(jira, ADDED);
    }

    @AfterAll
    static void stopTheDemoHost() {
        if (jira != null) {
            jira.close();
        }
    }

    @Test
    void theFirstPageOfAlicesConnectorsHoldsFiftyByNameAndSaysMoreFollow() {
        JsonNode page = ok(rest.get(Who.ALICE, "/connectors"));

        assertThat(fieldNames(page)).containsExactly("startAt", "maxResults", "total", "isLast", "values");
        assertThat(page.get("startAt").asInt()).isZero();
        assertThat(page.get("maxResults").asInt()).isEqualTo(50);
        assertThat(page.get("total").asInt()).isEqualTo(ALICES);
        assertThat(page.get("isLast").asBoolean()).isFalse();
        assertThat(names(page)).hasSize(50).isSorted().startsWith("Developers (federated)",
                "Developers (keyless)", "Developers (role)", ManyConnectors.name(1)).endsWith(ManyConnectors.name(47));
    }

    @Test
    void theLastPageHoldsTheRestAndSaysItIsLast() {
        JsonNode page = ok(rest.get(Who.ALICE, "/connectors?startAt=100&maxResults=50"));

        assertThat(page.get("startAt").asInt()).isEqualTo(100);
        assertThat(page.get("total").asInt()).isEqualTo(ALICES);
        assertThat(page.get("isLast").asBoolean()).isTrue();
        assertThat(names(page)).hasSize(ALICES - 100).startsWith(ManyConnectors.name(98))
                .endsWith(ManyConnectors.name(ADDED));
    }

    @Test
    void walkingThePagesUntilIsLastGivesEveryConnectorOnce() {
        List<String> all = new ArrayList<>();
        int startAt = 0;
        boolean last = false;
        while (!last) {
            JsonNode page = ok(rest.get(Who.ALICE, "/connectors?maxResults=30&startAt=" + startAt));
            all.addAll(names(page));
            startAt += page.get("values").size();
            last = page.get("isLast").asBoolean();
        }

        assertThat(all).hasSize(ALICES).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aQueryKeepsTheConnectorsWhoseNameContainsItInAnyCaseAndTotalCountsThem() {
        JsonNode page = ok(rest.get(Who.ALICE, "/connectors?query=TEAM-11&maxResults=4"));

        assertThat(page.get("total").asInt()).isEqualTo(10);
        assertThat(page.get("isLast").asBoolean()).isFalse();
        assertThat(names(page)).containsExactly("team-110", "team-111", "team-112", "team-113");
        assertThat(ok(rest.get(Who.ALICE, "/connectors?query=break")).get("total").asInt())
                .as("alice may not use Break glass").isZero();
    }

    @Test
    void aMaxResultsAboveTheMaximumIsLoweredToItAsTheAnswerSays() {
        JsonNode page = ok(rest.get(Who.ALICE, "/connectors?maxResults=5000"));

        assertThat(page.get("maxResults").asInt()).isEqualTo(100);
        assertThat(page.get("values")).hasSize(100);
        assertThat(page.get("total").asInt()).isEqualTo(ALICES);
        assertThat(page.get("isLast").asBoolean()).isFalse();
    }

    @Test
    void maxResultsZeroAnswersTheTotalOnly() {
        JsonNode page = ok(rest.get(Who.ALICE, "/connectors?maxResults=0"));

        assertThat(page.get("values")).isEmpty();
        assertThat(page.get("total").asInt()).isEqualTo(ALICES);
    }

    @Test
    void bobWhoMayUseNoneGetsAnEmptyLastPage() {
        JsonNode page = ok(rest.get(Who.BOB, "/connectors"));

        assertThat(page.get("total").asInt()).isZero();
        assertThat(page.get("isLast").asBoolean()).isTrue();
        assertThat(page.get("values")).isEmpty();
    }

    @Test
    void theAdminListsArePagedAndFilteredTheSameWay() {
        JsonNode connectors = ok(rest.get(Who.ADMIN, "/admin/connectors?startAt=120&maxResults=10"));
        assertThat(connectors.get("total").asInt()).isEqualTo(ADDED + 4);
        assertThat(connectors.get("isLast").asBoolean()).isTrue();
        assertThat(connectors.get("values")).hasSize(4);
        assertThat(connectors.get("values").get(0).has("version")).as("the admin view of a connector").isTrue();

        JsonNode filtered = ok(rest.get(Who.ADMIN, "/admin/connectors?query=Glass"));
        assertThat(names(filtered)).containsExactly("Break glass");

        JsonNode accounts = ok(rest.get(Who.ADMIN, "/admin/accounts?maxResults=1"));
        assertThat(accounts.get("total").asInt()).as("the demo's two accounts").isEqualTo(2);
        assertThat(accounts.get("isLast").asBoolean()).isFalse();
        assertThat(accounts.get("values")).hasSize(1);
        assertThat(ok(rest.get(Who.ADMIN, "/admin/accounts?query=no-such-account")).get("total").asInt()).isZero();
    }

    @ParameterizedTest(name = "GET {0}?{1} is 400 naming {2}")
    @CsvSource({
            "/connectors, startAt=-1, startAt",
            "/connectors, startAt=abc, startAt",
            "/connectors, maxResults=-3, maxResults",
            "/connectors, maxResults=1.5, maxResults",
            "/admin/connectors, startAt=ten, startAt",
            "/admin/connectors, maxResults=-1, maxResults",
            "/admin/accounts, startAt=-50, startAt",
            "/admin/accounts, maxResults=lots, maxResults",
    })
    void aPagingParameterThatIsNotAWholeNumberOfZeroOrMoreIs400NamingIt(String path, String query, String field) {
        Answer answer = rest.get(Who.ADMIN, path + "?" + query);

        assertError(answer, 400, field);
        assertThat(answer.json().get("message").asText()).contains(field);
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("values").forEach(value -> names.add(value.get("name").asText()));
        return names;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
