/**
 * Messages as keys of the app's i18n bundle with their arguments, said at the edge in the reader's language, or in
 * the bundle's English where text leaves the app (the exported API's exception messages, the audit log).
 */
package dev.awsconnectors.i18n;
