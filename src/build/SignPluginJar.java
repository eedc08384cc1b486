import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Arrays;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs the packaged plugin jar for UPM's app signature check, then verifies what it wrote. Run by the build at
 * {@code package}, after the bundle is written, as a single-file JDK program ({@code java SignPluginJar.java}), so
 * that no signing code or library reaches the bundle.
 *
 * <p>What UPM checks, as Atlassian's pages describe it (sources in the README, "Install"): an Ed25519 signature
 * (the key of "Generating app signature and verification certificate using OpenSSL" is
 * {@code openssl genpkey -algorithm ed25519}) over the whole jar file, verified with the public key of an X.509
 * certificate in UPM's trust store; "App signing troubleshooting" verifies it with
 * {@code openssl pkeyutl -verify -pubin -inkey public_key.pem -rawin -in app.jar -sigfile signature.txt.sig}, which is
 * plain Ed25519 (no pre-hash) over the file's bytes, and says Base64 signatures must be decoded first. So this writes,
 * beside {@code <jar>}:
 * <ul>
 *   <li>{@code <jar>.sig}: the raw 64-byte signature, what {@code openssl pkeyutl -sigfile} reads;</li>
 *   <li>{@code <jar>.sig.base64}: the same signature as one line of Base64, the text form;</li>
 *   <li>the certificate as PEM, for the trust store.</li>
 * </ul>
 *
 * <p>Key material: a release key and certificate when both are given ({@code -Dawsc.signing.key} and
 * {@code -Dawsc.signing.certificate}, else the environment's {@code AWSC_SIGNING_KEY} and
 * {@code AWSC_SIGNING_CERTIFICATE}: paths to an unencrypted PKCS#8 PEM private key and a PEM certificate, as
 * Atlassian's OpenSSL page makes them); otherwise a development key pair and self-signed certificate in the
 * development folder, created by the JDK's keytool on first use and reused afterwards.
 *
 * <p>Usage: {@code java SignPluginJar.java <jar> <certificate output> <development key folder>}.
 */
public final class SignPluginJar {
    private static final String DEV_KEYSTORE = "dev-signing.p12";
    private static final String DEV_ALIAS = "aws-connectors-dev-signing";
    /** Only guards the development keystore's file format; the folder's permissions are what protect the key. */
    private static final char[] DEV_STORE_PASSWORD = "aws-connectors-dev".toCharArray();
    private static final int DEV_VALIDITY_DAYS = 825;
    private static final int ED25519_SIGNATURE_BYTES = 64;

    private SignPluginJar() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java SignPluginJar.java <jar> <certificate output> <development key folder>");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path raw = jar.resolveSibling(jar.getFileName() + ".sig");
        Path base64 = jar.resolveSibling(jar.getFileName() + ".sig.base64");
        Path certificateOut = Path.of(args[1]);
        List<Path> outputs = List.of(raw, base64, certificateOut);
        try {
            // A signature left by an earlier build must never sit beside a jar it was not made for.
            deleteAll(outputs);
            signAndVerify(jar, raw, base64, certificateOut, Path.of(args[2]));
        } catch (SigningFailure | IOException | GeneralSecurityException e) {
            deleteAll(outputs);
            System.err.println("[signing] FAILED: " + (e instanceof SigningFailure ? "" : e.getClass().getSimpleName()
                    + ": ") + e.getMessage());
            System.exit(1);
        }
    }

    private static void deleteAll(List<Path> files) throws IOException {
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
    }

    private static void signAndVerify(Path jar, Path raw, Path base64, Path certificateOut, Path devFolder)
            throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(jar)) {
            throw fail("there is no jar to sign at " + jar);
        }
        KeyMaterial keys = releaseKeys().orElseGet(() -> developmentKeys(devFolder));
        byte[] jarBytes = Files.readAllBytes(jar);
        byte[] signature = sign(keys.privateKey(), jarBytes);
        // Checked in memory first, then again as read back from disk.
        verify(keys.certificate(), jarBytes, signature, jar);

        Files.write(raw, signature);
        Files.writeString(base64, Base64.getEncoder().encodeToString(signature) + "\n", StandardCharsets.US_ASCII);
        Files.writeString(certificateOut, pem(keys.certificate()), StandardCharsets.US_ASCII);

        verifyWritten(jar, raw, base64, certificateOut);
        System.out.println("[signing] " + jar.getFileName() + " signed with " + keys.description() + "; wrote "
                + raw.getFileName() + ", " + base64.getFileName() + " and " + certificateOut.getFileName()
                + "; the signature verifies against the certificate (valid until "
                + keys.certificate().getNotAfter().toInstant() + ")");
        if (keys.development()) {
            System.out.println("[signing] WARNING: this is the development key of this machine; a jar to ship is"
                    + " signed with the release key (-Dawsc.signing.key and -Dawsc.signing.certificate, README Build)");
        }
    }

    /** The signature UPM's check verifies: Ed25519 over the file exactly as shipped. */
    private static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update(data);
        return signer.sign();
    }

    /**
     * Reads back what was written, as a trust store would: the certificate from its PEM, the signature from both
     * files, the jar from disk. Anything that does not verify fails the build, so no unverifiable jar is shipped.
     */
    private static void verifyWritten(Path jar, Path raw, Path base64, Path certificatePem)
            throws IOException, GeneralSecurityException {
        X509Certificate certificate = readCertificate(certificatePem);
        byte[] signature = Files.readAllBytes(raw);
        byte[] decoded = Base64.getDecoder().decode(Files.readString(base64, StandardCharsets.US_ASCII).trim());
        if (signature.length != ED25519_SIGNATURE_BYTES || !Arrays.equals(signature, decoded)) {
            throw fail("the signature files " + raw.getFileName() + " and " + base64.getFileName() + " disagree");
        }
        verify(certificate, Files.readAllBytes(jar), signature, jar);
    }

    private static void verify(X509Certificate certificate, byte[] jarBytes, byte[] signature, Path jar)
            throws GeneralSecurityException {
        try {
            certificate.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw fail("the signing certificate " + certificate.getSubjectX500Principal() + " is not valid now (valid "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant()
                    + "): UPM refuses apps signed with it");
        }
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(jarBytes);
        if (!verifier.verify(signature)) {
            throw fail("the signature of " + jar.getFileName() + " does not verify against the certificate "
                    + certificate.getSubjectX500Principal() + ": the private key does not belong to it");
        }
    }

    private static Optional<KeyMaterial> releaseKeys() {
        String key = setting("awsc.signing.key", "AWSC_SIGNING_KEY");
        String certificate = setting("awsc.signing.certificate", "AWSC_SIGNING_CERTIFICATE");
        if (key.isEmpty() && certificate.isEmpty()) {
            return Optional.empty();
        }
        if (key.isEmpty() || certificate.isEmpty()) {
            throw fail("a release signature needs both the private key (-Dawsc.signing.key or AWSC_SIGNING_KEY) and the"
                    + " certificate (-Dawsc.signing.certificate or AWSC_SIGNING_CERTIFICATE); only one was given");
        }
        // The settings name files. A value that is not one may be the key itself, pasted from a secret store: it is
        // never repeated, not even as a file name in an exception's message.
        Path keyFile = existingFile(key, "the private key (-Dawsc.signing.key or AWSC_SIGNING_KEY)");
        Path certificateFile = existingFile(certificate,
                "the certificate (-Dawsc.signing.certificate or AWSC_SIGNING_CERTIFICATE)");
        try {
            return Optional.of(new KeyMaterial(readPkcs8Ed25519(keyFile), readCertificate(certificateFile),
                    "the release key " + keyFile.getFileName(), false));
        } catch (IOException | GeneralSecurityException e) {
            throw fail("cannot read the release key or certificate: " + e.getMessage());
        }
    }

    private static Path existingFile(String value, String what) {
        if (value.contains("-----BEGIN") || value.contains("\n") || value.contains("\r")) {
            throw fail(what + " must be the path of a file; the value given looks like the key or certificate itself"
                    + " (not shown). Write it to a file readable only by the build, and pass that file's path");
        }
        try {
            Path path = Path.of(value);
            if (Files.isRegularFile(path) && Files.isReadable(path)) {
                return path;
            }
        } catch (InvalidPathException e) {
            // Reported below, without the value.
        }
        throw fail(what + " must be the path of a readable file; the value given is not one (not shown)");
    }

    private static String setting(String property, String environment) {
        String value = System.getProperty(property, "").trim();
        if (value.isEmpty()) {
            value = System.getenv().getOrDefault(environment, "").trim();
        }
        return value;
    }

    /**
     * The development key pair: made once by the JDK's keytool into a folder only the developer can read, and reused
     * so that a demo home's trust store keeps trusting the builds. An expired one is replaced, since a development
     * certificate is only ever trusted by the developer's own demo homes.
     */
    private static KeyMaterial developmentKeys(Path folder) {
        try {
            Path store = folder.resolve(DEV_KEYSTORE);
            if (Files.isRegularFile(store)) {
                KeyMaterial existing = loadDevelopmentKeys(store);
                if (existing.certificate().getNotAfter().toInstant().isAfter(Instant.now())) {
                    return existing;
                }
                System.out.println("[signing] the development certificate expired; making a new one");
                Files.delete(store);
            }
            createPrivateFolder(folder);
            keytool("-genkeypair", "-keyalg", "Ed25519", "-alias", DEV_ALIAS,
                    "-dname", "CN=AWS Connectors for Jira development build, O=AWS Connectors for Jira",
                    "-validity", Integer.toString(DEV_VALIDITY_DAYS),
                    "-ext", "KeyUsage:critical=digitalSignature",
                    "-keystore", store.toString(), "-storetype", "PKCS12",
                    "-storepass", new String(DEV_STORE_PASSWORD));
            restrictToOwner(store);
            System.out.println("[signing] created a development signing key in " + folder
                    + " (git-ignored; never commit it)");
            return loadDevelopmentKeys(store);
        } catch (IOException | GeneralSecurityException | InterruptedException e) {
            throw fail("cannot create or read the development signing key in " + folder + ": " + e.getMessage());
        }
    }

    private static KeyMaterial loadDevelopmentKeys(Path store) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keyStore.load(in, DEV_STORE_PASSWORD);
        }
        PrivateKey key = (PrivateKey) keyStore.getKey(DEV_ALIAS, DEV_STORE_PASSWORD);
        X509Certificate certificate = (X509Certificate) keyStore.getCertificate(DEV_ALIAS);
        if (key == null || certificate == null) {
            throw new GeneralSecurityException(store + " has no entry " + DEV_ALIAS + "; delete it to make a new one");
        }
        return new KeyMaterial(key, certificate, "the development key " + store.getFileName(), true);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output.trim());
        }
    }

    private static void createPrivateFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        restrictToOwner(folder);
    }

    private static void restrictToOwner(Path path) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path,
                    PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
    }

    /** An OpenSSL {@code genpkey -algorithm ed25519} key: PKCS#8 in a PEM "PRIVATE KEY" block, unencrypted. */
    private static PrivateKey readPkcs8Ed25519(Path path) throws IOException, GeneralSecurityException {
        String text = Files.readString(path, StandardCharsets.US_ASCII);
        if (text.contains("ENCRYPTED PRIVATE KEY")) {
            throw new GeneralSecurityException(path.getFileName()
                    + " is an encrypted key; give the build an unencrypted PKCS#8 key (openssl pkey -in <key> -out"
                    + " <plain key>) from a protected location");
        }
        Matcher block = Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----")
                .matcher(text);
        if (!block.find()) {
            throw new GeneralSecurityException(path.getFileName()
                    + " is not a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)");
        }
        byte[] der = Base64.getMimeDecoder().decode(block.group(1));
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            // Never echo key bytes: only say what kind of key it is not.
            throw new GeneralSecurityException(path.getFileName() + " is not an Ed25519 private key, which UPM requires");
        }
    }

    private static X509Certificate readCertificate(Path path) throws IOException, CertificateException {
        try (var in = new ByteArrayInputStream(Files.readAllBytes(path))) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            if (!"Ed25519".equals(certificate.getPublicKey().getAlgorithm())
                    && !"EdDSA".equals(certificate.getPublicKey().getAlgorithm())) {
                throw new CertificateException(path.getFileName() + " holds a "
                        + certificate.getPublicKey().getAlgorithm() + " key; UPM needs an Ed25519 certificate");
            }
            return certificate;
        }
    }

    private static String pem(X509Certificate certificate) throws CertificateException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static SigningFailure fail(String message) {
        return new SigningFailure(message);
    }

    /** Why the jar could not be signed; main removes whatever it wrote and fails the build with this message. */
    private static final class SigningFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SigningFailure(String message) {
            super(message, null, false, false);
        }
    }

    private record KeyMaterial(PrivateKey privateKey, X509Certificate certificate, String description,
                               boolean development) {
        @Override
        public String toString() {
            return "KeyMaterial[" + description + "]";
        }
    }
}
