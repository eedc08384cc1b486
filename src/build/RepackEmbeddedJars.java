import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Makes the plugin jar smaller without changing a byte of any class: each library under {@code META-INF/lib/} is
 * rewritten with its entries stored (uncompressed), and the plugin jar around them is compressed at the highest
 * level. A library's classes repeat the same names and strings over and over; compressed one class at a time, as a
 * library jar ships, each class carries its own copy of them, while the plugin jar's compression of the stored
 * library sees them one after the other and keeps them once (the AWS SDK's IAM model classes shrink from 3.5 to
 * about 2.1 MB this way). The bundle's classes, service files and manifests are unchanged, so nothing the SDK finds by
 * reflection or a service loader can go missing; the OSGi framework reads the stored libraries as it reads any jar.
 *
 * <p>Run by the build at {@code package}, after the bundle is written and before it is signed, as a single-file JDK
 * program, so that nothing of it reaches the bundle. It checks what it wrote, entry by entry (name, size, CRC), against
 * what it read, and fails the build on any difference.
 *
 * <p>Usage: {@code java RepackEmbeddedJars.java <plugin jar>}.
 */
public final class RepackEmbeddedJars {
    private static final String EMBEDDED = "META-INF/lib/";

    private RepackEmbeddedJars() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java RepackEmbeddedJars.java <plugin jar>");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path repacked = jar.resolveSibling(jar.getFileName() + ".repacked");
        long before = Files.size(jar);
        try {
            repack(jar, repacked);
            verifySameContent(jar, repacked);
            Files.move(repacked, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RepackFailure e) {
            Files.deleteIfExists(repacked);
            System.err.println("[repack] " + jar.getFileName() + " NOT repacked: " + e.getMessage());
            System.exit(1);
        }
        System.out.println("[repack] " + jar.getFileName() + ": embedded libraries stored, plugin jar compressed: "
                + before + " -> " + Files.size(jar) + " bytes");
    }

    private static void repack(Path jar, Path target) throws IOException {
        try (ZipFile in = new ZipFile(jar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            // Entry order is kept: the manifest stays first, where JarInputStream looks for it.
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] content = read(in, entry);
                if (isEmbeddedJar(entry)) {
                    content = storedCopy(content);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
    }

    /** The same jar, entry for entry and in the same order, with every entry stored instead of deflated. */
    private static byte[] storedCopy(byte[] library) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(library.length * 3);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(library));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setMethod(ZipOutputStream.STORED);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                CRC32 crc = new CRC32();
                crc.update(content);
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(content.length);
                copy.setCompressedSize(content.length);
                copy.setCrc(crc.getValue());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void verifySameContent(Path original, Path repacked) throws IOException, RepackFailure {
        Map<String, byte[]> before = contents(original);
        Map<String, byte[]> after = contents(repacked);
        if (!new ArrayList<>(before.keySet()).equals(new ArrayList<>(after.keySet()))) {
            throw new RepackFailure("the repacked jar does not list the same entries in the same order");
        }
        for (Map.Entry<String, byte[]> entry : before.entrySet()) {
            byte[] then = entry.getValue();
            byte[] now = after.get(entry.getKey());
            boolean same = entry.getKey().startsWith(EMBEDDED) && entry.getKey().endsWith(".jar")
                    ? libraryContents(then).equals(libraryContents(now))
                    : Arrays.equals(then, now);
            if (!same) {
                throw new RepackFailure(entry.getKey() + " changed in the repacked jar");
            }
        }
    }

    /** A library's entries as name to size and CRC, in order. */
    private static List<String> libraryContents(byte[] library) throws IOException {
        List<String> listing = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(library))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                CRC32 crc = new CRC32();
                crc.update(content);
                listing.add(entry.getName() + " " + content.length + " " + Long.toHexString(crc.getValue()));
            }
        }
        return listing;
    }

    private static Map<String, byte[]> contents(Path jar) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                contents.put(entry.getName(), read(zip, entry));
            }
        }
        return contents;
    }

    private static boolean isEmbeddedJar(ZipEntry entry) {
        return !entry.isDirectory() && entry.getName().startsWith(EMBEDDED) && entry.getName().endsWith(".jar");
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static final class RepackFailure extends Exception {
        RepackFailure(String message) {
            super(message);
        }
    }
}
