package dev.awsconnectors.testhost;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that needs the built plugin jar: the demo host installs that jar (as Jira would), so such tests
 * can only run after {@code package}. Maven's unit phase (Surefire) leaves them out and the integration phase
 * (Failsafe) runs exactly them, whatever the class is called.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(OnBuiltJar.TAG)
public @interface OnBuiltJar {
    /** The JUnit tag the pom's Surefire and Failsafe configurations filter on. */
    String TAG = "built-jar";
}
