package dev.awsconnectors.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageBuilderTest {

    @Test
    void startsWithNoNoticeNoErrorAndNoRefusalSoThatATemplateCanAlwaysTestThem() {
        PageServlet.Page page = new PageBuilder("templates/admin/account.vm", 200).build();

        assertThat(page.template()).isEqualTo("templates/admin/account.vm");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.context()).containsEntry("noticeKey", "").containsEntry("error", "")
                .containsEntry("awsRefusal", "");
    }

    @Test
    void carriesTheNoticeErrorRefusalAndValuesItWasGiven() {
        PageServlet.Page page = new PageBuilder("templates/admin/connector.vm", 409)
                .notice("awsc.admin.connector.saved").error("changed meanwhile").awsRefusal("AccessDenied")
                .put("hasTestResult", true).build();

        assertThat(page.status()).isEqualTo(409);
        assertThat(page.context()).containsEntry("noticeKey", "awsc.admin.connector.saved")
                .containsEntry("error", "changed meanwhile").containsEntry("awsRefusal", "AccessDenied")
                .containsEntry("hasTestResult", true);
    }

    @Test
    void aBuiltPageDoesNotChangeWhenTheBuilderGoesOn() {
        PageBuilder builder = new PageBuilder("templates/admin/account.vm", 200);
        PageServlet.Page page = builder.build();

        builder.error("later");

        assertThat(page.context()).containsEntry("error", "");
    }
}
