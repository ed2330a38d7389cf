package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.tips.TipQueue;

/** The queue against real PostgreSQL: order, filters, paging, overdue marks, and claims under contention. */
@TriageIntegrationTest
class QueueIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalServerPort
    int port;

    @Autowired
    TipQueue queue;

    @BeforeEach
    void setUp() throws SQLException {
        try (var owner = SETUP.database.connectAsOwner()) {
            // Each test starts from an empty queue; cascades remove content, keys, notes and messages.
            owner.createStatement().executeUpdate("DELETE FROM referral; DELETE FROM tip");
        }
    }

    @Test
    void manyCoordinatorsTakingNextInParallelNeverGetTheSameTip() throws Exception {
        int tips = 120;
        for (int i = 0; i < tips; i++) {
            SETUP.fileTip(TipAnswers.builder()
                    .location("place " + i)
                    .happeningNow(i % 7 == 0)
                    .build());
        }
        int claimers = 12;
        List<StaffPrincipal> coordinators = new ArrayList<>();
        for (int i = 0; i < claimers; i++) {
            var account = SETUP.staff("COORDINATOR");
            coordinators.add(new StaffPrincipal(account.id(), account.username(), account.username()));
        }
        var start = new CountDownLatch(1);
        List<Callable<List<UUID>>> work = new ArrayList<>();
        for (StaffPrincipal coordinator : coordinators) {
            work.add(() -> {
                signedInAs(coordinator);
                start.await();
                List<UUID> mine = new ArrayList<>();
                for (Optional<UUID> next = queue.takeNext(coordinator);
                        next.isPresent();
                        next = queue.takeNext(coordinator)) {
                    mine.add(next.get());
                }
                return mine;
            });
        }
        var pool = Executors.newFixedThreadPool(claimers);
        List<Future<List<UUID>>> results = new ArrayList<>();
        work.forEach(w -> results.add(pool.submit(w)));
        start.countDown();
        List<UUID> claimed = new ArrayList<>();
        Map<UUID, UUID> claimedBy = new java.util.HashMap<>();
        for (int i = 0; i < claimers; i++) {
            for (UUID id : results.get(i).get()) {
                claimed.add(id);
                claimedBy.put(id, coordinators.get(i).id());
            }
        }
        pool.shutdown();

        assertThat(claimed).hasSize(tips).doesNotHaveDuplicates();
        try (var owner = SETUP.database.connectAsOwner();
                var rs = owner.createStatement().executeQuery("SELECT id, assignee, status FROM tip")) {
            while (rs.next()) {
                assertThat(rs.getObject(2, UUID.class)).isEqualTo(claimedBy.get(rs.getObject(1, UUID.class)));
                assertThat(rs.getString(3)).isEqualTo("IN_REVIEW");
            }
        }
        // More than one coordinator got work: the claims really ran side by side.
        assertThat(new HashSet<>(claimedBy.values()).size()).isGreaterThan(1);
    }

    @Test
    void takeNextServesTheMostUrgentThenTheOldest() throws Exception {
        UUID standardOld =
                SETUP.fileTip(TipAnswers.builder().location("first standard").build());
        UUID standardNew =
                SETUP.fileTip(TipAnswers.builder().location("second standard").build());
        UUID immediate = SETUP.fileTip(TipAnswers.builder()
                .location("happening now")
                .happeningNow(true)
                .build());
        var account = SETUP.staff("COORDINATOR");
        var me = new StaffPrincipal(account.id(), account.username(), account.username());
        signedInAs(me);

        assertThat(List.of(queue.takeNext(me), queue.takeNext(me), queue.takeNext(me), queue.takeNext(me)))
                .containsExactly(
                        Optional.of(immediate), Optional.of(standardOld), Optional.of(standardNew), Optional.empty());
    }

    @Test
    void onlyOneOfManySimultaneousTakesOfOneTipSucceeds() throws Exception {
        UUID tipId = SETUP.fileTip(TipAnswers.builder().location("contested").build());
        int takers = 8;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(takers);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < takers; i++) {
            var account = SETUP.staff("COORDINATOR");
            var me = new StaffPrincipal(account.id(), account.username(), account.username());
            results.add(pool.submit(() -> {
                signedInAs(me);
                start.await();
                return queue.take(tipId, me);
            }));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> result : results) {
            won += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
    }

    @Test
    void filtersPagingAndOverdueMarksInTheBrowser() throws Exception {
        for (int i = 0; i < 55; i++) {
            SETUP.fileTip(TipAnswers.builder()
                    .location("hotel " + i)
                    .placeType("hotel-motel")
                    .build());
        }
        UUID parlor = SETUP.fileTip(
                TipAnswers.builder().location("spa").placeType("massage-parlor").build());
        UUID old = SETUP.fileTip(TipAnswers.builder().location("long ago").build());
        try (var owner = SETUP.database.connectAsOwner()) {
            owner.createStatement()
                    .executeUpdate("UPDATE tip SET received_at = now() - interval '3 days' WHERE id = '" + old + "'");
        }
        var account = SETUP.staff("COORDINATOR");
        try (WebClient browser = Browsers.withoutJavaScript()) {
            HtmlPage first = account.signIn(browser, url(""));
            assertThat(first.getHtmlElementById("row-" + old).getAttribute("class"))
                    .contains("overdue");
            assertThat(first.getHtmlElementById("row-" + old).asNormalizedText())
                    .contains("overdue");
            assertThat(rows(first)).hasSize(50);
            HtmlPage second = first.getHtmlElementById("next-page").click();
            assertThat(rows(second)).hasSize(7);
            Set<String> seen = new HashSet<>(rows(first));
            assertThat(Collections.disjoint(seen, rows(second))).isTrue();

            first.<HtmlSelect>getHtmlElementById("placeType").setSelectedAttribute("massage-parlor", true);
            HtmlPage filtered = Browsers.submit(first, "filter-form");
            assertThat(rows(filtered)).containsExactly("row-" + parlor);
            assertThat(filtered.<HtmlSelect>getHtmlElementById("placeType")
                            .getSelectedOptions()
                            .get(0)
                            .getValueAttribute())
                    .isEqualTo("massage-parlor");

            HtmlPage badDate = browser.getPage(url("/queue?from=26/11/2026&tier=NOPE"));
            assertThat(badDate.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(badDate.asNormalizedText())
                    .contains("Write the date as YYYY-MM-DD")
                    .contains("Unknown tier");
            assertThat(badDate.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("from")
                            .getValue())
                    .isEqualTo("26/11/2026");

            HtmlPage taken = Browsers.submit(first, "take-next-form");
            assertThat(taken.getUrl().getPath()).startsWith("/tips/");
            HtmlPage mine = browser.getPage(url("/queue?assignee=me"));
            assertThat(rows(mine)).hasSize(1);
        }
    }

    private static List<String> rows(HtmlPage page) {
        return page.getByXPath("//table[@id='queue']/tbody/tr").stream()
                .map(row -> ((org.htmlunit.html.HtmlElement) row).getId())
                .toList();
    }

    private static void signedInAs(StaffPrincipal who) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                who, null, List.of(new SimpleGrantedAuthority("ROLE_COORDINATOR"))));
        SecurityContextHolder.setContext(context);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
