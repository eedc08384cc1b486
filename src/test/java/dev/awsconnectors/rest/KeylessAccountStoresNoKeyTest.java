package dev.awsconnectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsconnectors.rest.RestCalls.Answer;
import dev.awsconnectors.rest.RestCalls.Who;
import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.ao.TestDatabase;
import dev.awsconnectors.testhost.aws.LocalAws;
import dev.awsconnectors.testhost.ao.TestDatabases;
import dev.awsconnectors.testhost.demo.DemoHost;
import dev.awsconnectors.testhost.demo.DemoOptions;
import dev.awsconnectors.testhost.sal.HostAuditLog;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyless promise, checked where it would be broken: after alice got credentials and a console sign-in from the
 * demo's keyless connector, every cell of every table of the database (H2 and PostgreSQL, through JDBC metadata) and
 * every file under the home (the shared home with the key files and the audit log, the node's local home, H2's own
 * files) is searched for access keys. The keyless account's row holds no key; no long-term key anywhere belongs to
 * it; the temporary credentials AWS issued (secret, session token, sign-in token) are nowhere, only in memory; their
 * access key ID is in the audit log alone, as AWS CloudTrail records the access key ID of each call.
 *
 * <p>The demo also has an IAM user's account, whose access key (the local double's) is expected in that account's row
 * (the secret encrypted) and in the double's state file; nothing else key-shaped may be found.
 */
@OnBuiltJar
class KeylessAccountStoresNoKeyTest {
    private static final String KEYLESS_ACCOUNT = "Keyless demo account";
    private static final String KEYLESS = "Developers (keyless)";
    /** An access key ID as AWS shapes it: long-term {@code AKIA}, temporary {@code ASIA}, and 16 more. */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])");
    private static final String DOUBLE_STATE = "local-aws.properties";

    @TempDir
    Path home;

    /** A found string and where: {@code table.column} or a file under the home. */
    private record Found(String value, String where) { }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void noAccessKeyOfTheKeylessAccountOrOfItsCredentialsIsStoredInTheDatabaseOrTheHome(TestDatabases.Engine engine)
            throws Exception {
        try (TestDatabase database = engine == TestDatabases.Engine.H2
                ? TestDatabases.h2File(home.resolve("database")) : TestDatabases.postgres()) {
            Issued issued;
            String iamUsersKey;
            Set<String> aliceKeylessSessions = new LinkedHashSet<>();
            List<Found> keyIds = new ArrayList<>();
            List<Found> secrets = new ArrayList<>();
            Map<String, Map<String, String>> keylessRows;
            try (DemoHost jira = DemoHost.start(DemoOptions.builder().port(0).home(home)
                    .database(database.jdbcUrl()).auiDirectory(home.resolve("no-aui")).build())) {
                RestCalls rest = new RestCalls(jira);
                issued = aliceUsesTheKeylessConnector(rest);
                iamUsersKey = iamUsersAccessKeyId(rest);
                keylessRows = scanDatabase(database, issued.secrets(), keyIds, secrets);
                scanHome(issued.secrets(), keyIds, secrets);
                // Temporary key IDs found (the console sign-in's session too): sessions AWS issued to alice through
                // the keyless connector's role.
                LocalAws aws = jira.localAws().orElseThrow();
                keyIds.stream().map(Found::value).filter(id -> id.startsWith("ASIA")).forEach(id -> {
                    assertThat(aws.session(id)).as(id).hasValueSatisfying(session -> {
                        assertThat(session.subject()).isEqualTo("connector:" + issued.connector() + ":user:alice");
                        aliceKeylessSessions.add(id);
                    });
                });
            }
            // Stopped: the home's files as the node left them.
            scanHome(issued.secrets(), keyIds, secrets);

            assertThat(keylessRows).as("the keyless account's row").hasSize(1);
            assertThat(keylessRows.values().iterator().next()).containsEntry("ACCESS_KEY_ID", null)
                    .containsEntry("SECRET_KEY_CIPHERTEXT", null);
            assertThat(secrets).as("the temporary credentials' secrets, stored").isEmpty();
            Path auditLog = home.resolve(HostAuditLog.FILE_NAME);
            assertThat(keyIds).as("access key IDs, stored").allSatisfy(found -> {
                if (aliceKeylessSessions.contains(found.value())) {
                    assertThat(found.where()).as("a temporary key's ID: audited only").isEqualTo(auditLog.toString());
                } else {
                    assertThat(found.value()).as("the only long-term key: the IAM user account's, at " + found.where())
                            .isEqualTo(iamUsersKey);
                    assertThat(found.where()).matches("(?i).*_ACCOUNT\\.ACCESS_KEY_ID|.*_ACCESS_KEY_HOLDER\\..*|"
                            + Pattern.quote(home.resolve(DOUBLE_STATE).toString()));
                }
            });
            assertThat(keyIds).extracting(Found::value).as("the audit does record the issued keys' IDs")
                    .containsAll(issued.accessKeyIds());
        }
    }

    /** What AWS issued to alice through the keyless connector: the temporary keys' IDs and every secret. */
    private record Issued(String connector, Set<String> accessKeyIds, List<String> secrets) { }

    private static Issued aliceUsesTheKeylessConnector(RestCalls rest) {
        String connector = null;
        for (JsonNode each : rest.get(Who.ALICE, "/connectors").json().get("values")) {
            if (each.get("name").asText().equals(KEYLESS)) {
                connector = each.get("id").asText();
            }
        }
        assertThat(connector).as(KEYLESS).isNotNull();
        Set<String> ids = new LinkedHashSet<>();
        List<String> secrets = new ArrayList<>();
        for (String query : List.of("?durationSeconds=900", "?format=credential_process")) {
            Answer answer = rest.get(Who.ALICE, "/connectors/" + connector + "/credentials" + query);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode credentials = answer.json();
            String id = credentials.has("accessKeyId") ? credentials.get("accessKeyId").asText()
                    : credentials.get("AccessKeyId").asText();
            assertThat(id).startsWith("ASIA");
            ids.add(id);
            for (String field : List.of("secretAccessKey", "sessionToken", "SecretAccessKey", "SessionToken")) {
                if (credentials.has(field)) {
                    secrets.add(credentials.get(field).asText());
                }
            }
        }
        Answer console = rest.get(Who.ALICE, "/connectors/" + connector + "/console");
        assertThat(console.status()).as(console.body()).isEqualTo(200);
        String signInToken = query(URI.create(console.json().get("url").asText())).get("SigninToken");
        assertThat(signInToken).as("the console sign-in URL's token").isNotBlank();
        secrets.add(signInToken);
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(3).allSatisfy(secret -> assertThat(secret).hasSizeGreaterThan(20));
        return new Issued(connector, ids, secrets);
    }

    private static String iamUsersAccessKeyId(RestCalls rest) {
        for (JsonNode account : rest.get(Who.ADMIN, "/admin/accounts").json().get("values")) {
            if (account.get("name").asText().equals(KEYLESS_ACCOUNT)) {
                assertThat(account.has("accessKeyId")).as("a keyless account has no key field").isFalse();
            } else if (account.hasNonNull("accessKeyId")) {
                return account.get("accessKeyId").asText();
            }
        }
        throw new AssertionError("The demo has no account with an access key");
    }

    /**
     * Every cell of every table, as text: key-shaped strings and {@code secrets} go to the lists with their
     * {@code table.column}. Returns the keyless account's rows, column by column.
     */
    private static Map<String, Map<String, String>> scanDatabase(TestDatabase database, List<String> secrets,
                                                                 List<Found> keyIds, List<Found> found)
            throws SQLException {
        Map<String, Map<String, String>> keylessRows = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = metadata.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    String schema = rows.getString("TABLE_SCHEM");
                    if (!isSystemSchema(schema)) {
                        tables.add("\"" + schema + "\".\"" + rows.getString("TABLE_NAME") + "\"");
                    }
                }
            }
            assertThat(tables).as("the app's tables").anyMatch(table -> table.endsWith("_ACCOUNT\""));
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = rows.getMetaData();
                    int row = 0;
                    while (rows.next()) {
                        row++;
                        Map<String, String> cells = new HashMap<>();
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            String name = columns.getColumnName(column).toUpperCase(Locale.ROOT);
                            String value = rows.getString(column);
                            cells.put(name, value);
                            search(value, table.replace("\"", "").replaceFirst("^[^.]*\\.", "") + "." + name,
                                    secrets, keyIds, found);
                        }
                        if (table.endsWith("_ACCOUNT\"") && KEYLESS_ACCOUNT.equals(cells.get("NAME"))) {
                            keylessRows.put(table + "#" + row, cells);
                        }
                    }
                }
            }
        }
        return keylessRows;
    }

    private static boolean isSystemSchema(String schema) {
        String lower = schema == null ? "" : schema.toLowerCase(Locale.ROOT);
        return lower.equals("information_schema") || lower.startsWith("pg_");
    }

    /** Every file under the home, byte for byte (ISO-8859-1 keeps every byte one character). */
    private void scanHome(List<String> secrets, List<Found> keyIds, List<Found> found) throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).as("the audit log and the signing keys are in the home")
                    .contains(home.resolve(HostAuditLog.FILE_NAME), home.resolve("aws-connectors/oidc-signing-keys"));
            for (Path file : all) {
                String text;
                try {
                    text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + file, e);
                }
                search(text, file.toString(), secrets, keyIds, found);
            }
        }
    }

    private static void search(String text, String where, List<String> secrets, List<Found> keyIds,
                               List<Found> found) {
        if (text == null) {
            return;
        }
        Matcher matcher = ACCESS_KEY_ID.matcher(text);
        Set<String> seen = new LinkedHashSet<>();
        while (matcher.find()) {
            if (seen.add(matcher.group())) {
                keyIds.add(new Found(matcher.group(), where));
            }
        }
        for (String secret : secrets) {
            if (text.contains(secret)) {
                found.add(new Found(secret.substring(0, 4) + "...", where));
            }
        }
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> parameters = new HashMap<>();
        String raw = url.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(pair.substring(0, equals), java.net.URLDecoder.decode(pair.substring(equals + 1),
                            StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }
}
