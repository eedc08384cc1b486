/**
 * Classes that break the layering on purpose, to show that the rules of {@code Layering} catch each break; they
 * mirror the app's package names under a root of their own and are never part of the app.
 */
package dev.awsconnectors.layeringfixture;
