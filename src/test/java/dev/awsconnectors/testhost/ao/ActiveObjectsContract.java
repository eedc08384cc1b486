package dev.awsconnectors.testhost.ao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.awsconnectors.testhost.ao.TestEntities.Aliased;
import dev.awsconnectors.testhost.ao.TestEntities.AliasedVersion2;
import dev.awsconnectors.testhost.ao.TestEntities.Colour;
import dev.awsconnectors.testhost.ao.TestEntities.Everything;
import dev.awsconnectors.testhost.ao.TestEntities.NamedLikeAReservedWord;
import dev.awsconnectors.testhost.ao.TestEntities.Owner;
import dev.awsconnectors.testhost.ao.TestEntities.Pet;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.java.ao.DBParam;
import net.java.ao.Query;
import net.java.ao.RawEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * What the test host's Active Objects must do on every database; subclasses name the database. One fresh database
 * per class, emptied before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ActiveObjectsContract {
    private TestDatabase database;
    private JdbcActiveObjects ao;

    /** The database of the subclass; called once per class. */
    abstract TestDatabase openDatabase();

    /** Why the database is missing; rethrown by each test so the report counts and explains every skip. */
    private TestAbortedException unavailable;

    @BeforeAll
    void openAndMigrate() {
        try {
            database = openDatabase();
        } catch (TestAbortedException skipped) {
            unavailable = skipped;
            return;
        }
        ao = database.activeObjects();
    }

    @AfterAll
    void drop() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyTables() {
        if (unavailable != null) {
            throw unavailable;
        }
        ao.migrate(Everything.class, Owner.class, Pet.class, Aliased.class);
        ao.deleteWithSQL(Pet.class, null);
        ao.deleteWithSQL(Owner.class, null);
        ao.deleteWithSQL(Everything.class, null);
        ao.deleteWithSQL(Aliased.class, null);
    }

    // ---- naming ----

    @Test
    void tablesArePrefixedWithAoAndTheLastSixHexDigitsOfTheNamespacesMd5() throws Exception {
        String md5 = String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5")
                .digest(TestDatabase.APP_NAMESPACE.getBytes(StandardCharsets.UTF_8))));
        String prefix = "AO_" + md5.substring(26).toUpperCase() + "_";

        assertThat(ao.tablePrefix()).isEqualTo(prefix);
        assertThat(ao.tableName(Everything.class)).isEqualTo(prefix + "EVERYTHING");
        assertThat(tables()).contains(prefix + "EVERYTHING", prefix + "OWNER", prefix + "PET");
    }

    @Test
    void aTableAnnotationNamesTheTableInUpperSnakeCase() {
        assertThat(ao.tableName(Aliased.class)).isEqualTo(ao.tablePrefix() + "RENAMED_THING");
    }

    @Test
    void anotherNamespaceGetsAnotherPrefix() {
        assertThat(database.activeObjects("com.example.other-plugin").tablePrefix()).isNotEqualTo(ao.tablePrefix())
                .matches("AO_[0-9A-F]{6}_");
    }

    @Test
    void columnsAreNamedFromGettersInUpperSnakeCaseAndEntityReferencesEndInId() throws Exception {
        assertThat(columns(Everything.class).keySet()).contains("ID", "TEXT", "SHORT_TEXT", "POLICY_DOCUMENT",
                "COUNT", "BOXED_COUNT", "SIZE", "ENABLED", "RATIO", "CREATED", "COLOUR", "STATE", "URL_TEXT");
        assertThat(columns(Pet.class).keySet()).containsExactlyInAnyOrder("ID", "OWNER_ID", "SPECIES", "ALIVE");
        assertThat(ao.columnName(Pet.class.getMethod("getOwner"))).isEqualTo("OWNER_ID");
    }

    // ---- DDL ----

    @Test
    void eachJavaTypeGetsAosColumnType() throws Exception {
        Map<String, Column> columns = columns(Everything.class);
        assertThat(columns.get("TEXT").isVarchar(255)).isTrue();
        assertThat(columns.get("SHORT_TEXT").isVarchar(40)).isTrue();
        assertThat(columns.get("COLOUR").isVarchar(255)).isTrue();
        assertThat(columns.get("POLICY_DOCUMENT").typeName()).isIn("text", "CHARACTER LARGE OBJECT");
        assertThat(columns.get("COUNT").dataType()).isEqualTo(Types.INTEGER);
        assertThat(columns.get("BOXED_COUNT").dataType()).isEqualTo(Types.INTEGER);
        assertThat(columns.get("SIZE").dataType()).isEqualTo(Types.BIGINT);
        assertThat(columns.get("ENABLED").dataType()).isIn(Types.BOOLEAN, Types.BIT);
        assertThat(columns.get("RATIO").dataType()).isIn(Types.DOUBLE, Types.FLOAT);
        assertThat(columns.get("CREATED").dataType()).isEqualTo(Types.TIMESTAMP);
        assertThat(columns.get("ID").dataType()).isEqualTo(Types.INTEGER);
        assertThat(columns.get("ID").nullable()).isFalse();
        assertThat(columns(Pet.class).get("OWNER_ID").dataType()).isEqualTo(Types.INTEGER);
    }

    @Test
    void theIdIsAnAutoIncrementPrimaryKey() throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                ResultSet keys = connection.getMetaData().getPrimaryKeys(null, connection.getSchema(),
                        ao.tableName(Owner.class))) {
            assertThat(keys.next()).isTrue();
            assertThat(keys.getString("COLUMN_NAME")).isEqualTo("ID");
        }
        assertThat(columns(Owner.class).get("ID").autoIncrement()).isTrue();
        Owner first = owner("first");
        Owner second = owner("second");
        assertThat(second.getID()).isGreaterThan(first.getID());
    }

    @Test
    void notNullUniqueAndDefaultBecomeConstraints() throws Exception {
        Map<String, Column> owner = columns(Owner.class);
        assertThat(owner.get("NAME").nullable()).isFalse();
        assertThat(uniqueColumns(Owner.class)).contains("NAME");
        Map<String, Column> everything = columns(Everything.class);
        assertThat(everything.get("TEXT").nullable()).isTrue();
        assertThat(everything.get("STATE").defaultValue()).contains("fresh");
        assertThat(everything.get("COUNT").defaultValue()).contains("0");
        assertThat(columns(Pet.class).get("ALIVE").defaultValue()).containsIgnoringCase("true");
    }

    @Test
    void anEntityReferenceIsARealForeignKey() throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                ResultSet keys = connection.getMetaData().getImportedKeys(null, connection.getSchema(),
                        ao.tableName(Pet.class))) {
            assertThat(keys.next()).isTrue();
            assertThat(keys.getString("FKCOLUMN_NAME")).isEqualTo("OWNER_ID");
            assertThat(keys.getString("PKTABLE_NAME")).isEqualTo(ao.tableName(Owner.class));
            assertThat(keys.getString("PKCOLUMN_NAME")).isEqualTo("ID");
            assertThat(keys.getString("FK_NAME")).isEqualTo("fk_" + ao.tableName(Pet.class).toLowerCase()
                    + "_owner_id");
        }
    }

    @Test
    void indexedColumnsAndIndexesAnnotationsGetIndexesNamedAsAoNamesThem() throws Exception {
        String table = ao.tableName(Pet.class).toLowerCase();
        Map<String, List<String>> indexes = indexes(Pet.class);
        assertThat(indexes).containsEntry("index_" + table + "_species", List.of("SPECIES"));
        assertThat(indexes).containsEntry(Identifiers.shorten("index_" + table + "_speciesalive", 30),
                List.of("SPECIES", "ALIVE"));
    }

    @Test
    void migratingTwiceChangesNothing() throws Exception {
        Map<String, Column> columnsBefore = columns(Pet.class);
        Map<String, List<String>> indexesBefore = indexes(Pet.class);
        Set<String> tablesBefore = tables();

        ao.migrate(Everything.class, Owner.class, Pet.class, Aliased.class);
        ao.migrate(Pet.class);

        assertThat(columns(Pet.class)).isEqualTo(columnsBefore);
        assertThat(indexes(Pet.class)).isEqualTo(indexesBefore);
        assertThat(tables()).isEqualTo(tablesBefore);
    }

    @Test
    void migratingANewerVersionAddsColumnsIndexesAndConstraintsAndKeepsRows() throws Exception {
        Aliased kept = ao.create(Aliased.class, new DBParam("LABEL", "kept"));

        ao.migrate(AliasedVersion2.class);
        ao.migrate(AliasedVersion2.class);

        assertThat(columns(AliasedVersion2.class).keySet()).containsExactlyInAnyOrder("ID", "LABEL", "CODE", "TAG");
        assertThat(indexes(AliasedVersion2.class)).containsEntry(Identifiers.shorten("index_"
                + ao.tableName(AliasedVersion2.class).toLowerCase() + "_code", 30), List.of("CODE"));
        assertThat(uniqueColumns(AliasedVersion2.class)).contains("TAG");
        assertThat(ao.get(AliasedVersion2.class, kept.getID()).getLabel()).isEqualTo("kept");
    }

    @Test
    void migrateCreatesTheTablesAnEntityReferences() throws Exception {
        try (TestDatabase other = TestDatabases.create(database.engine())) {
            JdbcActiveObjects fresh = other.activeObjects();
            fresh.migrate(Pet.class);
            Pet pet = fresh.create(Pet.class, new DBParam("OWNER_ID",
                    fresh.create(Owner.class, new DBParam("NAME", "parent"))));
            assertThat(pet.getOwner().getName()).isEqualTo("parent");
        }
    }

    // ---- round trips ----

    @Test
    void everyTypeRoundTrips() {
        Date created = new Date(1_700_000_000_123L);
        Everything row = ao.create(Everything.class, new DBParam("TEXT", "text"));
        row.setShortText("short");
        row.setPolicyDocument("{\"Version\":\"2012-10-17\"}".repeat(500));
        row.setCount(-7);
        row.setBoxedCount(42);
        row.setSize(5_000_000_000L);
        row.setBoxedSize(-5_000_000_000L);
        row.setEnabled(true);
        row.setBoxedEnabled(false);
        row.setRatio(0.25);
        row.setBoxedRatio(-1.5);
        row.setCreated(created);
        row.setColour(Colour.GREEN);
        row.setState("used");
        row.writeUrl("https://example.com");
        row.save();

        Everything read = ao.get(Everything.class, row.getID());

        assertThat(read.getText()).isEqualTo("text");
        assertThat(read.getShortText()).isEqualTo("short");
        assertThat(read.getPolicyDocument()).hasSize(24 * 500);
        assertThat(read.getCount()).isEqualTo(-7);
        assertThat(read.getBoxedCount()).isEqualTo(42);
        assertThat(read.getSize()).isEqualTo(5_000_000_000L);
        assertThat(read.getBoxedSize()).isEqualTo(-5_000_000_000L);
        assertThat(read.isEnabled()).isTrue();
        assertThat(read.getBoxedEnabled()).isFalse();
        assertThat(read.getRatio()).isEqualTo(0.25);
        assertThat(read.getBoxedRatio()).isEqualTo(-1.5);
        assertThat(read.getCreated()).isEqualTo(created);
        assertThat(read.getColour()).isEqualTo(Colour.GREEN);
        assertThat(read.getState()).isEqualTo("used");
        assertThat(read.readUrl()).isEqualTo("https://example.com");
    }

    @Test
    void nullsRoundTripAndPrimitiveGettersOfNullColumnsAnswerZeroOrFalse() throws Exception {
        Everything row = ao.create(Everything.class, new DBParam("TEXT", null));
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE \"" + ao.tableName(Everything.class)
                    + "\" SET \"COUNT\" = NULL, \"SIZE\" = NULL, \"RATIO\" = NULL, \"ENABLED\" = NULL");
        }

        Everything read = ao.get(Everything.class, row.getID());

        assertThat(read.getText()).isNull();
        assertThat(read.getBoxedCount()).isNull();
        assertThat(read.getBoxedSize()).isNull();
        assertThat(read.getBoxedEnabled()).isNull();
        assertThat(read.getBoxedRatio()).isNull();
        assertThat(read.getCreated()).isNull();
        assertThat(read.getColour()).isNull();
        assertThat(read.getPolicyDocument()).isNull();
        assertThat(read.getCount()).isZero();
        assertThat(read.getSize()).isZero();
        assertThat(read.getRatio()).isZero();
        assertThat(read.isEnabled()).isFalse();
    }

    @Test
    void defaultsFillColumnsCreateWasNotGiven() {
        Everything row = ao.create(Everything.class);

        assertThat(row.getState()).isEqualTo("fresh");
        assertThat(row.getCount()).isZero();
        assertThat(ao.count(Everything.class)).isEqualTo(1);
    }

    @Test
    void createTakesAMapOfColumnNames() {
        Owner owner = ao.create(Owner.class, Map.of("NAME", "mapped"));

        assertThat(ao.get(Owner.class, owner.getID()).getName()).isEqualTo("mapped");
    }

    @Test
    void settersChangeNothingInTheDatabaseUntilSave() {
        Owner owner = owner("before");
        owner.setName("after");

        assertThat(ao.get(Owner.class, owner.getID()).getName()).isEqualTo("before");
        owner.save();
        assertThat(ao.get(Owner.class, owner.getID()).getName()).isEqualTo("after");
    }

    @Test
    void getAnswersNullForAnIdWithoutARowAndGetWithManyIdsKeepsTheirOrder() {
        Owner a = owner("a");
        Owner b = owner("b");

        assertThat(ao.get(Owner.class, 999_999)).isNull();
        assertThat(ao.get(Owner.class, b.getID(), 999_999, a.getID())).containsExactly(b, null, a);
    }

    @Test
    void entitiesAreEqualByTableAndIdAndToStringShowsNoColumnValue() {
        Owner owner = owner("secret-looking-name");
        Owner again = ao.get(Owner.class, owner.getID());

        assertThat(again).isEqualTo(owner).hasSameHashCodeAs(owner);
        assertThat(again).isNotEqualTo(owner("other"));
        assertThat(owner.toString()).isEqualTo(ao.tableName(Owner.class) + " {ID = " + owner.getID() + "}")
                .doesNotContain("secret");
        assertThat(owner.getEntityType()).isEqualTo(Owner.class);
    }

    @Test
    void deleteRemovesTheRowsOfEveryEntityGiven() {
        Owner a = owner("a");
        Owner b = owner("b");
        Owner c = owner("c");

        ao.delete(a, c);

        assertThat(ao.find(Owner.class)).containsExactly(b);
    }

    @Test
    void deleteWithSqlAnswersTheNumberOfRowsDeleted() {
        owner("a");
        owner("b");
        owner("c");

        assertThat(ao.deleteWithSQL(Owner.class, "\"NAME\" <> ?", "b")).isEqualTo(2);
        assertThat(ao.count(Owner.class)).isEqualTo(1);
    }

    // ---- constraints surface as AO's exceptions ----

    @Test
    void aUniqueViolationSurfacesWithSqlState23505() {
        owner("twice");

        Throwable thrown = catchThrowable(() -> owner("twice"));

        assertThat(thrown).isInstanceOf(ActiveObjectsSqlException.class)
                .hasMessageStartingWith("There was a SQL exception thrown by the Active Objects library:");
        assertThat(((ActiveObjectsSqlException) thrown).getSqlException().getSQLState()).isEqualTo("23505");
    }

    @Test
    void aForeignKeyViolationSurfacesWithTheDatabasesSqlState() {
        Throwable thrown = catchThrowable(() -> ao.create(Pet.class, new DBParam("OWNER_ID", 424_242)));

        assertThat(thrown).isInstanceOf(ActiveObjectsSqlException.class).cause().isInstanceOf(SQLException.class);
        // H2 reports a missing parent as 23506 (its own code); PostgreSQL as the standard 23503.
        assertThat(((SQLException) thrown.getCause()).getSQLState()).isIn("23503", "23506");
    }

    @Test
    void deletingARowOthersStillReferenceIsRefusedByTheForeignKey() {
        Owner owner = owner("parent");
        ao.create(Pet.class, new DBParam("OWNER_ID", owner));

        Throwable thrown = catchThrowable(() -> ao.delete(owner));

        assertThat(((SQLException) thrown.getCause()).getSQLState()).isEqualTo("23503");
    }

    @Test
    void createWithoutARequiredColumnIsRefusedBeforeAnySql() {
        assertThatThrownBy(() -> ao.create(Owner.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The follow required fields were not set when trying to create entity '"
                        + Owner.class.getName() + "', those fields are: NAME");
        assertThatThrownBy(() -> ao.create(Owner.class, new DBParam("NAME", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Cannot set non-null field NAME to null");
        assertThatThrownBy(() -> ao.create(Owner.class, new DBParam("NAME", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot set non-null String field NAME to ''");
        assertThat(ao.count(Owner.class)).isZero();
    }

    @Test
    void createWithAnUnknownColumnIsRefusedAsAoRefusesIt() {
        assertThatThrownBy(() -> ao.create(Owner.class, new DBParam("name", "lower case")))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("Entity " + Owner.class.getName() + " does not have field name");
    }

    @Test
    void settingNullOnANotNullColumnIsRefused() {
        Owner owner = owner("named");

        assertThatThrownBy(() -> owner.setName(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Field 'NAME' does not accept null values");
    }

    // ---- entities AO refuses ----

    @Test
    void aTableNameOverThirtyCharactersIsRefused() {
        assertThatThrownBy(() -> ao.migrate(TestEntities.TheNameOfThisEntityIsMuchTooLong.class))
                .isInstanceOf(ActiveObjectsException.class)
                .hasMessageContaining("generated table name (" + ao.tablePrefix() + "THE_NAME_OF_THIS_ENTITY_IS_MUCH_TOO_LONG)")
                .hasMessageEndingWith("is too long! It should be no longer than 30 chars.");
    }

    @Test
    void aColumnNameOverThirtyCharactersIsRefused() {
        assertThatThrownBy(() -> ao.migrate(TestEntities.WithLongColumn.class))
                .isInstanceOf(ActiveObjectsException.class)
                                // AO only splits a lower-case letter or digit from the upper-case letter after it: "AColumn" → "ACOLUMN".
                .hasMessageContaining("generated field name (ACOLUMN_NAME_THAT_IS_FAR_TOO_LONG_FOR_AO)");
    }

    @Test
    void aReservedWordAsColumnNameIsRefused() {
        assertThatThrownBy(() -> ao.migrate(TestEntities.WithReservedColumn.class))
                .isInstanceOf(ActiveObjectsException.class)
                .hasMessageContaining("column name is TIMESTAMP which is a reserved word!");
    }

    @Test
    void aReservedWordInATableAnnotationIsAcceptedBecauseAoChecksThePrefixedName() {
        ao.migrate(NamedLikeAReservedWord.class);

        assertThat(ao.tableName(NamedLikeAReservedWord.class)).isEqualTo(ao.tablePrefix() + "TIMESTAMP");
    }

    @Test
    void anUnsupportedJavaTypeIsRefused() {
        assertThatThrownBy(() -> ao.migrate(TestEntities.UnsupportedType.class))
                .isInstanceOf(ActiveObjectsConfigurationException.class)
                .hasMessage("Unrecognized type: java.math.BigDecimal");
        assertThatThrownBy(() -> ao.migrate(TestEntities.WithSqlDate.class))
                .hasMessageStartingWith("java.sql.Date is not supported! Please use java.util.Date instead.");
    }

    @Test
    void aStringLengthOver450AndADefaultOnUnlimitedTextAreRefused() {
        assertThatThrownBy(() -> ao.migrate(TestEntities.WithTooLongString.class))
                .isInstanceOf(ActiveObjectsConfigurationException.class)
                .hasMessageStartingWith("@StringLength must be <= 450 or UNLIMITED");
        assertThatThrownBy(() -> ao.migrate(TestEntities.WithDefaultOnText.class))
                .isInstanceOf(ActiveObjectsConfigurationException.class)
                .hasMessageStartingWith("Default value is not allowed");
    }

    @Test
    void moreThanTwoHundredEntitiesAreRefused() {
        // The count is checked before anything else, as AO checks it first; 201 distinct classes suffice.
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<? extends RawEntity<?>>[] tooMany = new Class[201];
        for (int i = 0; i < tooMany.length; i++) {
            tooMany[i] = (Class) java.lang.reflect.Array.newInstance(Owner.class,
                    new int[i + 1]).getClass();
        }

        assertThatThrownBy(() -> ao.migrate(tooMany)).isInstanceOf(ActiveObjectsConfigurationException.class)
                .hasMessage("Plugins are allowed no more than 200 entities!");
    }

    // ---- transactions ----

    @Test
    void aTransactionCommitsWhenTheCallbackReturns() {
        Integer id = ao.executeInTransaction(() -> owner("committed").getID());

        assertThat(ao.get(Owner.class, id).getName()).isEqualTo("committed");
    }

    @Test
    void aTransactionRollsBackOnAnyExceptionWhichGoesOnUnchanged() {
        IllegalStateException failure = new IllegalStateException("boom");

        Throwable thrown = catchThrowable(() -> ao.executeInTransaction(() -> {
            Owner owner = owner("rolled back");
            owner.setName("renamed");
            owner.save();
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(ao.count(Owner.class)).isZero();
    }

    @Test
    void nestedTransactionsJoinTheOuterOne() {
        Throwable thrown = catchThrowable(() -> ao.executeInTransaction(() -> {
            ao.executeInTransaction(() -> owner("inner"));
            owner("outer");
            throw new IllegalArgumentException("after the inner one returned");
        }));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(ao.count(Owner.class)).isZero();
    }

    @Test
    void workInsideATransactionSeesItsOwnWrites() {
        int counted = ao.executeInTransaction(() -> {
            owner("one");
            owner("two");
            return ao.count(Owner.class);
        });

        assertThat(counted).isEqualTo(2);
    }

    // ---- relations ----

    @Test
    void oneToManyAnswersTheRowsWhoseForeignKeyPointsHereHonouringWhere() {
        Owner owner = owner("parent");
        Owner other = owner("other");
        Pet cat = pet(owner, "cat", true);
        Pet dog = pet(owner, "dog", false);
        pet(other, "fish", true);

        assertThat(owner.getPets()).containsExactly(cat, dog);
        assertThat(owner.getLivingPets()).containsExactly(cat);
        assertThat(cat.getOwner()).isEqualTo(owner);
        assertThat(cat.getOwner().getName()).isEqualTo("parent");
    }

    @Test
    void aReferenceCanBeChangedAndSaved() {
        Owner first = owner("first");
        Owner second = owner("second");
        Pet pet = pet(first, "cat", true);

        pet.setOwner(second);
        pet.save();

        assertThat(ao.get(Pet.class, pet.getID()).getOwner()).isEqualTo(second);
        assertThat(first.getPets()).isEmpty();
    }

    // ---- queries ----

    @Test
    void findPassesTheWhereClauseThroughWithParameters() {
        owner("alice");
        Owner bob = owner("bob");

        assertThat(ao.find(Owner.class, "\"NAME\" = ?", "bob")).containsExactly(bob);
        assertThat(ao.count(Owner.class, "\"NAME\" LIKE ?", "%b%")).isEqualTo(1);
    }

    @Test
    void queriesOrderLimitAndOffset() {
        for (String name : List.of("d", "b", "e", "a", "c")) {
            owner(name);
        }

        Owner[] page = ao.find(Owner.class, Query.select().order("\"NAME\" DESC").limit(2).offset(1));
        Owner[] first = ao.find(Owner.class, Query.select().order("\"NAME\"").limit(1));

        assertThat(Arrays.stream(page).map(Owner::getName)).containsExactly("d", "c");
        assertThat(first[0].getName()).isEqualTo("a");
        assertThat(ao.count(Owner.class, Query.select().where("\"NAME\" > ?", "b"))).isEqualTo(3);
    }

    @Test
    void queriesTakeEntitiesEnumsAndDatesAsParameters() {
        Owner owner = owner("parent");
        Pet cat = pet(owner, "cat", true);
        Everything green = ao.create(Everything.class, new DBParam("COLOUR", Colour.GREEN),
                new DBParam("CREATED", new Date(1_000_000)));
        ao.create(Everything.class, new DBParam("COLOUR", Colour.RED));

        assertThat(ao.find(Pet.class, Query.select().where("\"OWNER_ID\" = ?", owner))).containsExactly(cat);
        assertThat(ao.find(Everything.class, "\"COLOUR\" = ?", Colour.GREEN)).containsExactly(green);
        assertThat(ao.find(Everything.class, "\"CREATED\" < ?", new Date(2_000_000))).containsExactly(green);
    }

    @Test
    void distinctAndSelectedFieldsStillAnswerWholeEntities() {
        owner("x");
        owner("y");

        Owner[] found = ao.find(Owner.class, Query.select("ID, NAME").distinct().order("\"NAME\""));

        assertThat(found).hasSize(2);
        assertThat(found[1].getName()).isEqualTo("y");
    }

    // ---- helpers ----

    private Owner owner(String name) {
        return ao.create(Owner.class, new DBParam("NAME", name));
    }

    private Pet pet(Owner owner, String species, boolean alive) {
        return ao.create(Pet.class, new DBParam("OWNER_ID", owner), new DBParam("SPECIES", species),
                new DBParam("ALIVE", alive));
    }

    private Set<String> tables() throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection connection = database.dataSource().getConnection();
                ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "AO_%",
                        new String[] {"TABLE"})) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    record Column(String typeName, int dataType, int size, boolean nullable, String defaultValue,
            boolean autoIncrement) {
        boolean isVarchar(int length) {
            return dataType == Types.VARCHAR && size == length;
        }
    }

    private Map<String, Column> columns(Class<? extends RawEntity<?>> type) throws SQLException {
        Map<String, Column> columns = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection();
                ResultSet rows = connection.getMetaData().getColumns(null, connection.getSchema(),
                        ao.tableName(type), null)) {
            while (rows.next()) {
                columns.put(rows.getString("COLUMN_NAME"), new Column(rows.getString("TYPE_NAME"),
                        rows.getInt("DATA_TYPE"), rows.getInt("COLUMN_SIZE"),
                        rows.getInt("NULLABLE") == DatabaseMetaData.columnNullable, rows.getString("COLUMN_DEF"),
                        "YES".equals(rows.getString("IS_AUTOINCREMENT"))));
            }
        }
        return columns;
    }

    private Map<String, List<String>> indexes(Class<? extends RawEntity<?>> type) throws SQLException {
        Map<String, List<String>> indexes = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection();
                ResultSet rows = connection.getMetaData().getIndexInfo(null, connection.getSchema(),
                        ao.tableName(type), false, false)) {
            while (rows.next()) {
                if (rows.getString("INDEX_NAME") != null && rows.getString("COLUMN_NAME") != null) {
                    indexes.computeIfAbsent(rows.getString("INDEX_NAME"), key -> new ArrayList<>())
                            .add(rows.getString("COLUMN_NAME"));
                }
            }
        }
        return indexes;
    }

    private Set<String> uniqueColumns(Class<? extends RawEntity<?>> type) throws SQLException {
        Set<String> unique = new HashSet<>();
        try (Connection connection = database.dataSource().getConnection();
                ResultSet rows = connection.getMetaData().getIndexInfo(null, connection.getSchema(),
                        ao.tableName(type), true, false)) {
            while (rows.next()) {
                if (rows.getString("COLUMN_NAME") != null) {
                    unique.add(rows.getString("COLUMN_NAME"));
                }
            }
        }
        return unique;
    }
}
