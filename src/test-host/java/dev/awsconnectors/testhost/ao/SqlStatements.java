package dev.awsconnectors.testhost.ao;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryCount;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.listener.SingleQueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * The SQL statements run through one data source, counted by datasource-proxy's query-count listener and kept as
 * text, so that a test can hold a request to a number of statements and show which ones ran when it is not.
 * Made by {@link TestDatabase#statements()}; {@link TestDatabase#activeObjects(SqlStatements)} runs Active Objects
 * through it.
 */
public final class SqlStatements {
    private static final String NAME = "awsc";

    private final SingleQueryCountHolder counts = new SingleQueryCountHolder();
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final DataSource dataSource;

    SqlStatements(DataSource target) {
        this.dataSource = ProxyDataSourceBuilder.create(NAME, target).countQuery(counts)
                .listener(new QueryExecutionListener() {
                    @Override
                    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                    }

                    @Override
                    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                        queries.forEach(query -> texts.add(query.getQuery()));
                    }
                }).build();
    }

    /** The counting data source, in front of the database's own. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** How many statements ran since this was made or last {@link #clear() cleared}. */
    public long count() {
        QueryCount count = counts.getQueryCountMap().get(NAME);
        return count == null ? 0 : count.getTotal();
    }

    /** The text of each statement counted, in the order they ran. */
    public List<String> texts() {
        return List.copyOf(texts);
    }

    /** Starts counting again from zero. */
    public void clear() {
        counts.clear();
        texts.clear();
    }

    /** How many statements {@code work} runs. */
    public long countOf(Runnable work) {
        clear();
        work.run();
        return count();
    }
}
