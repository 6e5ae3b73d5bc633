package io.goftgu.gateway.proxy;

import io.goftgu.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * An HTTP/2 request may send its body without {@code Content-Length}: DATA frames until the stream ends. Vert.x's
 * proxy (vertx-http-proxy 4.5) passes a body of unknown length on only when the client's {@code Transfer-Encoding}
 * says chunked, a header HTTP/2 does not have, so the service used to get no body at all. Such a body is read here, up
 * to {@link #MAX_BYTES}, and sent on with its length; a longer one is refused with 411, as it must then come with a
 * {@code Content-Length} (which browsers always send for uploads). A request without a body is sent on with
 * {@code Content-Length: 0}.
 */
final class Http2Bodies implements ProxyInterceptor {

    /** As much as a JSON body may be anywhere (internal-chat's {@code max-json-body}). */
    static final int MAX_BYTES = 1024 * 1024;

    private static final Buffer TOO_LONG = Buffer.buffer("{\"type\":\"https://goftgu.io/problems/411\","
            + "\"title\":\"Length required\",\"status\":411,\"detail\":\"an HTTP/2 body over " + MAX_BYTES
            + " bytes needs a Content-Length\"}");

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        var request = context.request();
        var client = request.proxiedRequest();
        if (client.version() != HttpVersion.HTTP_2 || client.isEnded()
                || client.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            return context.sendRequest();
        }
        var read = Promise.<Buffer>promise();
        var body = Buffer.buffer();
        var stream = request.getBody().stream();
        stream.exceptionHandler(read::tryFail);
        stream.endHandler(end -> read.tryComplete(body));
        stream.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_BYTES) {
                stream.handler(null);
                read.tryComplete(null);
            } else {
                body.appendBuffer(chunk);
            }
        });
        stream.resume();
        return read.future().compose(whole -> {
            if (whole == null) {
                return Future.succeededFuture(request.release().response().setStatusCode(411)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .setBody(Body.body(TOO_LONG.copy())));
            }
            request.setBody(Body.body(whole));
            return context.sendRequest();
        });
    }
}
