package dev.awsconnectors.testhost.upm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo host's stand-in for UPM 8's app signature check, which Jira 11 runs on every app an admin uploads: a jar
 * is installed only when its detached Ed25519 signature verifies, over the jar's whole bytes, against one of the
 * certificates in UPM's trust-store folder, and that certificate is valid (not expired, not yet to come). Anything
 * else is refused with an {@link AppSignatureException} saying why, and nothing is installed.
 *
 * <p>Sources (Atlassian's public pages): "Configuring UPM app signature check"
 * (confluence.atlassian.com/upm/configuring-upm-plugin-signature-check-1489470544.html) — on by default from UPM 8.0,
 * which Jira 11 ships; "If the trust store folder is empty while the app signing feature is enabled, new apps won't be
 * installed"; the configuration folder is the system property {@value #CONFIGURATION_DIRECTORY_PROPERTY} (default
 * {@value #DEFAULT_CONFIGURATION_DIRECTORY}), used as is when absolute, else resolved against the shared home (else
 * the home), and holds the {@code truststore} folder of trusted certificates. "Generating app signature and
 * verification certificate using OpenSSL" (…/generating-app-signature-and-verification-certificate-using-openssl-
 * 1489470549.html) — Ed25519 keys. "App signing troubleshooting" (…/app-signing-troubleshooting-1489470589.html) —
 * the signature is checked as {@code openssl pkeyutl -verify -pubin -rawin -in app.jar} does (plain Ed25519 over the
 * file), Base64 signatures are decoded first, and expired certificates make the check fail.
 *
 * <p>Where this check is simpler than UPM, on purpose or for want of evidence: it trusts the certificates in the
 * folder themselves (a self-signed app certificate, as for a custom app) and does not build chains to a CA (UPM
 * "verif[ies] their certificate path", which Marketplace apps need); it does not refuse a trust store that the
 * running user can write (UPM checks that the folder is read-only; tests run as users who can write anything); and it
 * reads the signature as the raw 64 bytes or one line of Base64, the two forms the build writes. Which of those UPM's
 * upload dialog expects is not established from public sources (see README, "Install").
 *
 * <p>How the demo host uses it, before installing the built jar in Felix:
 * <pre>{@code
 * AppSignatureCheck signatures = AppSignatureCheck.inHome(sharedHome);
 * // A fresh demo home trusts the build's development certificate, as an admin would put it in the trust store:
 * signatures.installCertificate(Path.of(System.getProperty("awsc.signingCertificate")));
 * signatures.verify(pluginJar, AppSignatureCheck.signatureOf(pluginJar)); // throws AppSignatureException
 * }</pre>
 * Failsafe passes {@code awsc.pluginJar}, {@code awsc.pluginSignature} and {@code awsc.signingCertificate}, the
 * files the build's signing step wrote.
 */
public final class AppSignatureCheck {
    /** UPM's system property naming its configuration folder. */
    public static final String CONFIGURATION_DIRECTORY_PROPERTY = "atlassian.upm.configuration.directory";
    /** Its default, relative to the shared home. */
    public static final String DEFAULT_CONFIGURATION_DIRECTORY = "upmconfig";
    /** The folder of trusted certificates inside the configuration folder. */
    public static final String TRUST_STORE_FOLDER = "truststore";

    private static final int ED25519_SIGNATURE_BYTES = 64;

    private final Path trustStore;
    private final Clock clock;

    /** A check against the certificates in {@code trustStore}, judging their validity at {@code clock}'s time. */
    public AppSignatureCheck(Path trustStore, Clock clock) {
        this.trustStore = trustStore.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** The check of a host whose shared home is {@code sharedHome}, with UPM's default configuration folder. */
    public static AppSignatureCheck inHome(Path sharedHome) {
        return inHome(sharedHome, DEFAULT_CONFIGURATION_DIRECTORY, Clock.systemUTC());
    }

    /**
     * The check of a host whose shared home is {@code sharedHome} and whose {@value #CONFIGURATION_DIRECTORY_PROPERTY}
     * is {@code configurationDirectory}: an absolute path is the configuration folder itself, a relative one is
     * resolved against the shared home, as UPM does.
     */
    public static AppSignatureCheck inHome(Path sharedHome, String configurationDirectory, Clock clock) {
        Path configured = Path.of(configurationDirectory);
        Path folder = configured.isAbsolute() ? configured : sharedHome.resolve(configured);
        return new AppSignatureCheck(folder.resolve(TRUST_STORE_FOLDER), clock);
    }

    /** Where the build writes a jar's raw signature, and where the host looks for it: {@code <jar>.sig}. */
    public static Path signatureOf(Path jar) {
        return jar.resolveSibling(jar.getFileName() + ".sig");
    }

    /** The trust-store folder this check reads. */
    public Path trustStore() {
        return trustStore;
    }

    /**
     * Puts a certificate in the trust store, as an admin copies one there, creating the folders when needed. A file
     * that is not an X.509 certificate with an Ed25519 key is refused and the trust store is left as it was.
     *
     * @return the certificate's path in the trust store
     */
    public Path installCertificate(Path certificate) throws AppSignatureException, IOException {
        List<X509Certificate> read = readCertificates(certificate);
        if (read.isEmpty() || read.stream().noneMatch(AppSignatureCheck::isEd25519)) {
            throw new AppSignatureException("Cannot trust " + certificate.getFileName()
                    + ": it is not an X.509 certificate with an Ed25519 key, which UPM's signature check needs");
        }
        Files.createDirectories(trustStore);
        return Files.copy(certificate, trustStore.resolve(certificate.getFileName().toString()),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Accepts {@code jar} only if {@code signature} verifies against a valid certificate in the trust store.
     *
     * @return the certificate that verified the signature
     * @throws AppSignatureException saying why the app would not be installed
     */
    public X509Certificate verify(Path jar, Path signature) throws AppSignatureException {
        String app = jar.getFileName().toString();
        if (!Files.isRegularFile(jar)) {
            throw new AppSignatureException("There is no app " + app + " to install (" + jar + ")");
        }
        if (signature == null || !Files.isRegularFile(signature)) {
            throw new AppSignatureException("The app " + app + " is unsigned: there is no signature"
                    + (signature == null ? "" : " " + signature.getFileName()) + " beside it. UPM's signature check"
                    + " installs only signed apps; upload the jar with the signature the build wrote (" + app
                    + ".sig)");
        }
        byte[] signed = read(signature, app);
        List<X509Certificate> trusted = trustedCertificates();
        if (trusted.isEmpty()) {
            throw new AppSignatureException("Cannot install " + app + ": the trust store " + trustStore
                    + " holds no Ed25519 certificate, so no app can pass UPM's signature check. Put the app's signing"
                    + " certificate there (read-only for the user running Jira)");
        }
        byte[] jarBytes = bytes(jar);
        for (X509Certificate certificate : trusted) {
            if (verifies(certificate, jarBytes, signed)) {
                return valid(certificate, app);
            }
        }
        throw new AppSignatureException("The signature of " + app + " does not verify against any of the "
                + trusted.size() + " certificate(s) in the trust store " + trustStore + ": the jar was changed after"
                + " it was signed, or it was signed with a key whose certificate is not in the trust store");
    }

    private X509Certificate valid(X509Certificate certificate, String app) throws AppSignatureException {
        Instant now = clock.instant();
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new AppSignatureException("The app " + app + " is signed with the certificate "
                    + certificate.getSubjectX500Principal().getName() + ", which expired on "
                    + certificate.getNotAfter().toInstant() + "; UPM refuses apps whose certificate has expired."
                    + " Sign the app with a valid certificate and put that certificate in the trust store");
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new AppSignatureException("The app " + app + " is signed with the certificate "
                    + certificate.getSubjectX500Principal().getName() + ", which is not valid before "
                    + certificate.getNotBefore().toInstant());
        }
        return certificate;
    }

    /** The signature as the raw 64 bytes, or as the one line of Base64 that is its text form. */
    private static byte[] read(Path signature, String app) throws AppSignatureException {
        byte[] content = bytes(signature);
        if (content.length == ED25519_SIGNATURE_BYTES) {
            return content;
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(new String(content, StandardCharsets.US_ASCII).trim());
            if (decoded.length == ED25519_SIGNATURE_BYTES) {
                return decoded;
            }
        } catch (IllegalArgumentException notBase64) {
            // Reported below with the other malformed forms.
        }
        throw new AppSignatureException("The signature " + signature.getFileName() + " of " + app
                + " is not an Ed25519 signature (64 bytes, raw or in Base64)");
    }

    private static boolean verifies(X509Certificate certificate, byte[] jar, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(jar);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * Every Ed25519 certificate in the trust store's files (PEM or DER, one or more per file). Files that hold no
     * certificate are passed over, as a stray note in the folder should not stop every install.
     */
    private List<X509Certificate> trustedCertificates() {
        if (!Files.isDirectory(trustStore)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(trustStore)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                readCertificates(file).stream().filter(AppSignatureCheck::isEd25519).forEach(certificates::add);
            }
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the trust store " + trustStore, e);
        }
    }

    private static List<X509Certificate> readCertificates(Path file) throws IOException {
        try {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)));
            return read.stream().filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast).toList();
        } catch (CertificateException notACertificate) {
            return List.of();
        }
    }

    private static boolean isEd25519(X509Certificate certificate) {
        String algorithm = certificate.getPublicKey().getAlgorithm();
        return "Ed25519".equals(algorithm) || "EdDSA".equals(algorithm);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
