// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.templaterenderer.atlassian-template-renderer-api-5.0.4/com/atlassian/templaterenderer/RenderingException.java (template-renderer-api 5.0.4: extends RuntimeException; no Platform 8 source found).
package com.atlassian.templaterenderer;

public class RenderingException extends RuntimeException {

    public RenderingException(String message, Throwable cause) {
        super(message, cause);
    }

    public RenderingException(String message) {
        super(message);
    }

    public RenderingException(Throwable cause) {
        super(cause);
    }
}
