package io.goftgu.files;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What a client's file name may become: a display name, and a download header that cannot be abused. */
public final class FileNames {

    private FileNames() {
    }

    /**
     * The last path segment of a client's file name, without control characters or quotes, at most 200 characters;
     * "file" when nothing is left. It is only ever shown: storage names are generated.
     */
    public static String safe(String raw) {
        var name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "file";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /** Always a download, never rendered: the UTF-8 name per RFC 6266/8187, with an ASCII fallback. */
    public static String contentDisposition(String name) {
        var ascii = name.replaceAll("[^\\x20-\\x7E]|[\"\\\\;]", "_");
        var encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
