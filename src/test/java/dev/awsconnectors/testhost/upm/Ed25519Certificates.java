package dev.awsconnectors.testhost.upm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Ed25519 key pairs and self-signed X.509 v3 certificates made in a test, with the JDK only: the JDK can make the key
 * pair but has no public API to issue a certificate, so the few DER structures of RFC 5280 are written here, with any
 * validity period (an expired certificate included).
 */
public final class Ed25519Certificates {
    /** AlgorithmIdentifier of Ed25519 (OID 1.3.101.112, no parameters), RFC 8410. */
    private static final byte[] ED25519 = {0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70};
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Ed25519Certificates() {
    }

    /** A signer: its private key and the self-signed certificate of its public key. */
    public record Signer(PrivateKey privateKey, X509Certificate certificate) {
        public byte[] sign(byte[] data) throws GeneralSecurityException {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        }

        /** Writes the certificate as PEM, as an admin receives it. */
        public Path writePem(Path file) throws Exception {
            Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
            return file;
        }

        @Override
        public String toString() {
            return "Signer[" + certificate.getSubjectX500Principal() + "]";
        }
    }

    public static Signer signer(String commonName, Instant notBefore, Instant notAfter) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] name = sequence(set(sequence(
                der(0x06, new byte[] {0x55, 0x04, 0x03}), // id-at-commonName
                der(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
        byte[] tbs = sequence(
                der(0xa0, der(0x02, new byte[] {0x02})), // [0] version v3
                der(0x02, new byte[] {0x01}),            // serial number
                ED25519, name,
                sequence(utcTime(notBefore), utcTime(notAfter)),
                name,
                keys.getPublic().getEncoded());          // SubjectPublicKeyInfo, already DER
        Signature self = Signature.getInstance("Ed25519");
        self.initSign(keys.getPrivate());
        self.update(tbs);
        byte[] signature = self.sign();
        byte[] bitString = new byte[signature.length + 1]; // leading 0: no unused bits
        System.arraycopy(signature, 0, bitString, 1, signature.length);
        byte[] certificate = sequence(tbs, ED25519, der(0x03, bitString));
        return new Signer(keys.getPrivate(), (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate)));
    }

    private static byte[] utcTime(Instant instant) {
        return der(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sequence(byte[]... parts) {
        return der(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return der(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
