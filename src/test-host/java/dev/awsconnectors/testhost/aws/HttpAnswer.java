package dev.awsconnectors.testhost.aws;

/** What the double sends back: status, content type, body and (for redirects) a Location. */
record HttpAnswer(int status, String contentType, String body, String location) {

    static HttpAnswer xml(int status, String body) {
        return new HttpAnswer(status, "text/xml", body, null);
    }

    static HttpAnswer json(int status, String body) {
        return new HttpAnswer(status, "application/json", body, null);
    }

    static HttpAnswer text(int status, String body) {
        return new HttpAnswer(status, "text/plain; charset=UTF-8", body, null);
    }

    static HttpAnswer redirect(String location) {
        return new HttpAnswer(302, "text/plain; charset=UTF-8", "", location);
    }
}
