package io.goftgu.internalchat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * Search through the real stack and PostgreSQL full-text: Persian spellings meet, only my rooms are searched,
 * deleted and edited-away text is not found, and snippets are escaped with the hits marked.
 */
@QuarkusTest
class SearchTest extends ChatTestSupport {

    static final UUID WS = UUID.randomUUID();
    static UUID sara;
    static UUID reza;
    static UUID nima;
    static UUID customer;
    static String shared;
    static String nimas;

    @BeforeEach
    void users() {
        if (sara != null) {
            return;
        }
        sara = staff(WS, "Sara");
        reza = staff(WS, "Reza");
        nima = staff(WS, "Nima");
        customer = customer(WS, "Customer");
        awaitColleagues(sara, 2);
        shared = group(sara, "Search", reza);
        nimas = group(nima, "Nima's");
        send(sara, shared, "كتاب علي را فردا می‌آورم");            // Arabic yeh and kaf, ZWNJ
        send(reza, shared, "فاکتور شماره ۱۴۰۳ آماده شد");          // Persian digits
        send(reza, shared, "قیمت <b>ویژه</b> & تخفیف");
        send(nima, nimas, "کتاب محرمانه");
    }

    @Test
    void persianSpellingsMeet() {
        as(reza).get("/api/internal-chat/search?q=کتاب").then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].roomId", equalTo(shared)).body("total", equalTo(1))
                .body("data[0].snippet", containsString("<mark>کتاب</mark>")).body("data[0].seq", equalTo(1));
        as(reza).get("/api/internal-chat/search?q=علی").then().body("data", hasSize(1));
        as(reza).get("/api/internal-chat/search?q=مي آورم").then().body("data", hasSize(1));
        as(sara).get("/api/internal-chat/search?q=1403").then().body("data", hasSize(1))
                .body("data[0].snippet", containsString("<mark>1403</mark>"));
        as(sara).get("/api/internal-chat/search?q=١٤٠٣").then().body("data", hasSize(1));
        as(sara).get("/api/internal-chat/search?q=فاکتـــور").then().body("data", hasSize(1));
    }

    @Test
    void onlyMyRoomsAreSearched() {
        as(nima).get("/api/internal-chat/search?q=کتاب").then().statusCode(200).body("data", hasSize(1))
                .body("data[0].roomId", equalTo(nimas));
        as(sara).get("/api/internal-chat/search?q=محرمانه").then().body("data", hasSize(0));
        as(sara).get("/api/internal-chat/search?q=کتاب&roomId=" + nimas).then().statusCode(404);
        as(sara).get("/api/internal-chat/search?q=کتاب&roomId=" + shared).then().statusCode(200).body("data", hasSize(1));
        as(customer).get("/api/internal-chat/search?q=کتاب").then().statusCode(403);
    }

    @Test
    void snippetsAreEscapedAndBadQueriesRefused() {
        as(sara).get("/api/internal-chat/search?q=ویژه").then().body("data", hasSize(1))
                .body("data[0].snippet", containsString("<mark>ویژه</mark>"))
                .body("data[0].snippet", containsString("&amp;"))
                .body("data[0].snippet", not(containsString("<b>")));
        as(sara).get("/api/internal-chat/search?q=").then().statusCode(400).body("errors.field", hasItem("q"));
        as(sara).get("/api/internal-chat/search").then().statusCode(400);
        as(sara).get("/api/internal-chat/search?q=" + "ب".repeat(201)).then().statusCode(400);
        as(sara).get("/api/internal-chat/search?q=x&limit=500").then().statusCode(400);
        as(sara).get("/api/internal-chat/search?q=x&roomId=nope").then().statusCode(404);
    }

    @Test
    void editedAndDeletedTextIsNotFound() {
        var room = group(sara, "Edits", reza);
        var m = send(sara, room, "واژه‌ی قدیمی");
        var d = send(sara, room, "پاک‌شدنی");
        as(sara).body(java.util.Map.of("body", "واژه جدید")).patch("/api/internal-chat/messages/" + m.get("id")).then().statusCode(200);
        as(sara).delete("/api/internal-chat/messages/" + d.get("id")).then().statusCode(204);
        as(reza).get("/api/internal-chat/search?q=قدیمی").then().body("data", hasSize(0));
        as(reza).get("/api/internal-chat/search?q=جدید").then().body("data.messageId", equalTo(List.of(m.get("id"))));
        as(reza).get("/api/internal-chat/search?q=پاک").then().body("data", hasSize(0));
    }
}
