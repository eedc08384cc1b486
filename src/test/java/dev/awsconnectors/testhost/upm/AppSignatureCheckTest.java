package dev.awsconnectors.testhost.upm;

import dev.awsconnectors.testhost.upm.Ed25519Certificates.Signer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppSignatureCheckTest {
    private static final Instant NOW = Instant.now();

    @TempDir
    Path dir;

    private Path home;
    private Path jar;
    private Signer vendor;
    private AppSignatureCheck check;

    @BeforeEach
    void aSharedHomeTrustingTheVendorAndAnAppJar() throws Exception {
        home = Files.createDirectories(dir.resolve("shared-home"));
        jar = appJar(dir.resolve("my-app-1.0.jar"));
        vendor = Ed25519Certificates.signer("Vendor", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
        check = AppSignatureCheck.inHome(home);
        check.installCertificate(vendor.writePem(dir.resolve("vendor.crt")));
    }

    @Test
    void aJarSignedWithATrustedCertificateIsAccepted() throws Exception {
        Path signature = Files.write(AppSignatureCheck.signatureOf(jar), vendor.sign(Files.readAllBytes(jar)));

        assertThat(check.verify(jar, signature)).isEqualTo(vendor.certificate());
    }

    @Test
    void theSignatureMayAlsoBeGivenInBase64() throws Exception {
        Path signature = Files.writeString(dir.resolve("my-app-1.0.jar.sig.base64"),
                Base64.getEncoder().encodeToString(vendor.sign(Files.readAllBytes(jar))) + "\n");

        assertThat(check.verify(jar, signature)).isEqualTo(vendor.certificate());
    }

    @Test
    void anUnsignedJarIsRefused() {
        assertThatThrownBy(() -> check.verify(jar, AppSignatureCheck.signatureOf(jar)))
                .isInstanceOf(AppSignatureException.class)
                .hasMessageContaining("The app my-app-1.0.jar is unsigned")
                .hasMessageContaining("my-app-1.0.jar.sig");
        assertThatThrownBy(() -> check.verify(jar, null))
                .hasMessageContaining("is unsigned");
    }

    @Test
    void aJarWithOneByteChangedAfterSigningIsRefused() throws Exception {
        byte[] signed = Files.readAllBytes(jar);
        Path signature = Files.write(AppSignatureCheck.signatureOf(jar), vendor.sign(signed));
        signed[signed.length / 2] ^= 1;
        Files.write(jar, signed);

        assertThatThrownBy(() -> check.verify(jar, signature))
                .isInstanceOf(AppSignatureException.class)
                .hasMessageContaining("The signature of my-app-1.0.jar does not verify against any of the 1"
                        + " certificate(s) in the trust store " + check.trustStore())
                .hasMessageContaining("the jar was changed after it was signed");
    }

    @Test
    void aJarSignedWithACertificateThatIsNotInTheTrustStoreIsRefused() throws Exception {
        Signer stranger = Ed25519Certificates.signer("Stranger", NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(365)));
        Path signature = Files.write(AppSignatureCheck.signatureOf(jar), stranger.sign(Files.readAllBytes(jar)));

        assertThatThrownBy(() -> check.verify(jar, signature))
                .isInstanceOf(AppSignatureException.class)
                .hasMessageContaining("does not verify against any of the 1 certificate(s)")
                .hasMessageContaining("signed with a key whose certificate is not in the trust store");
    }

    @Test
    void aJarSignedWithAnExpiredCertificateIsRefused() throws Exception {
        Signer expired = Ed25519Certificates.signer("Old vendor", NOW.minus(Duration.ofDays(30)),
                NOW.minus(Duration.ofDays(1)));
        check.installCertificate(expired.writePem(dir.resolve("old-vendor.crt")));
        Path signature = Files.write(AppSignatureCheck.signatureOf(jar), expired.sign(Files.readAllBytes(jar)));

        assertThatThrownBy(() -> check.verify(jar, signature))
                .isInstanceOf(AppSignatureException.class)
                .hasMessageContaining("The app my-app-1.0.jar is signed with the certificate CN=Old vendor, which"
                        + " expired on")
                .hasMessageContaining("UPM refuses apps whose certificate has expired");
    }

    @Test
    void aCertificateIsJudgedAtTheHostsTimeSoItExpiresWhileInstalled() throws Exception {
        Path signature = Files.write(AppSignatureCheck.signatureOf(jar), vendor.sign(Files.readAllBytes(jar)));
        AppSignatureCheck nextYear = AppSignatureCheck.inHome(home, AppSignatureCheck.DEFAULT_CONFIGURATION_DIRECTORY,
                Clock.fixed(NOW.plus(Duration.ofDays(400)), java.time.ZoneOffset.UTC));

        assertThatThrownBy(() -> nextYear.verify(jar, signature)).hasMessageContaining("expired on");
    }

    @Test
    void anEmptyTrustStoreRefusesEveryApp() throws Exception {
        Path signature = Files.write(AppSignatureCheck.signatureOf(jar), vendor.sign(Files.readAllBytes(jar)));
        AppSignatureCheck fresh = AppSignatureCheck.inHome(Files.createDirectories(dir.resolve("fresh-home")));

        assertThatThrownBy(() -> fresh.verify(jar, signature))
                .isInstanceOf(AppSignatureException.class)
                .hasMessageContaining("the trust store " + fresh.trustStore() + " holds no Ed25519 certificate");
    }

    @Test
    void aSignatureFileThatIsNotAnEd25519SignatureIsRefused() throws Exception {
        Path signature = Files.writeString(AppSignatureCheck.signatureOf(jar), "not a signature");

        assertThatThrownBy(() -> check.verify(jar, signature))
                .hasMessageContaining("The signature my-app-1.0.jar.sig of my-app-1.0.jar is not an Ed25519"
                        + " signature");
    }

    @Test
    void theTrustStoreIsUpmconfigTruststoreInTheSharedHomeOrTheConfiguredFolder() {
        assertThat(AppSignatureCheck.inHome(home).trustStore())
                .isEqualTo(home.resolve("upmconfig").resolve("truststore").toAbsolutePath());
        assertThat(AppSignatureCheck.inHome(home, "custom-upm", Clock.systemUTC()).trustStore())
                .isEqualTo(home.resolve("custom-upm").resolve("truststore").toAbsolutePath());
        Path absolute = dir.resolve("elsewhere").toAbsolutePath();
        assertThat(AppSignatureCheck.inHome(home, absolute.toString(), Clock.systemUTC()).trustStore())
                .isEqualTo(absolute.resolve("truststore"));
    }

    @Test
    void aFileThatIsNotACertificateIsNotPutInTheTrustStore() throws Exception {
        Path notACertificate = Files.writeString(dir.resolve("notes.crt"), "-----BEGIN CERTIFICATE-----\nxx\n");

        assertThatThrownBy(() -> check.installCertificate(notACertificate))
                .isInstanceOf(AppSignatureException.class)
                .hasMessageContaining("Cannot trust notes.crt: it is not an X.509 certificate with an Ed25519 key");
        try (var files = Files.list(check.trustStore())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("vendor.crt");
        }
    }

    private static Path appJar(Path file) throws Exception {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new JarEntry("atlassian-plugin.xml"));
            out.write("<atlassian-plugin key=\"my.app\" name=\"My app\"/>".repeat(20)
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return file;
    }
}
