package io.goftgu.files;

import jakarta.ws.rs.core.Response;

/**
 * A stored file on its way out. Every download answers with the same headers, so an uploaded file can never act as
 * a page of ours: {@code Content-Disposition: attachment} (saved, not shown; the UTF-8 name per RFC 6266),
 * {@code X-Content-Type-Options: nosniff} (the type we detected is the type), {@code Content-Security-Policy:
 * default-src 'none'; sandbox} (opened anyway, an HTML or SVG file runs no script and reaches nothing) and
 * {@code Cache-Control: private, no-store} (access is checked on each download).
 */
public record Download(String name, String contentType, byte[] bytes) {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox";

    public Response response() {
        return Response.ok(bytes, contentType)
                .header("Content-Disposition", FileNames.contentDisposition(name))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
