// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.sal_sal-api-5.1.4/com/atlassian/sal/api/transaction/TransactionCallback.java (sal-api 5.1.4; used unchanged by atlassian-slack-integration-server master, Platform 8).
package com.atlassian.sal.api.transaction;

public interface TransactionCallback<T> {

    T doInTransaction();
}
