package io.goftgu.files;

import io.goftgu.problem.Problems;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The checks every multipart upload gets, in this order: a {@code file} part (400), its size against the caller's
 * limit (413), not empty (400), then its type decided by its bytes against the caller's allowlist (415). A service
 * puts its own checks (quotas) between {@link #requireSize} and {@link #read}, so nothing is read or stored unless
 * all pass.
 */
public final class Uploads {

    /** A file that passed the checks: a display name (never a storage path), its real type and its bytes. */
    public record CheckedFile(String name, String contentType, byte[] bytes) {

        /** {@code {width, height}} of an image, else null. */
        public int[] dimensions() {
            return FileTypes.dimensions(bytes, contentType);
        }
    }

    private Uploads() {
    }

    /** The multipart {@code file} part: 400 when there is none. */
    public static FileUpload require(FileUpload file) {
        if (file == null) {
            throw Problems.invalid("file", "is required");
        }
        return file;
    }

    /** 413 when larger than {@code limit}, 400 when empty. */
    public static void requireSize(FileUpload file, long limit) {
        if (file.size() > limit) {
            throw Problems.tooLarge("the file is " + file.size() + " bytes; at most " + limit + " are accepted here");
        }
        if (file.size() == 0) {
            throw Problems.invalid("file", "is empty");
        }
    }

    /** Reads the bytes; 415 unless their type (by magic bytes, not the client's word) is in {@code allowed}. */
    public static CheckedFile read(FileUpload file, Set<String> allowed) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var type = FileTypes.detect(bytes);
        if (!allowed.contains(type)) {
            throw Problems.unsupportedMediaType("files of type " + type + " are not accepted (" + String.join(", ",
                    new TreeSet<>(allowed)) + " are)");
        }
        return new CheckedFile(FileNames.safe(file.fileName()), type, bytes);
    }

    /** A multipart id field ({@code roomId}, {@code ticketId}): null when absent or blank, 400 when not an id. */
    public static UUID optionalId(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, "is not an id");
        }
    }
}
