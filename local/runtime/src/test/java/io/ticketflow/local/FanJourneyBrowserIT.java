package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import io.ticketflow.testsupport.ProjectRoot;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The fan's page in real Chromium against the whole local runtime: sign in, wait in line at the pace the server
 * advises, pick seats by section, hold, top up, pay, follow the saga, cancel. Each test leaves a screenshot in
 * {@code target/screenshots/}. Activation runs every second; the page still waits as long as the status answer
 * advises, as it would deployed.
 */
@ExtendWith({FanBrowser.Installed.class, MotoExtension.class})
class FanJourneyBrowserIT {

    /** Long enough to top up and pay by browser on a busy machine, short enough to watch one run out. */
    static final int HOLD_SECONDS = 15;
    private static final String CONCERT = "concert-1";
    private static final int R_PRICE = 90;

    private static LocalRuntime runtime;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        runtime = LocalRuntime.start(new LocalOptions(0, endpoint.uri(), endpoint.region(), "browser-",
                ProjectRoot.find(), Map.of(LocalOptions.ALL_SCHEDULES, 1),
                Map.of("RESERVATION_HOLD_SECONDS", String.valueOf(HOLD_SECONDS)), true), Topology.catalogue());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void fan_waitsHoldsPaysAndCancels_seesConfirmedThenPointsBack() {
        try (FanBrowser alice = FanBrowser.open(runtime.baseUri())) {
            alice.signIn("alice").joinLine(CONCERT).pickShow("schedule-1-1", "11-50").chooseSeat(21).chooseSeat(22).hold()
                    .atCheckout().topUp(500);
            assertThat(alice.text(By.id("total"))).isEqualTo("Total: " + 2 * R_PRICE + " points");
            assertThat(alice.text(By.id("hold-countdown"))).startsWith("Seats held for 0:");
            alice.screenshot("checkout");

            assertThat(alice.pay()).isEqualTo("CONFIRMED");

            assertThat(alice.text(By.id("booking-status"))).isEqualTo("Booking confirmed. Enjoy the show!");
            assertThat(alice.steps()).containsSubsequence("✓ Seats held", "✓ Payment processed", "✓ Points deducted",
                    "✓ Seats confirmed", "✓ Booking confirmed");
            alice.waitUntil(driver -> alice.balance() == 500 - 2 * R_PRICE);
            alice.screenshot("confirmed");

            alice.click(By.id("cancel-booking"));
            assertThat(alice.settledBooking()).isEqualTo("CANCELLED");
            assertThat(alice.text(By.id("booking-status"))).isEqualTo("Booking cancelled. Your points were refunded.");
            alice.waitUntil(driver -> alice.balance() == 500);
            assertThat(alice.steps()).contains("✓ Points refunded", "✓ Seats released");
            alice.screenshot("cancelled");
        }
    }

    @Test
    void insufficientPoints_showsWhyAndThatNothingWasTaken() {
        try (FanBrowser bob = FanBrowser.open(runtime.baseUri())) {
            bob.signIn("bob").joinLine(CONCERT).pickShow("schedule-1-1", "11-50").chooseSeat(31).hold()
                    .atCheckout().topUp(R_PRICE - 40);

            assertThat(bob.pay()).isEqualTo("FAILED");

            assertThat(bob.text(By.id("booking-status"))).isEqualTo("You did not have enough points. Nothing was taken "
                    + "from your balance, the payment was cancelled and the seats were released.");
            assertThat(bob.steps()).contains("✕ Points deducted", "✓ Payment cancelled", "✓ Seats released");
            assertThat(bob.balance()).isEqualTo(R_PRICE - 40);
            bob.screenshot("insufficient-points");
        }
    }

    @Test
    void holdRunsOut_checkoutSaysSoAndTheSeatIsFreeAgain() {
        try (FanBrowser carol = FanBrowser.open(runtime.baseUri())) {
            carol.signIn("carol").joinLine(CONCERT).pickShow("schedule-1-1", "11-50").chooseSeat(41).hold().atCheckout();

            carol.waitUntil(driver -> carol.text(By.id("hold-countdown")).equals("Hold expired"));

            assertThat(carol.alert()).isEqualTo("Your hold has expired and the seats were released. Pick your seats again.");
            assertThat(carol.visible(By.id("pay")).isEnabled()).isFalse();
            carol.screenshot("hold-expired");
            carol.click(By.id("pick-again"));
            carol.click(By.cssSelector("button[data-section='11-50']"));
            carol.waitUntil(driver -> "FREE".equals(carol.seatStatus(41)));
        }
    }

    @Test
    void twoFansRaceForOneSeat_oneHoldsIt_theOtherIsToldItWasTakenAndSeesTheMapChange() {
        try (FanBrowser dave = FanBrowser.open(runtime.baseUri()); FanBrowser erin = FanBrowser.open(runtime.baseUri())) {
            dave.signIn("dave").joinLine(CONCERT);
            erin.signIn("erin").joinLine(CONCERT);
            dave.pickShow("schedule-1-2", "1-10").chooseSeat(5);
            erin.pickShow("schedule-1-2", "1-10").chooseSeat(5);

            dave.hold();
            erin.hold();

            dave.waitUntil(driver -> dave.heldOrRefused());
            erin.waitUntil(driver -> erin.heldOrRefused());
            boolean daveWon = dave.driver.getCurrentUrl().contains("#/checkout/");
            FanBrowser winner = daveWon ? dave : erin;
            FanBrowser loser = daveWon ? erin : dave;
            assertThat(winner.driver.getCurrentUrl()).contains("#/checkout/");
            assertThat(loser.driver.getCurrentUrl()).contains("#/seats/");
            assertThat(loser.alert()).isEqualTo("Sorry, that seat was just taken. The map now shows who has what.");
            loser.waitUntil(driver -> "HELD".equals(loser.seatStatus(5)));
            assertThat(loser.seatProperty(5, "disabled")).isEqualTo(true);
            loser.screenshot("seat-taken");
        }
    }
}
