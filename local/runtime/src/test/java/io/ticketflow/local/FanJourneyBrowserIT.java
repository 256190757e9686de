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
 * advises, pick seats by section, hold, top up, pay part in points and part by card, follow the saga, cancel. Each
 * test leaves a screenshot in {@code target/screenshots/}. Activation runs every second; the page still waits as
 * long as the status answer advises, as it would deployed.
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
    void fan_paysPartPointsPartCard_seesWhatWasChargedAndEarned_thenCancelsAndGetsBoth() {
        try (FanBrowser alice = FanBrowser.open(runtime.baseUri())) {
            alice.signIn("alice").joinLine(CONCERT).pickShow("schedule-1-1", "11-50").chooseSeat(21).chooseSeat(22).hold()
                    .atCheckout().topUp(500);
            assertThat(alice.text(By.id("total"))).isEqualTo("Total: " + 2 * R_PRICE + " points");
            assertThat(alice.text(By.id("hold-countdown"))).startsWith("Seats held for 0:");
            // the balance covers the price, so the points pay it all until the fan says otherwise
            assertThat(alice.text(By.id("pay"))).isEqualTo("Pay " + 2 * R_PRICE + " points");

            alice.split(30, SimulatedCards.APPROVE);
            assertThat(alice.text(By.id("card-part"))).isEqualTo("Card: " + (2 * R_PRICE - 30));
            assertThat(alice.text(By.id("pay"))).isEqualTo("Pay 30 points + " + (2 * R_PRICE - 30) + " by card");
            alice.screenshot("checkout");

            assertThat(alice.pay()).isEqualTo("CONFIRMED");

            assertThat(alice.text(By.id("booking-status"))).isEqualTo("Booking confirmed. Enjoy the show!");
            // 1 % of the card part, rounded down
            assertThat(alice.text(By.id("booking-figures")))
                    .isEqualTo("You paid 30 points and your card was charged 150. You earned 1 point.");
            assertThat(alice.steps()).containsSubsequence("✓ Seats held", "✓ Payment authorised", "✓ Points deducted",
                    "✓ Seats confirmed", "✓ Card charged", "✓ Points earned", "✓ Booking confirmed");
            alice.waitUntil(driver -> alice.balance() == 500 - 30 + 1);
            alice.screenshot("confirmed");

            alice.click(By.id("cancel-booking"));
            assertThat(alice.settledBooking()).isEqualTo("CANCELLED");
            assertThat(alice.text(By.id("booking-status"))).isEqualTo("Booking cancelled. Your card was refunded 150. "
                    + "Your 30 points were returned. The 1 point it earned was taken back.");
            alice.waitUntil(driver -> alice.balance() == 500);
            assertThat(alice.steps()).contains("✓ Earned points taken back", "✓ Points refunded", "✓ Card refunded",
                    "✓ Seats released");
            alice.screenshot("cancelled");
        }
    }

    @Test
    void moreThanTheBalanceOrNoCard_isRefusedOnThePage_thenADeclinedCardFailsAndTakesNoPoints() {
        try (FanBrowser frank = FanBrowser.open(runtime.baseUri())) {
            frank.signIn("frank").joinLine(CONCERT).pickShow("schedule-1-1", "11-50").chooseSeat(32).hold()
                    .atCheckout().topUp(50);

            // the page refuses what the server (or, for the balance, the saga) would, before anything is sent
            frank.split(60, null).click(By.id("pay"));
            frank.waitUntil(driver -> frank.alert().equals("You have 50 points: use at most that many, or add points first."));
            frank.split(40, null).click(By.id("pay"));
            frank.waitUntil(driver -> frank.alert().equals("Enter a card to pay the 50 your points do not cover."));

            frank.split(40, SimulatedCards.DECLINE);
            assertThat(frank.text(By.id("pay"))).isEqualTo("Pay 40 points + 50 by card");
            assertThat(frank.pay()).isEqualTo("FAILED");

            assertThat(frank.text(By.id("booking-status"))).isEqualTo("Your card was declined, or the card provider did "
                    + "not answer. Nothing was charged, no points were taken and the seats were released; you keep your "
                    + "place in line.");
            assertThat(frank.steps()).contains("✕ Payment authorised", "✓ Seats released", "✓ Place in line given back");
            assertThat(frank.steps()).doesNotContain("✓ Points deducted");
            assertThat(frank.balance()).isEqualTo(50);
            frank.screenshot("card-declined");
        }
    }

    @Test
    void earnedPointsSpentElsewhere_cancellationIsRefusedWithWhy_andTheBookingStaysConfirmed() {
        try (FanBrowser gina = FanBrowser.open(runtime.baseUri())) {
            gina.signIn("gina").joinLine(CONCERT).pickShow("schedule-1-3", "11-50").chooseSeat(23).chooseSeat(24).hold()
                    .atCheckout();
            String firstBooking = gina.driver.getCurrentUrl();
            // no points: the card pays all 180 and earns 1 point
            gina.split(0, SimulatedCards.APPROVE);
            assertThat(gina.text(By.id("pay"))).isEqualTo("Pay " + 2 * R_PRICE + " by card");
            assertThat(gina.pay()).isEqualTo("CONFIRMED");
            gina.waitUntil(driver -> gina.balance() == 1);

            // the earned point pays part of another concert's seat
            gina.click(By.cssSelector("a.brand"));
            gina.joinLine("concert-2").pickShow("schedule-2-1", "11-50").chooseSeat(25).hold().atCheckout()
                    .split(1, SimulatedCards.APPROVE);
            assertThat(gina.pay()).isEqualTo("CONFIRMED");
            gina.waitUntil(driver -> gina.balance() == 0);

            gina.driver.navigate().to(firstBooking);
            gina.click(By.id("cancel-booking"));

            assertThat(gina.settledBooking()).isEqualTo("CONFIRMED");
            assertThat(gina.text(By.id("booking-figures"))).isEqualTo("Your card was charged 180. You earned 1 point.");
            assertThat(gina.text(By.id("cancellation-status"))).isEqualTo("You have already spent the 1 point this "
                    + "booking earned, so it can’t be cancelled. Nothing was refunded and your booking stays confirmed.");
            assertThat(gina.steps()).contains("✕ Earned points taken back");
            assertThat(gina.driver.findElements(By.id("cancel-booking"))).isEmpty();
            assertThat(gina.balance()).isZero();
            gina.screenshot("cancellation-refused");
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
