package dev.awsconnectors.testhost.ao;

import java.math.BigDecimal;
import java.util.Date;
import net.java.ao.Accessor;
import net.java.ao.Entity;
import net.java.ao.Mutator;
import net.java.ao.OneToMany;
import net.java.ao.schema.Default;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/** Entities of the tests of the test host's Active Objects: one per shape the app's entities take. */
public final class TestEntities {
    private TestEntities() {
    }

    public enum Colour {
        RED,
        GREEN
    }

    /** One column of every supported type, none of them required. */
    public interface Everything extends Entity {
        String getText();

        void setText(String text);

        @StringLength(40)
        String getShortText();

        void setShortText(String text);

        @StringLength(StringLength.UNLIMITED)
        String getPolicyDocument();

        void setPolicyDocument(String text);

        int getCount();

        void setCount(int count);

        Integer getBoxedCount();

        void setBoxedCount(Integer count);

        long getSize();

        void setSize(long size);

        Long getBoxedSize();

        void setBoxedSize(Long size);

        boolean isEnabled();

        void setEnabled(boolean enabled);

        Boolean getBoxedEnabled();

        void setBoxedEnabled(Boolean enabled);

        double getRatio();

        void setRatio(double ratio);

        Double getBoxedRatio();

        void setBoxedRatio(Double ratio);

        Date getCreated();

        void setCreated(Date created);

        Colour getColour();

        void setColour(Colour colour);

        @Default("fresh")
        String getState();

        void setState(String state);

        @Accessor("urlText")
        String readUrl();

        @Mutator("urlText")
        void writeUrl(String url);
    }

    /** A parent with a unique, required name and two one-to-many views of its children. */
    public interface Owner extends Entity {
        @NotNull
        @Unique
        @StringLength(100)
        String getName();

        void setName(String name);

        @OneToMany(reverse = "getOwner")
        Pet[] getPets();

        @OneToMany(reverse = "getOwner", where = "\"ALIVE\" = TRUE")
        Pet[] getLivingPets();
    }

    /** A child with a required foreign key and an indexed column. */
    @Indexes(@Index(name = "speciesAlive", methodNames = {"getSpecies", "isAlive"}))
    public interface Pet extends Entity {
        @NotNull
        Owner getOwner();

        void setOwner(Owner owner);

        @Indexed
        String getSpecies();

        void setSpecies(String species);

        @NotNull
        @Default("true")
        boolean isAlive();

        void setAlive(boolean alive);
    }

    /** {@code @Table} names the table; the interface's own name does not matter. */
    @Table("RenamedThing")
    public interface Aliased extends Entity {
        String getLabel();

        void setLabel(String label);
    }

    /** AO checks reserved words against the prefixed table name, so this table is accepted. */
    @Table("Timestamp")
    public interface NamedLikeAReservedWord extends Entity {
        String getLabel();

        void setLabel(String label);
    }

    public interface TheNameOfThisEntityIsMuchTooLong extends Entity {
        String getLabel();
    }

    public interface WithLongColumn extends Entity {
        String getAColumnNameThatIsFarTooLongForAo();
    }

    public interface WithReservedColumn extends Entity {
        Date getTimestamp();
    }

    public interface UnsupportedType extends Entity {
        BigDecimal getAmount();
    }

    public interface WithTooLongString extends Entity {
        @StringLength(451)
        String getLabel();
    }

    public interface WithDefaultOnText extends Entity {
        @StringLength(StringLength.UNLIMITED)
        @Default("text")
        String getLabel();
    }

    public interface WithSqlDate extends Entity {
        java.sql.Date getDay();
    }

    /** A later version of {@link Aliased}'s table, with one more column, an index and a unique constraint. */
    @Table("RenamedThing")
    public interface AliasedVersion2 extends Entity {
        String getLabel();

        void setLabel(String label);

        @Indexed
        String getCode();

        void setCode(String code);

        @NotNull
        @Unique
        @Default("only")
        String getTag();

        void setTag(String tag);
    }
}
