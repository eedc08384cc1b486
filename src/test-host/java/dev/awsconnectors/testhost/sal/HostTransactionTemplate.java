package dev.awsconnectors.testhost.sal;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.sal.api.transaction.TransactionCallback;
import com.atlassian.sal.api.transaction.TransactionTemplate;

/** SAL's transactions, on the same database transactions as Active Objects (one database in Jira too). */
public final class HostTransactionTemplate implements TransactionTemplate {
    private final ActiveObjects ao;

    public HostTransactionTemplate(ActiveObjects ao) {
        this.ao = ao;
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) {
        return ao.executeInTransaction(action::doInTransaction);
    }
}
