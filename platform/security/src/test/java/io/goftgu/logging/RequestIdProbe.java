package io.goftgu.logging;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.logging.MDC;

/** Test-only: answers what the logging context holds while a request is handled. */
@Path("/probe/request-id")
@PermitAll
public class RequestIdProbe {

    @GET
    public String requestId() {
        var id = MDC.get(RequestIdLogging.MDC_KEY);
        return id == null ? "-" : id.toString();
    }
}
