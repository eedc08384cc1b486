package dev.awsconnectors.bundle;

import dev.awsconnectors.testhost.CommandLineTools;
import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.upm.AppSignatureCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a Jira 11 admin gets from the build for UPM's signature check: the jar, its signature beside it (raw and in
 * Base64) and the signing certificate as PEM, and the signature verifies over the jar's exact bytes.
 */
@OnBuiltJar
class SignedPluginJarIT {
    private final Path jar = Path.of(System.getProperty("awsc.pluginJar"));
    private final Path signature = Path.of(System.getProperty("awsc.pluginSignature"));
    private final Path base64Signature = signature.resolveSibling(signature.getFileName() + ".base64");
    private final Path certificate = Path.of(System.getProperty("awsc.signingCertificate"));

    @TempDir
    Path home;

    @Test
    void theBuildWritesTheSignatureRawAndInBase64BesideTheJarAndTheCertificateAsPem() throws Exception {
        assertThat(signature).isEqualTo(AppSignatureCheck.signatureOf(jar));
        assertThat(signature).isRegularFile().hasSize(64);
        assertThat(Base64.getDecoder().decode(Files.readString(base64Signature).trim()))
                .isEqualTo(Files.readAllBytes(signature));
        assertThat(Files.readString(certificate, StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        X509Certificate read = readCertificate();
        read.checkValidity();
        assertThat(read.getPublicKey().getAlgorithm()).isIn("Ed25519", "EdDSA");
    }

    @Test
    void theSignatureVerifiesOverTheWholeJarWithTheCertificatesEd25519Key() throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(readCertificate().getPublicKey());
        verifier.update(Files.readAllBytes(jar));

        assertThat(verifier.verify(Files.readAllBytes(signature))).isTrue();
    }

    @Test
    void aDemoHomeThatTrustsTheCertificateAcceptsTheBuiltJarInBothSignatureForms() throws Exception {
        AppSignatureCheck check = AppSignatureCheck.inHome(home);
        check.installCertificate(certificate);

        assertThat(check.verify(jar, signature)).isEqualTo(readCertificate());
        assertThat(check.verify(jar, base64Signature)).isEqualTo(readCertificate());
    }

    /** Exactly the commands of Atlassian's "App signing troubleshooting" page, when openssl is installed. */
    @Test
    void opensslVerifiesTheSignatureAsAtlassiansTroubleshootingPageDoes() throws Exception {
        assumeTrue(CommandLineTools.available("openssl"), "openssl is not installed; the JDK verification above still ran");
        Path publicKey = home.resolve("public_key.pem");
        Files.writeString(publicKey, run("openssl", "x509", "-in", certificate.toString(), "-noout", "-pubkey"));

        assertThat(run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", publicKey.toString(), "-rawin",
                "-in", jar.toString(), "-sigfile", signature.toString()))
                .contains("Signature Verified Successfully");

        // And the Base64 form, decoded first as the page says.
        Path decoded = Files.write(home.resolve("decoded.sig"),
                Base64.getDecoder().decode(Files.readString(base64Signature).trim()));
        assertThat(run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", publicKey.toString(), "-rawin",
                "-in", jar.toString(), "-sigfile", decoded.toString()))
                .contains("Signature Verified Successfully");
    }

    private X509Certificate readCertificate() throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificate)));
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("%s exited with: %s", String.join(" ", command), output).isZero();
        return output;
    }
}
